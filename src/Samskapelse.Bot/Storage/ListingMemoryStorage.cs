using Microsoft.Bot.Builder;

namespace Samskapelse.Bot.Storage;

/// <summary>
/// The Bot Framework's <see cref="MemoryStorage"/> (its ETag rules unchanged) plus what it cannot do:
/// list keys under a prefix with the time each was last written. For tests and local runs only.
/// </summary>
public sealed class ListingMemoryStorage(TimeProvider time) : IStorage, IStorageKeyListing, IDisposable
{
    private readonly MemoryStorage inner = new();
    private readonly SortedDictionary<string, DateTimeOffset> written = new(StringComparer.Ordinal);

    // One lock around the write and its record, so a concurrent delete cannot leave a listed key without an item.
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(keys, cancellationToken);

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            foreach (var key in changes.Keys)
            {
                written[key] = now;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await inner.DeleteAsync(keys, cancellationToken).ConfigureAwait(false);
            foreach (var key in keys)
            {
                written.Remove(key);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async IAsyncEnumerable<StoredKey> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        List<StoredKey> snapshot;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            snapshot = [.. written.Where(w => w.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(w => new StoredKey(w.Key, w.Value))];
        }
        finally
        {
            gate.Release();
        }

        foreach (var key in snapshot)
        {
            yield return key;
        }
    }
}
