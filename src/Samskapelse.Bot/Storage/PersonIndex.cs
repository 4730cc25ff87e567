using System.Collections.Immutable;
using Microsoft.Bot.Builder;
using Samskapelse.Planning;
using Samskapelse.Review;

namespace Samskapelse.Bot.Storage;

/// <summary>The plans and chats one person appears in: what their export, deletion and a plan's removal read instead of every plan.</summary>
public sealed class PersonIndexDocument : IStoreItem
{
    public ImmutableList<string> PlanIds { get; init; } = [];

    /// <summary>Storage keys of the team chats whose stored reference was written from a message of theirs (the key holds the tenant).</summary>
    public ImmutableList<string> ChatKeys { get; init; } = [];

    public string? ETag { get; set; }
}

/// <summary>
/// A per-person index of the plans and team chats a person appears in, one item per person written through
/// <see cref="IStorage"/> with its ETag. It is a superset: an entry is added before the plan or chat that names the
/// person is written and removed after it no longer does, so a crash in between leaves an extra entry, never a
/// missing one; readers check every entry against the plan or chat itself. Keyed by the Teams user id, the identity
/// plans and chats record; <see cref="Key"/> is the one place the key is built.
/// </summary>
public sealed class PersonIndex(IStorage storage)
{
    private const int MaxAttempts = 8;

    public static string Key(string userId) => "person-index/" + userId;

    /// <summary>Everyone a plan names by user id: owner, co-owners, and whoever signed, commented, proposed, decided, voted, shared or followed up.</summary>
    public static ImmutableHashSet<string> PeopleIn(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var review = plan.Review;
        var actors = review.Signatures.Select(s => s.By)
            .Concat(review.Comments.Select(c => c.By))
            .Concat(review.Proposals.Select(p => p.By))
            .Concat(review.Proposals.Select(p => p.DecidedBy).OfType<Actor>())
            .Concat(review.Votes.Select(v => v.By))
            .Concat(review.SharedTo.Select(s => s.SharedBy))
            .Concat(plan.FollowUps.Select(f => f.By))
            .Where(a => !a.IsMarker())
            .Select(a => a.UserId);
        return actors.Concat(review.CoOwnerIds).Concat(review.ActiveUserIds).Append(plan.OwnerId)
            .Where(id => !string.IsNullOrEmpty(id))
            .ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>The people a change of a plan adds and removes (nothing when neither the owner, the review nor the follow-up changed).</summary>
    public static (ImmutableHashSet<string> Added, ImmutableHashSet<string> Removed) Difference(Plan? before, Plan? after)
    {
        if (before is not null && after is not null && ReferenceEquals(before.Review, after.Review) && ReferenceEquals(before.FollowUps, after.FollowUps) && before.OwnerId == after.OwnerId)
        {
            return ([], []);
        }

        var old = before is null ? [] : PeopleIn(before);
        var now = after is null ? [] : PeopleIn(after);
        return (now.Except(old), old.Except(now));
    }

    public Task<PersonIndexDocument?> ReadAsync(string userId, CancellationToken cancellationToken) =>
        ReadItemAsync(Key(userId), cancellationToken);

    public Task AddPlanAsync(IEnumerable<string> userIds, string planId, CancellationToken cancellationToken) =>
        ForEachAsync(userIds, id => UpdateAsync(id, d => d.PlanIds.Contains(planId) ? null : new PersonIndexDocument { PlanIds = d.PlanIds.Add(planId), ChatKeys = d.ChatKeys }, cancellationToken));

    public Task RemovePlanAsync(IEnumerable<string> userIds, string planId, CancellationToken cancellationToken) =>
        ForEachAsync(userIds, id => UpdateAsync(id, d => d.PlanIds.Contains(planId) ? new PersonIndexDocument { PlanIds = d.PlanIds.Remove(planId), ChatKeys = d.ChatKeys } : null, cancellationToken));

    public Task AddChatAsync(string userId, string chatKey, CancellationToken cancellationToken) =>
        UpdateAsync(userId, d => d.ChatKeys.Contains(chatKey) ? null : new PersonIndexDocument { PlanIds = d.PlanIds, ChatKeys = d.ChatKeys.Add(chatKey) }, cancellationToken);

    /// <summary>Merges many entries at once (the backfill): one read and at most one write per person.</summary>
    public Task MergeAsync(string userId, IReadOnlyCollection<string> planIds, IReadOnlyCollection<string> chatKeys, CancellationToken cancellationToken) =>
        UpdateAsync(userId, d => planIds.All(d.PlanIds.Contains) && chatKeys.All(d.ChatKeys.Contains) ? null : new PersonIndexDocument
        {
            PlanIds = d.PlanIds.AddRange(planIds.Except(d.PlanIds, StringComparer.Ordinal)),
            ChatKeys = d.ChatKeys.AddRange(chatKeys.Except(d.ChatKeys, StringComparer.Ordinal)),
        }, cancellationToken);

    public Task DeleteAsync(string userId, CancellationToken cancellationToken) =>
        storage.DeleteAsync([Key(userId)], cancellationToken);

    private static async Task ForEachAsync(IEnumerable<string> userIds, Func<string, Task> update)
    {
        foreach (var id in userIds)
        {
            await update(id).ConfigureAwait(false);
        }
    }

    private async Task<PersonIndexDocument?> ReadItemAsync(string key, CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var value) ? StorageJson.As<PersonIndexDocument>(value) : null;
    }

    // Read, change, write with the ETag; re-applied to the fresh item when another writer got there first. A change
    // returning null writes nothing. An index left empty stays (with its ETag, so no concurrent addition is lost);
    // the person's own deletion removes it.
    private async Task UpdateAsync(string userId, Func<PersonIndexDocument, PersonIndexDocument?> change, CancellationToken cancellationToken)
    {
        var key = Key(userId);
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadItemAsync(key, cancellationToken).ConfigureAwait(false);
            var changed = change(current ?? new PersonIndexDocument());
            if (changed is null)
            {
                return;
            }

            try
            {
                // No ETag for a new item: the store refuses it when another writer created it meanwhile.
                changed.ETag = current?.ETag;
                await storage.WriteAsync(new Dictionary<string, object> { [key] = changed }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (ETagConflictException.IsConflict(exception) && attempt < MaxAttempts)
            {
            }
        }
    }
}
