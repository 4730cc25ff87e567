using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Hosting;
using Samskapelse.Bot.Storage;
using Samskapelse.Coaching;

namespace Samskapelse.Bot.Coaching;

/// <summary>
/// The people the bot has met, built from the activities it receives: who they are, and for those
/// who used the personal chat, the conversation reference to reach them proactively. Written only
/// when something changed, so an ordinary turn costs one read.
/// </summary>
public sealed class PeopleDirectory(IStorage storage, IOptions<CoachingOptions> options, ILogger<PeopleDirectory> logger, TimeProvider? time = null) : ICoachingPeople
{
    /// <summary>The index as one item, as it was kept before it was split into buckets: still read, and cleaned on deletion.</summary>
    public const string LegacyIndexKey = "coaching/people";

    // The index of everyone the bot has met is split by user id into buckets, so a new person rewrites one bucket
    // (a 64th of the index) rather than all of it, which grew with every person; the start card reads them all at once.
    private const int IndexBuckets = 64;

    // Many new people at once (a team installing the app together) would each lose the ETag race on their bucket
    // often enough to exhaust the retries and fail their first turn. Updates of one bucket from this process take
    // turns here, so only other instances can conflict.
    private static readonly StripedLocks IndexBucketTurns = new();

    public const string HrGroupKey = "coaching/hr-group";

    // What this process last recorded (or found already recorded) per sender, per store: an unchanged sender
    // (every turn of a conversation) then costs no read. Deletion forgets it (Forget). Another instance on the
    // same store may change or delete the entry meanwhile, so a memo is trusted for a while only: after
    // RecordedFor the sender is read again and rewritten if the store differs.
    private static readonly ConditionalWeakTable<IStorage, ConcurrentDictionary<string, RecordedSender>> Recorded = [];
    private const int RecordedLimit = 10_000;
    private static readonly TimeSpan RecordedFor = TimeSpan.FromMinutes(10);
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public static string Key(string userId) => "coaching/people/" + userId;

    /// <summary>The index bucket holding this user: the same in every process (FNV-1a of the id, not string.GetHashCode).</summary>
    public static string IndexKey(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var hash = 2166136261u;
        foreach (var c in userId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return IndexBucketKey((int)(hash % IndexBuckets));
    }

    /// <summary>Every bucket of the index, and the old single index.</summary>
    public static string[] AllIndexKeys() => [.. Enumerable.Range(0, IndexBuckets).Select(IndexBucketKey), LegacyIndexKey];

    private static string IndexBucketKey(int bucket) => "coaching/people-index/" + bucket.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Forgets what was recorded for this user in this process, so their next turn records them afresh.</summary>
    public static void Forget(IStorage storage, string userId)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (Recorded.TryGetValue(storage, out var memo))
        {
            memo.TryRemove(userId, out _);
        }
    }

