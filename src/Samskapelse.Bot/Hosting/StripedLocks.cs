namespace Samskapelse.Bot.Hosting;

/// <summary>
/// Async locks per key, one at a time per key within this process. Locks are striped by a hash of the
/// key: bounded memory, no cleanup races, and two keys share a stripe only rarely (they then merely take turns).
/// </summary>
public class StripedLocks : IDisposable
{
    private const int Stripes = 256;
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % Stripes)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(stripe);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var stripe in stripes)
            {
                stripe.Dispose();
            }
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
