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
/// Finds everything about one person across the store. BotState and IStorage read by key only and cannot query
/// "plans whose review names this user", so the person's own <see cref="PersonIndex"/> says which plans and chats to
/// read (by the Teams user id, which every plan and chat entry records); each is checked, as the index may hold more
/// than is still true. The cost follows what the person did, not the size of the store.
/// </summary>
public sealed class PersonalDataFinder(IStorage storage, PersonIndexBackfill backfill)
{
    private const int BatchSize = 100;

    public async Task<FoundData> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await backfill.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var index = await new PersonIndex(storage).ReadAsync(subject.UserId, cancellationToken).ConfigureAwait(false) ?? new PersonIndexDocument();

        var owned = new List<Plan>();
        var contributed = new List<Plan>();
        await foreach (var (_, value) in ReadManyAsync(index.PlanIds.Select(PlanStore.Key), cancellationToken).ConfigureAwait(false))
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
        await foreach (var (key, value) in ReadManyAsync(index.ChatKeys, cancellationToken).ConfigureAwait(false))
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

    private async IAsyncEnumerable<(string Key, object Value)> ReadManyAsync(IEnumerable<string> keys, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var batch in keys.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
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
