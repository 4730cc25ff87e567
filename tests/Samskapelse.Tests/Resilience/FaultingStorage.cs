using Microsoft.Bot.Builder;

namespace Samskapelse.Tests.Resilience;

/// <summary>A store that fails its next N reads or writes (as a disk or network fault would), then works; it counts every call.</summary>
public sealed class FaultingStorage : IStorage
{
    private readonly MemoryStorage inner = new();
    private int failReads;
    private int failWrites;

    public int Reads { get; private set; }

    public void FailReads(int times) => failReads = times;

    public void FailWrites(int times) => failWrites = times;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Reads++;
        return failReads-- > 0 ? throw new IOException("storage unreachable") : inner.ReadAsync(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
        failWrites-- > 0 ? throw new IOException("storage unreachable") : inner.WriteAsync(changes, cancellationToken);

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(keys, cancellationToken);
}
