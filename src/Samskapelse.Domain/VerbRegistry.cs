using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Samskapelse;

/// <summary>
/// One handler per verb, looked up in a table built once. Two handlers claiming one verb is a
/// programming error, found at start rather than by whichever handler happens to win.
/// </summary>
public sealed class VerbRegistry<THandler>
    where THandler : class
{
    private readonly FrozenDictionary<string, THandler> handlers;

    public VerbRegistry(IEnumerable<THandler> handlers, Func<THandler, string> verbOf)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(verbOf);
        var byVerb = new Dictionary<string, THandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            var verb = verbOf(handler);
            if (!byVerb.TryAdd(verb, handler))
            {
                throw new InvalidOperationException($"Two handlers claim the verb '{verb}': {byVerb[verb].GetType().Name} and {handler.GetType().Name}.");
            }
        }

        this.handlers = byVerb.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Verbs => handlers.Keys;

    public bool TryGet(string verb, [NotNullWhen(true)] out THandler? handler) => handlers.TryGetValue(verb, out handler);
}
