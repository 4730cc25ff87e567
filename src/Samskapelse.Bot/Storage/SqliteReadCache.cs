namespace Samskapelse.Bot.Storage;

/// <summary>
/// One item as the cache knows it: the written object when it may be handed out again (<see cref="StoredSnapshots"/>),
/// otherwise its stored JSON. Not both: under load the cache holds thousands of items, and what outlives the young
/// generation makes the garbage collector's pauses longer.
/// </summary>
internal sealed record CachedItem(string? Json, object? Snapshot);

/// <summary>
/// The stored JSON of recently read or written items (or that an item is absent), so a turn's reads of the
/// conversation, the user and the plan need no query; for items written by this process, also the written
/// object when nothing in it can change, so they need no parsing either. Valid because the SQLite file belongs to one process and
/// every write goes through its one <see cref="SqliteStorage"/>. A read that raced a write is not cached: each
/// write moves the generation on, and a read fills the cache only if none happened while it queried.
/// </summary>
internal sealed class SqliteReadCache
{
    // Bounded: about four items per person (conversation, user, coaching entry, plan) of a few KB at most, so some
    // 2,500 people in at most a few tens of MB; when full it starts again rather than tracking use.
    private const int MaxItems = 10_000;
    private readonly Dictionary<string, CachedItem?> items = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long generation;

    public long Generation
    {
        get
        {
            lock (gate)
            {
                return generation;
            }
        }
    }

    /// <summary>True when the key is known; <paramref name="item"/> is null when the item does not exist.</summary>
    public bool TryGet(string key, out CachedItem? item)
    {
        lock (gate)
        {
            return items.TryGetValue(key, out item);
        }
    }

    /// <summary>What a query found for these keys (null: absent), kept only if nothing was written since <paramref name="readAt"/>.</summary>
    public void Fill(long readAt, IEnumerable<KeyValuePair<string, CachedItem?>> found)
    {
        lock (gate)
        {
            if (readAt != generation)
            {
                return;
            }

            foreach (var (key, item) in found)
            {
                Add(key, item);
            }
        }
    }

    /// <summary>Before a write: the keys are unknown until it is done.</summary>
    public void Forget(IEnumerable<string> keys)
    {
        lock (gate)
        {
            generation++;
            foreach (var key in keys)
            {
                items.Remove(key);
            }
        }
    }

    /// <summary>After a committed write (null: deleted).</summary>
    public void Set(IEnumerable<KeyValuePair<string, CachedItem?>> written)
    {
        lock (gate)
        {
            generation++;
            foreach (var (key, item) in written)
            {
                Add(key, item);
            }
        }
    }

    private void Add(string key, CachedItem? item)
    {
        if (items.Count >= MaxItems && !items.ContainsKey(key))
        {
            items.Clear();
        }

        items[key] = item;
    }
}
