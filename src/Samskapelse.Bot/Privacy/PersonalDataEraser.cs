using Microsoft.Bot.Builder;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Resilience;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;
using Samskapelse.Coaching;
using Samskapelse.Planning;
using Samskapelse.Review;

namespace Samskapelse.Bot.Privacy;

/// <summary>What a deletion did, in counts (for the confirmation and the log).</summary>
public sealed record ErasureResult(int OwnPlans, int AnonymisedPlans, int Chats, int Journeys);

/// <summary>
/// Deletes everything the store holds about one person, outside their own BotState (the turn deletes
/// that through the accessors). Their plans go with the assistant's records of them; in other plans they
/// become a former participant (<see cref="ParticipantErasure"/>); chat references forget who wrote last;
/// coaching answers go the way coaching's own delete takes them, and then the journey no longer names
/// them; the people directory and their person index forget them. Then what the turn itself keeps goes
/// (<see cref="ForgetConversationAsync"/>), and the store makes the deletion final in its files (<see cref="PurgeAsync"/>).
/// </summary>
public sealed class PersonalDataEraser(IStorage storage, PersonalDataFinder finder, IPlanStore plans, ICoachingStore journeys, TimeProvider time, ILogger<PersonalDataEraser> logger, PendingAnswers? pendingAnswers = null)
{
    /// <param name="ownPlanDeleted">Called for each of their plans after it is deleted: its shared cards say so.</param>
    /// <param name="planAnonymised">Called for each other plan after they are taken out of it: its shared cards are brought up to date.</param>
    /// <param name="tenantId">The tenant the person wrote from: their coaching entries are kept under it.</param>
    public async Task<ErasureResult> EraseAsync(DataSubject subject, Func<Plan, Task> ownPlanDeleted, Func<Plan, Task> planAnonymised, CancellationToken cancellationToken, string? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(ownPlanDeleted);
        ArgumentNullException.ThrowIfNull(planAnonymised);
        var found = await finder.FindAsync(subject, cancellationToken).ConfigureAwait(false);
        foreach (var plan in found.Owned)
        {
            await plans.DeleteAsync(plan.Id, cancellationToken).ConfigureAwait(false);
            await storage.DeleteAsync([AssistantStore.Key(plan.Id)], cancellationToken).ConfigureAwait(false);
            await ownPlanDeleted(plan).ConfigureAwait(false);
        }

        foreach (var plan in found.Contributed)
        {
            var now = time.GetUtcNow();
            var changed = await plans.UpdateAsync(plan.Id, p => p.Without(subject) is var without && !ReferenceEquals(without, p) ? without.Touched(now) : p, cancellationToken).ConfigureAwait(false);
            if (changed is not null)
            {
                await planAnonymised(changed).ConfigureAwait(false);
            }
        }

        foreach (var (key, chat) in found.Chats)
        {
            // The reference still reaches the chat for shares and card updates; it no longer says who wrote last.
            chat.Reference.User = null;
            chat.ETag = "*";
            await storage.WriteAsync(new Dictionary<string, object> { [key] = chat }, cancellationToken).ConfigureAwait(false);
        }

        var journeyCount = await EraseCoachingAsync(subject, tenantId, cancellationToken).ConfigureAwait(false);
        await new PersonIndex(storage).DeleteAsync(subject.UserId, cancellationToken).ConfigureAwait(false);
        var result = new ErasureResult(found.Owned.Count, found.Contributed.Count, found.Chats.Count, journeyCount);
        Log.PersonalDataDeleted(logger, result.OwnPlans, result.AnonymisedPlans, result.Chats, result.Journeys);
        return result;
    }

    /// <summary>
    /// What the bot keeps about the person's personal chat outside the state: the claim that it was welcomed (its key
    /// is the personal conversation's id) and, in memory, answers kept after a storage fault, in any conversation.
    /// </summary>
    public async Task ForgetConversationAsync(PersonalDataScope scope, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await storage.DeleteAsync([WelcomeClaims.Key(scope.ChannelId, scope.ConversationId), WelcomeClaims.Key(scope.ChannelId, scope.TenantId, scope.ConversationId)], cancellationToken).ConfigureAwait(false);
        pendingAnswers?.ForgetPerson(userId);
    }

