using System.Collections.Concurrent;
using Microsoft.Bot.Builder;

namespace Samskapelse.Tests.Support;

/// <summary>MemoryStorage that counts every read, write and delete, to prove a refused request touched nothing.</summary>
public sealed class RecordingStorage : IStorage
{
    private readonly MemoryStorage inner = new();
    private readonly ConcurrentQueue<string> operations = new();

    public int OperationCount => operations.Count;

    public IReadOnlyList<string> Operations => [.. operations];

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Record("read", keys);
        return inner.ReadAsync(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Record("write", changes.Keys);
        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Record("delete", keys);
        return inner.DeleteAsync(keys, cancellationToken);
    }

    private void Record(string operation, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            operations.Enqueue(operation + " " + key);
        }
    }
}
