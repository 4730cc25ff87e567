namespace Samskapelse.Bot.Resilience;

/// <summary>
/// When a per-conversation table should look at its size to prune: a ConcurrentDictionary's Count takes every
/// one of its locks, too dear on every turn, so it is looked at every 256th call (the table may outgrow its limit
/// by that many entries before they are pruned).
/// </summary>
internal sealed class SizeCheck
{
    private const int Every = 256;
    private int calls;

    public bool Due() => (Interlocked.Increment(ref calls) & (Every - 1)) == 0;
}
