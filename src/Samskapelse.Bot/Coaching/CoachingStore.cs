using Microsoft.Bot.Builder;
using Samskapelse.Bot.Storage;
using Samskapelse.Coaching;

namespace Samskapelse.Bot.Coaching;

/// <summary>
/// Journeys in the bot's <see cref="IStorage"/>, each its own item with an ETag, plus an index of
/// who started which journey for whom. The reminder service claims a reminder by writing the
/// journey, so a second instance or a restarted one re-reads it and finds nothing due.
/// </summary>
public sealed class CoachingStore(IStorage storage, ILogger<CoachingStore> logger) : ICoachingStore
{
    public const string IndexKey = "coaching/journeys";

    public static string Key(string journeyId) => "coaching/journeys/" + journeyId;

    public async Task<CoachingJourney?> FindAsync(string journeyId, CancellationToken cancellationToken) =>
        (await StoredItems.ReadAsync<JourneyDocument>(storage, Key(journeyId), cancellationToken).ConfigureAwait(false))?.Journey;

    /// <summary>A journey with the tenant it was started in (proactive messages reach the manager in that tenant).</summary>
    public Task<JourneyDocument?> FindDocumentAsync(string journeyId, CancellationToken cancellationToken) =>
        StoredItems.ReadAsync<JourneyDocument>(storage, Key(journeyId), cancellationToken);

    /// <summary>The store as used from one tenant: journeys started there carry the tenant.</summary>
    public ICoachingStore In(string? tenantId) => tenantId is null ? this : new TenantJourneys(this, tenantId);

    public Task CreateAsync(CoachingJourney journey, CancellationToken cancellationToken) => CreateAsync(journey, null, cancellationToken);

    public async Task CreateAsync(CoachingJourney journey, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journey);

        // No ETag on a new document: the write fails if a journey with this id exists.
        await storage.WriteAsync(new Dictionary<string, object> { [Key(journey.Id)] = new JourneyDocument { Journey = journey, TenantId = tenantId } }, cancellationToken).ConfigureAwait(false);
        var entry = new JourneyIndexEntry(journey.Id, journey.Hr.UserId, journey.Manager.UserId);
        await StoredItems.UpdateAsync<JourneyIndex>(storage, IndexKey, index => new JourneyIndex { Entries = [.. (index?.Entries ?? []).Where(e => e.Id != journey.Id), entry] }, logger, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CoachingJourney?> UpdateAsync(string journeyId, Func<CoachingJourney, CoachingJourney> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        CoachingJourney? result = null;
        var gone = false;
        await StoredItems.UpdateAsync<JourneyDocument>(storage, Key(journeyId), document =>
        {
            gone = document is null;
            if (document is null)
            {
                result = null;
                return null;
            }

            result = change(document.Journey);
            return ReferenceEquals(result, document.Journey) ? null : new JourneyDocument { Journey = result, TenantId = document.TenantId };
        }, logger, cancellationToken).ConfigureAwait(false);
        return gone ? null : result;
    }

    public Task<IReadOnlyList<CoachingJourney>> ForHrAsync(string hrUserId, CancellationToken cancellationToken) =>
        FindByIndexAsync(e => e.HrUserId == hrUserId, cancellationToken);

    public Task<IReadOnlyList<CoachingJourney>> ForManagerAsync(string managerUserId, CancellationToken cancellationToken) =>
        FindByIndexAsync(e => e.ManagerUserId == managerUserId, cancellationToken);

    public async Task<IReadOnlyList<string>> AllIdsAsync(CancellationToken cancellationToken) =>
        [.. ((await StoredItems.ReadAsync<JourneyIndex>(storage, IndexKey, cancellationToken).ConfigureAwait(false))?.Entries ?? []).Select(e => e.Id)];

    private async Task<IReadOnlyList<CoachingJourney>> FindByIndexAsync(Func<JourneyIndexEntry, bool> predicate, CancellationToken cancellationToken)
    {
        var index = await StoredItems.ReadAsync<JourneyIndex>(storage, IndexKey, cancellationToken).ConfigureAwait(false);
        var keys = (index?.Entries ?? []).Where(predicate).Select(e => Key(e.Id)).ToArray();
        if (keys.Length == 0)
        {
            return [];
        }

        var items = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        return [.. keys.Select(k => items.TryGetValue(k, out var value) ? StorageJson.As<JourneyDocument>(value)?.Journey : null).OfType<CoachingJourney>()];
    }
}

/// <summary>A tenant's view of the journeys: what is started here is stamped with the tenant.</summary>
internal sealed class TenantJourneys(CoachingStore store, string tenantId) : ICoachingStore
{
    public Task<CoachingJourney?> FindAsync(string journeyId, CancellationToken cancellationToken) => store.FindAsync(journeyId, cancellationToken);

    public Task CreateAsync(CoachingJourney journey, CancellationToken cancellationToken) => store.CreateAsync(journey, tenantId, cancellationToken);

    public Task<CoachingJourney?> UpdateAsync(string journeyId, Func<CoachingJourney, CoachingJourney> change, CancellationToken cancellationToken) => store.UpdateAsync(journeyId, change, cancellationToken);

    public Task<IReadOnlyList<CoachingJourney>> ForHrAsync(string hrUserId, CancellationToken cancellationToken) => store.ForHrAsync(hrUserId, cancellationToken);

    public Task<IReadOnlyList<CoachingJourney>> ForManagerAsync(string managerUserId, CancellationToken cancellationToken) => store.ForManagerAsync(managerUserId, cancellationToken);

    public Task<IReadOnlyList<string>> AllIdsAsync(CancellationToken cancellationToken) => store.AllIdsAsync(cancellationToken);
}
