namespace Samskapelse.Bot.Teams;

/// <summary>
/// Runs the turns of one conversation one at a time. Teams delivers installationUpdate and
/// conversationUpdate together, and a double click sends two submits at once; conversation state
/// is last-write-wins, so without this the second turn would act on, and save over, stale state.
/// Locks are striped by a hash of the conversation: bounded memory, no cleanup races, and two
/// conversations share a stripe only rarely (they then merely take turns).
/// The locks are per process: with several instances, what must not be lost or done twice between
/// them (plans, review actions, the welcome) is written as ETag'd store items instead.
/// </summary>
public sealed class ConversationTurnLocks : IDisposable
{
    private const int Stripes = 256;
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> EnterAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationKey) % Stripes)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in stripes)
        {
            stripe.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