    public async Task<KnownPerson?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var document = await FindDocumentAsync(userId, cancellationToken).ConfigureAwait(false);
        return document is null ? null : new KnownPerson(new Person(document.UserId, document.AadObjectId, document.Name), document.Reference is not null, document.TimeZone, document.Locale);
    }

    public Task<PersonDocument?> FindDocumentAsync(string userId, CancellationToken cancellationToken) =>
        StoredItems.ReadAsync<PersonDocument>(storage, Key(userId), cancellationToken);

    public async Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = AllIndexKeys();
        var items = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);

        // Buckets first: a person recorded again since the split is listed as the bucket has them.
        return [.. keys
            .Select(key => items.TryGetValue(key, out var value) ? StorageJson.As<PeopleIndex>(value)?.People : null)
            .SelectMany(people => people ?? [])
            .DistinctBy(person => person.UserId, StringComparer.Ordinal)];
    }

    public async Task<bool> IsHrAsync(ChannelAccount? user, CancellationToken cancellationToken)
    {
        var aadObjectId = user?.AadObjectId;
        if (options.Value.IsHrUser(aadObjectId))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(options.Value.HrGroupId) || string.IsNullOrWhiteSpace(aadObjectId))
        {
            return false;
        }

        var group = await StoredItems.ReadAsync<HrGroupMembers>(storage, HrGroupKey, cancellationToken).ConfigureAwait(false);
        return group?.AadObjectIds.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase) == true;
    }

    /// <summary>
    /// Records the sender of this activity (and, in the HR team, the roster changes). Returns true when
    /// the sender has just become reachable: their first turn in the personal chat.
    /// </summary>
    public async Task<bool> RememberAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        await RememberHrGroupAsync(activity, cancellationToken).ConfigureAwait(false);

        var from = activity.From;
        if (from is null || string.IsNullOrWhiteSpace(from.Id) || from.Role == RoleTypes.Bot || from.Id == activity.Recipient?.Id)
        {
            return false;
        }

        var personal = activity.Conversation?.ConversationType is not ("channel" or "groupChat");
        var details = SenderDetails.Of(activity, personal);
        var memo = Recorded.GetOrCreateValue(storage);
        var now = clock.GetUtcNow();
        if (memo.TryGetValue(from.Id, out var recorded) && recorded.Details == details && now - recorded.At < RecordedFor)
        {
            return false;
        }

        ConversationReference? reference = null;
        if (personal)
        {
            reference = activity.GetConversationReference();
            reference.ActivityId = null;
        }

        var existing = await FindDocumentAsync(from.Id, cancellationToken).ConfigureAwait(false);
        var next = new PersonDocument
        {
            UserId = from.Id,
            AadObjectId = string.IsNullOrWhiteSpace(from.AadObjectId) ? existing?.AadObjectId : from.AadObjectId,
            Name = string.IsNullOrWhiteSpace(from.Name) ? existing?.Name ?? string.Empty : from.Name,

            // A reference from a channel would post coaching where others read it: only personal chats count.
            Reference = reference ?? existing?.Reference,
            TimeZone = personal && !string.IsNullOrWhiteSpace(activity.LocalTimezone) ? activity.LocalTimezone : existing?.TimeZone,
            Locale = personal && !string.IsNullOrWhiteSpace(activity.Locale) ? activity.Locale : existing?.Locale,
        };
        if (existing is not null && Same(existing, next))
        {
            Memorise(memo, from.Id, new RecordedSender(details, now));
            return false;
        }

        await StoredItems.UpdateAsync<PersonDocument>(storage, Key(from.Id), _ => next, logger, cancellationToken).ConfigureAwait(false);
        if (existing is null || existing.Name != next.Name || existing.AadObjectId != next.AadObjectId)
        {
            var person = new Person(next.UserId, next.AadObjectId, next.Name);
            var bucket = IndexKey(person.UserId);
            using (await IndexBucketTurns.EnterAsync(bucket, cancellationToken).ConfigureAwait(false))
            {
                await StoredItems.UpdateAsync<PeopleIndex>(storage, bucket, index => new PeopleIndex { People = [.. (index?.People ?? []).Where(p => p.UserId != person.UserId), person] }, logger, cancellationToken).ConfigureAwait(false);
            }
        }

        Memorise(memo, from.Id, new RecordedSender(details, now));
        return existing?.Reference is null && next.Reference is not null;
    }

    private static void Memorise(ConcurrentDictionary<string, RecordedSender> memo, string userId, RecordedSender recorded)
    {
        if (memo.Count >= RecordedLimit)
        {
            memo.Clear();
        }

        memo[userId] = recorded;
    }

    private readonly record struct RecordedSender(SenderDetails Details, DateTimeOffset At);

    /// <summary>Everything of an activity that goes into the sender's entry (their conversation reference included).</summary>
    private readonly record struct SenderDetails(
        string? Name, string? AadObjectId, string? Role, bool Personal, string? TimeZone, string? Locale,
        string? ChannelId, string? ServiceUrl, string? ConversationId, string? ConversationName, string? TenantId, bool? IsGroup,
        string? RecipientId, string? RecipientName, string? RecipientAadObjectId)
    {
        public static SenderDetails Of(Activity activity, bool personal) => new(
            activity.From.Name, activity.From.AadObjectId, activity.From.Role, personal, activity.LocalTimezone, activity.Locale,
            activity.ChannelId, activity.ServiceUrl, activity.Conversation?.Id, activity.Conversation?.Name, activity.Conversation?.TenantId, activity.Conversation?.IsGroup,
            activity.Recipient?.Id, activity.Recipient?.Name, activity.Recipient?.AadObjectId);
    }

    private static bool Same(PersonDocument a, PersonDocument b) =>
        a.AadObjectId == b.AadObjectId && a.Name == b.Name && a.TimeZone == b.TimeZone && a.Locale == b.Locale
        && JToken.DeepEquals(a.Reference is null ? null : JObject.FromObject(a.Reference), b.Reference is null ? null : JObject.FromObject(b.Reference));

    /// <summary>Token-free roster data: members added to or removed from the HR team, and anyone who writes in it.</summary>
    private async Task RememberHrGroupAsync(Activity activity, CancellationToken cancellationToken)
    {
        var groupId = options.Value.HrGroupId;
        if (string.IsNullOrWhiteSpace(groupId))
        {
            return;
        }

        TeamsChannelData? channelData;
        try
        {
            channelData = activity.GetChannelData<TeamsChannelData>();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return;
        }

        if (!string.Equals(channelData?.Team?.AadGroupId, groupId, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var added = (activity.MembersAdded ?? []).Append(activity.Type == ActivityTypes.Message ? activity.From : null)
            .Select(m => m?.AadObjectId).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).ToList();
        var removed = (activity.MembersRemoved ?? []).Select(m => m.AadObjectId).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return;
        }

        await StoredItems.UpdateAsync<HrGroupMembers>(storage, HrGroupKey, group =>
        {
            var members = new HashSet<string>(group?.AadObjectIds ?? [], StringComparer.OrdinalIgnoreCase);
            var changed = added.Count(members.Add) + removed.Count(members.Remove);
            return changed == 0 && group is not null ? null : new HrGroupMembers { AadObjectIds = [.. members.Order(StringComparer.Ordinal)] };
        }, logger, cancellationToken).ConfigureAwait(false);
    }
}
