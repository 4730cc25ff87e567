using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Review;
using Samskapelse.Bot.Storage;
using Samskapelse.Planning;
using Samskapelse.Review;

namespace Samskapelse.Bot.Privacy;

/// <summary>Where a person's data sits in the store: their plans, other plans they acted on, and the chats whose reference names them.</summary>
public sealed record FoundData(IReadOnlyList<Plan> Owned, IReadOnlyList<Plan> Contributed, IReadOnlyList<(string Key, SharedCards.ChatReference Chat)> Chats);

/// <summary>
/// Finds everything about one person across the store. BotState and IStorage read by key only and
/// cannot query "plans whose review names this user", and a user's own plan list may be stale, so
/// this lists every key under <c>plans/</c> and <c>chats/</c> (IStorageKeyListing) and reads them in batches.
/// </summary>
public sealed class PersonalDataFinder(IStorage storage)
{
    private const int BatchSize = 100;

    public async Task<FoundData> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var owned = new List<Plan>();
        var contributed = new List<Plan>();
        await foreach (var (_, value) in ReadAllAsync("plans/", cancellationToken).ConfigureAwait(false))
        {
            if (StorageJson.As<PlanDocument>(value)?.Plan is not { } plan)
            {
                continue;
            }

            if (plan.OwnerId == subject.UserId)
            {
                owned.Add(plan);
            }
            else if (subject.ContributedTo(plan))
            {
                contributed.Add(plan);
            }
        }

        var chats = new List<(string, SharedCards.ChatReference)>();
        await foreach (var (key, value) in ReadAllAsync("chats/", cancellationToken).ConfigureAwait(false))
        {
            if (StorageJson.As<SharedCards.ChatReference>(value) is { Reference.User: { } user } chat && subject.Is(new Actor(user.Id ?? string.Empty, user.AadObjectId, user.Name ?? string.Empty)))
            {
                chats.Add((key, chat));
            }
        }

        return new FoundData(owned, contributed, chats);
    }

    /// <summary>One property of a BotState item read straight from storage (outside a turn), e.g. "profile" of the user state.</summary>
    public async Task<T?> ReadStatePropertyAsync<T>(string key, string property, CancellationToken cancellationToken)
        where T : class
    {
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        if (!items.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        // SQLite hands back JSON; the memory store hands back the typed dictionary BotState wrote.
        var json = value as JObject ?? JObject.FromObject(value, StorageJson.Serializer);
        return json[property] is JObject found ? found.ToObject<T>(StorageJson.Serializer) : null;
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
}
