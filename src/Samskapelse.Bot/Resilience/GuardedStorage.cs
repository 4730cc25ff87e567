using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;
using Samskapelse.Bot.Storage;

namespace Samskapelse.Bot.Resilience;

/// <summary>
/// Wraps the bot's <see cref="IStorage"/> so that any failure of the store itself reaches the turn as a
/// <see cref="StorageUnavailableException"/>, which <see cref="StorageFaultMiddleware"/> answers by keeping
/// the user's answer. ETag conflicts (handled by the plan store) and cancellations pass as they are.
/// </summary>
public class GuardedStorage : IStorage, IStorageDecorator, IAsyncDisposable
{
    private readonly IStorage inner;
    private readonly bool ownsInner;

    protected GuardedStorage(IStorage inner, bool ownsInner)
    {
        this.inner = inner;
        this.ownsInner = ownsInner;
    }

    public IStorage Inner => inner;

    /// <summary>The guard for <paramref name="inner"/>, listing keys too when the store can.</summary>
    /// <param name="ownsInner">True when the guard is the only owner of the store and disposes it with itself.</param>
    public static IStorage Wrap(IStorage inner, bool ownsInner = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return inner switch
        {
            GuardedStorage => inner,
            IStorageKeyListing => new GuardedListingStorage(inner, ownsInner),
            _ => new GuardedStorage(inner, ownsInner),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (ownsInner)
        {
            if (inner is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (inner is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        GC.SuppressFinalize(this);
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        GuardAsync(() => inner.ReadAsync(keys, cancellationToken));

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await inner.DeleteAsync(keys, cancellationToken).ConfigureAwait(false);
            return true;
        });

    protected static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFault(exception))
        {
            throw new StorageUnavailableException("The bot's storage failed.", exception);
        }
    }

    private static bool IsStoreFault(Exception exception) =>
        exception is not (OperationCanceledException or StorageUnavailableException) && !ETagConflictException.IsConflict(exception);

    private sealed class GuardedListingStorage(IStorage inner, bool ownsInner) : GuardedStorage(inner, ownsInner), IStorageKeyListing
    {
        public async IAsyncEnumerable<StoredKey> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var keys = ((IStorageKeyListing)Inner).ListAsync(prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (keys.ConfigureAwait(false))
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await keys.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception exception) when (IsStoreFault(exception))
                    {
                        throw new StorageUnavailableException("The bot's storage failed.", exception);
                    }

                    if (!more)
                    {
                        yield break;
                    }

                    yield return keys.Current;
                }
            }
        }
    }
}
