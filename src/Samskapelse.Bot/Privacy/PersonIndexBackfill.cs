using Microsoft.Bot.Builder;
using Samskapelse.Bot.Review;
using Samskapelse.Bot.Storage;

namespace Samskapelse.Bot.Privacy;

/// <summary>
/// Plans and chats written before the <see cref="PersonIndex"/> existed have no index entries. Once per store, the
/// first time it is needed (at start, or by the first export or deletion, whichever comes first), this lists every
/// plan and chat one time, adds each person's entries, and marks the store done; after that nothing lists them again.
/// Writes made meanwhile keep the index themselves, and running it twice (two instances) only re-adds what is there.
/// </summary>
public sealed class PersonIndexBackfill(IStorage storage, ILogger<PersonIndexBackfill> logger) : IDisposable
{
    /// <summary>The mark that the store's index is complete.</summary>
    public const string DoneKey = "person-index-backfill";

    private const int BatchSize = 100;
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool done;

    /// <summary>Whether the store can list its keys; one that cannot fails at the first export, as it always did.</summary>
    public bool CanList => storage is IStorageKeyListing;

    public void Dispose() => gate.Dispose();

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (done)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (done)
            {
                return;
            }

            var marked = await storage.ReadAsync([DoneKey], cancellationToken).ConfigureAwait(false);
            if (!marked.ContainsKey(DoneKey))
            {
                await RunAsync(cancellationToken).ConfigureAwait(false);
                await storage.WriteAsync(new Dictionary<string, object> { [DoneKey] = new BackfillMark { ETag = "*" } }, cancellationToken).ConfigureAwait(false);
            }

            done = true;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var plans = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var chats = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var planCount = 0;
        await foreach (var (_, value) in ReadAllAsync("plans/", cancellationToken).ConfigureAwait(false))
        {
            if (StorageJson.As<PlanDocument>(value)?.Plan is { } plan)
            {
                planCount++;
                foreach (var person in PersonIndex.PeopleIn(plan))
                {
                    Entries(plans, person).Add(plan.Id);
                }
            }
        }

        await foreach (var (key, value) in ReadAllAsync("chats/", cancellationToken).ConfigureAwait(false))
        {
            if (StorageJson.As<SharedCards.ChatReference>(value) is { Reference: { User.Id: { Length: > 0 } userId } })
            {
                Entries(chats, userId).Add(key);
            }
        }

        var index = new PersonIndex(storage);
        var people = plans.Keys.Union(chats.Keys, StringComparer.Ordinal).ToList();
        foreach (var person in people)
        {
            await index.MergeAsync(person, plans.GetValueOrDefault(person) ?? [], chats.GetValueOrDefault(person) ?? [], cancellationToken).ConfigureAwait(false);
        }

        Log.PersonIndexBackfilled(logger, planCount, people.Count);
    }

    private static List<string> Entries(Dictionary<string, List<string>> entries, string person)
    {
        if (!entries.TryGetValue(person, out var list))
        {
            entries[person] = list = [];
        }

        return list;
    }

    private async IAsyncEnumerable<(string Key, object Value)> ReadAllAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var key in StorageKeyListing.Of(storage).ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(key.Key);
        }

        foreach (var batch in keys.Chunk(BatchSize))
        {
            var items = await storage.ReadAsync(batch, cancellationToken).ConfigureAwait(false);
            foreach (var key in batch)
            {
                if (items.TryGetValue(key, out var value) && value is not null)
                {
                    yield return (key, value);
                }
            }
        }
    }

    private sealed class BackfillMark : IStoreItem
    {
        public string? ETag { get; set; }
    }
}

/// <summary>Runs the backfill once the host has started, so the first export after an upgrade does not wait for it.</summary>
internal sealed class PersonIndexBackfillHostedService(IServiceProvider services, ILogger<PersonIndexBackfill> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var backfill = services.GetRequiredService<PersonIndexBackfill>();
        if (!backfill.CanList)
        {
            return;
        }

        try
        {
            await backfill.EnsureAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The first export or deletion tries again.
            Log.PersonIndexBackfillFailed(logger, exception);
        }
    }
}
