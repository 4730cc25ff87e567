using Microsoft.Bot.Builder;

namespace Samskapelse.Tests.Operations;

/// <summary>A store in trouble, around a working one: every call throws, or never answers (and ignores cancellation, as a hung store does).</summary>
public sealed class FaultyStorage(IStorage inner, FaultyStorage.Fault fault) : IStorage
{
    public const string SecretInMessage = "AccountKey=do-not-show-this-secret";

    public enum Fault
    {
        None,
        Throws,
        Hangs,
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        fault switch
        {
            Fault.Throws => throw new InvalidOperationException("The store is down. " + SecretInMessage),
            Fault.Hangs => new TaskCompletionSource<IDictionary<string, object>>().Task,
            _ => inner.ReadAsync(keys, cancellationToken),
        };

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
        fault == Fault.None ? inner.WriteAsync(changes, cancellationToken) : throw new InvalidOperationException("The store is down. " + SecretInMessage);

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        fault == Fault.None ? inner.DeleteAsync(keys, cancellationToken) : throw new InvalidOperationException("The store is down. " + SecretInMessage);
}