    /// <summary>
    /// After everything is deleted: a store that keeps earlier versions of items in its files (SQLite's write-ahead log)
    /// drops them now. A failure is logged and does not undo the deletion; the next deletion purges again.
    /// </summary>
    public async Task PurgeAsync(CancellationToken cancellationToken)
    {
        if (IStorageDecorator.Innermost(storage) is not IStoragePurge purge)
        {
            return;
        }

        try
        {
            await purge.PurgeDeletedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.PurgeFailed(logger, exception);
        }
    }

    private async Task<int> EraseCoachingAsync(DataSubject subject, string? tenantId, CancellationToken cancellationToken)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var journey in await journeys.ForManagerAsync(subject.UserId, cancellationToken).ConfigureAwait(false))
        {
            var marker = FormerParticipant.NewMarker().UserId;
            renamed[journey.Id] = marker;
            await journeys.UpdateAsync(journey.Id, j => j.WithManagersDataDeleted() with { Manager = new Person(marker, null, string.Empty), Language = "en" }, cancellationToken).ConfigureAwait(false);
        }

        var startedAsHr = await journeys.ForHrAsync(subject.UserId, cancellationToken).ConfigureAwait(false);
        var hrMarker = FormerParticipant.NewMarker().UserId;
        foreach (var journey in startedAsHr)
        {
            await journeys.UpdateAsync(journey.Id, j => j with { Hr = new Person(hrMarker, null, string.Empty) }, cancellationToken).ConfigureAwait(false);
        }

        if (renamed.Count > 0 || startedAsHr.Count > 0)
        {
            await StoredItems.UpdateAsync<JourneyIndex>(storage, CoachingStore.IndexKey, index => index is null ? null : new JourneyIndex
            {
                Entries = [.. index.Entries.Select(e => e with
                {
                    ManagerUserId = e.ManagerUserId == subject.UserId ? renamed.GetValueOrDefault(e.Id, hrMarker) : e.ManagerUserId,
                    HrUserId = e.HrUserId == subject.UserId ? hrMarker : e.HrUserId,
                })],
            }, logger, cancellationToken).ConfigureAwait(false);
        }

        await storage.DeleteAsync([PeopleDirectory.Key(subject.UserId), PeopleDirectory.Key(tenantId, subject.UserId)], cancellationToken).ConfigureAwait(false);
        PeopleDirectory.Forget(storage, subject.UserId);
        foreach (var indexKey in new[] { PeopleDirectory.IndexKey(subject.UserId), PeopleDirectory.IndexKey(tenantId, subject.UserId), PeopleDirectory.LegacyIndexKey }.Distinct())
        {
            await StoredItems.UpdateAsync<PeopleIndex>(storage, indexKey, index =>
                index is null || !index.People.Exists(p => p.UserId == subject.UserId) ? null : new PeopleIndex { People = [.. index.People.Where(p => p.UserId != subject.UserId)] }, logger, cancellationToken).ConfigureAwait(false);
        }
        if (!string.IsNullOrEmpty(subject.AadObjectId))
        {
            await StoredItems.UpdateAsync<HrGroupMembers>(storage, PeopleDirectory.HrGroupKey, group =>
                group is null || !group.AadObjectIds.Contains(subject.AadObjectId, StringComparer.OrdinalIgnoreCase) ? null : new HrGroupMembers { AadObjectIds = [.. group.AadObjectIds.Where(id => !string.Equals(id, subject.AadObjectId, StringComparison.OrdinalIgnoreCase))] }, logger, cancellationToken).ConfigureAwait(false);
        }

        await StoredItems.UpdateAsync<HrRoster>(storage, PeopleDirectory.HrRosterKey(tenantId), roster =>
            roster is null || !roster.Members.Exists(subject.IsRosterEntry) ? null : new HrRoster { Members = [.. roster.Members.Where(m => !subject.IsRosterEntry(m))] }, logger, cancellationToken).ConfigureAwait(false);

        return renamed.Count + startedAsHr.Count;
    }
}

internal static class RosterErasure
{
    public static bool IsRosterEntry(this DataSubject subject, HrRosterEntry entry) =>
        entry.UserId == subject.UserId || (!string.IsNullOrEmpty(subject.AadObjectId) && string.Equals(entry.AadObjectId, subject.AadObjectId, StringComparison.OrdinalIgnoreCase));
}
