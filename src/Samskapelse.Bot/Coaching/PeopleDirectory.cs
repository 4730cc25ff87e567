using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Hosting;
using Microsoft.Bot.Builder.Teams;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;
using Samskapelse.Coaching;

namespace Samskapelse.Bot.Coaching;

/// <summary>
/// The people the bot has met, built from the activities it receives: who they are, and for those
/// who used the personal chat, the conversation reference to reach them proactively. Written only
/// when something changed, so an ordinary turn costs one read. Each tenant has its own entries and index
/// (<see cref="In"/>): HR sees and invites only people of their own tenant. The directory itself, without a
/// tenant, is the view of activities that name none (the emulator, tests) and of entries written before.
/// </summary>
public sealed class PeopleDirectory(
    IStorage storage,
    IOptions<CoachingOptions> options,
    ILogger<PeopleDirectory> logger,
    TimeProvider? time = null,
    TenantBoundary? tenants = null,
    ITeamRoster? roster = null) : ICoachingPeople
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

    /// <summary>The HR team's members as seen in roster events before they were confirmed against the roster: no longer read.</summary>
    public const string HrGroupKey = "coaching/hr-group";

    // What this process last recorded (or found already recorded) per sender, per store: an unchanged sender
    // (every turn of a conversation) then costs no read. Deletion forgets it (Forget). Another instance on the
    // same store may change or delete the entry meanwhile, so a memo is trusted for a while only: after
    // RecordedFor the sender is read again and rewritten if the store differs.
    private static readonly ConditionalWeakTable<IStorage, ConcurrentDictionary<string, RecordedSender>> Recorded = [];
    private const int RecordedLimit = 10_000;
    private static readonly TimeSpan RecordedFor = TimeSpan.FromMinutes(10);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly TenantBoundary boundary = tenants ?? TenantBoundary.Open;
    private readonly ITeamRoster teamRoster = roster ?? new TeamsRoster();

    /// <summary>A person's entry as written before the tenant went into the keys (and for activities that name no tenant).</summary>
    public static string Key(string userId) => "coaching/people/" + userId;

    /// <summary>A person's entry in their tenant: <c>coaching/people/{tenantId}/{userId}</c>.</summary>
    public static string Key(string? tenantId, string userId) => tenantId is null ? Key(userId) : "coaching/people/" + tenantId + "/" + userId;

    /// <summary>The confirmed HR team members of a tenant (<c>coaching/hr-roster/{tenantId}</c>).</summary>
    public static string HrRosterKey(string? tenantId) => "coaching/hr-roster/" + (tenantId ?? "none");

    /// <summary>The directory as seen from one tenant: its people only.</summary>
    public ICoachingPeople In(string? tenantId) => new TenantPeople(this, tenantId);

    /// <summary>The index bucket holding this user: the same in every process (FNV-1a of the id, not string.GetHashCode).</summary>
    public static string IndexKey(string userId) => IndexKey(null, userId);

    /// <summary>The index bucket holding this user in their tenant (<c>coaching/people-index/{tenantId}/{bucket}</c>).</summary>
    public static string IndexKey(string? tenantId, string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var hash = 2166136261u;
        foreach (var c in userId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return IndexBucketKey(tenantId, (int)(hash % IndexBuckets));
    }

    /// <summary>Every bucket of the index written before the tenant went into the keys, and the old single index.</summary>
    public static string[] AllIndexKeys() => [.. Enumerable.Range(0, IndexBuckets).Select(b => IndexBucketKey(null, b)), LegacyIndexKey];

    /// <summary>Every bucket of a tenant's index.</summary>
    public static string[] AllIndexKeys(string? tenantId) => tenantId is null ? AllIndexKeys() : [.. Enumerable.Range(0, IndexBuckets).Select(b => IndexBucketKey(tenantId, b))];

    private static string IndexBucketKey(string? tenantId, int bucket) =>
        "coaching/people-index/" + (tenantId is null ? string.Empty : tenantId + "/") + bucket.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Forgets what was recorded for this user in this process, so their next turn records them afresh.</summary>
    public static void Forget(IStorage storage, string userId)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (Recorded.TryGetValue(storage, out var memo))
        {
            foreach (var key in memo.Keys.Where(k => k == userId || k.EndsWith("/" + userId, StringComparison.Ordinal)))
            {
                memo.TryRemove(key, out _);
            }
        }
    }

    private static string MemoKey(string? tenantId, string userId) => tenantId is null ? userId : tenantId + "/" + userId;

    public Task<KnownPerson?> FindAsync(string userId, CancellationToken cancellationToken) => FindAsync(null, userId, cancellationToken);

    public async Task<KnownPerson?> FindAsync(string? tenantId, string userId, CancellationToken cancellationToken)
    {
        var document = await FindDocumentAsync(tenantId, userId, cancellationToken).ConfigureAwait(false);
        return document is null ? null : new KnownPerson(new Person(document.UserId, document.AadObjectId, document.Name), document.Reference is not null, document.TimeZone, document.Locale);
    }

    public Task<PersonDocument?> FindDocumentAsync(string userId, CancellationToken cancellationToken) =>
        StoredItems.ReadAsync<PersonDocument>(storage, Key(userId), cancellationToken);

    /// <summary>
    /// A person's entry in their tenant; an entry written before the tenant went into the keys is read too, unless
    /// its conversation reference says it belongs to another tenant.
    /// </summary>
    public async Task<PersonDocument?> FindDocumentAsync(string? tenantId, string userId, CancellationToken cancellationToken) =>
        (await ReadEntryAsync(tenantId, userId, cancellationToken).ConfigureAwait(false)).Document;

    private async Task<(PersonDocument? Document, bool Legacy)> ReadEntryAsync(string? tenantId, string userId, CancellationToken cancellationToken)
    {
        if (tenantId is null)
        {
            return (await FindDocumentAsync(userId, cancellationToken).ConfigureAwait(false), false);
        }

        string[] keys = [Key(tenantId, userId), Key(userId)];
        var items = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        if (items.TryGetValue(keys[0], out var current) && StorageJson.As<PersonDocument>(current) is { } found)
        {
            return (found, false);
        }

        return items.TryGetValue(keys[1], out var legacy) && StorageJson.As<PersonDocument>(legacy) is { } old && BelongsTo(old, tenantId) ? (old, true) : (null, false);
    }

    /// <summary>
    /// Whether the sender of this activity is HR: their Entra object id is configured (the first way), or they are a
    /// confirmed member of the HR team (<see cref="CoachingOptions.HrGroupId"/>) in the bot's own tenant, not a guest.
    /// A roster entry older than <see cref="CoachingOptions.HrRosterMaxAge"/> is confirmed against the team roster
    /// again before it counts; someone no longer in the team loses it there and then.
    /// </summary>
    public async Task<bool> IsHrAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var user = turnContext.Activity.From;
        var aadObjectId = user?.AadObjectId;
        if (options.Value.IsHrUser(aadObjectId))
        {
            return true;
        }

        var tenantId = TenantBoundary.TenantOf(turnContext.Activity);
        if (string.IsNullOrWhiteSpace(options.Value.HrGroupId) || string.IsNullOrWhiteSpace(aadObjectId) || user is null || !boundary.IsHome(tenantId))
        {
            return false;
        }

        var roster = await StoredItems.ReadAsync<HrRoster>(storage, HrRosterKey(tenantId), cancellationToken).ConfigureAwait(false);
        var entry = roster?.Members.Find(m => string.Equals(m.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));
        if (entry is null || entry.UserId != user.Id)
        {
            return false;
        }

        if (clock.GetUtcNow() - entry.ConfirmedAt <= options.Value.HrRosterMaxAge)
        {
            return true;
        }

        var verdict = await ConfirmAsync(turnContext, entry.TeamId, user.Id, aadObjectId, tenantId, cancellationToken).ConfigureAwait(false);
        await RecordVerdictAsync(tenantId, entry.TeamId, user.Id, aadObjectId, verdict, cancellationToken).ConfigureAwait(false);
        return verdict == RosterVerdict.Member;
    }

    public Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken) => ListAsync(null, cancellationToken);

    /// <summary>
    /// Everyone the bot has met in a tenant. The index written before the tenant went into the keys is listed for
    /// the bot's own tenant only: until this change a deployment served its own tenant.
    /// </summary>
    public async Task<IReadOnlyList<Person>> ListAsync(string? tenantId, CancellationToken cancellationToken)
    {
        string[] keys = tenantId is null ? AllIndexKeys() : boundary.IsHome(tenantId) ? [.. AllIndexKeys(tenantId), .. AllIndexKeys()] : AllIndexKeys(tenantId);
        var items = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);

        // Buckets first: a person recorded again since the split is listed as the bucket has them.
        return [.. keys
            .Select(key => items.TryGetValue(key, out var value) ? StorageJson.As<PeopleIndex>(value)?.People : null)
            .SelectMany(people => people ?? [])
            .DistinctBy(person => person.UserId, StringComparer.Ordinal)];
    }

    private static bool BelongsTo(PersonDocument document, string tenantId) =>
        TenantBoundary.TenantOf(document.Reference is { } reference ? new Activity { Conversation = reference.Conversation } : null) is not { } tenant || tenant == tenantId;

    /// <summary>
    /// Records the sender of this activity (and, in the HR team, the roster changes). Returns true when
    /// the sender has just become reachable: their first turn in the personal chat.
    /// </summary>
    public async Task<bool> RememberAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        await RememberHrTeamAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var tenantId = TenantBoundary.TenantOf(activity);

        var from = activity.From;
        if (from is null || string.IsNullOrWhiteSpace(from.Id) || from.Role == RoleTypes.Bot || from.Id == activity.Recipient?.Id)
        {
            return false;
        }

        var personal = activity.Conversation?.ConversationType is not ("channel" or "groupChat");
        var details = SenderDetails.Of(activity, personal);
        var memo = Recorded.GetOrCreateValue(storage);
        var now = clock.GetUtcNow();
        var memoKey = MemoKey(tenantId, from.Id);
        if (memo.TryGetValue(memoKey, out var recorded) && recorded.Details == details && now - recorded.At < RecordedFor)
        {
            return false;
        }

        ConversationReference? reference = null;
        if (personal)
        {
            reference = activity.GetConversationReference();
            reference.ActivityId = null;
        }

        var (existing, moved) = await ReadEntryAsync(tenantId, from.Id, cancellationToken).ConfigureAwait(false);
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
        // An entry found under the key from before the tenant went in (moved) is written under the tenant's key, and indexed there.
        if (existing is not null && Same(existing, next) && !moved)
        {
            Memorise(memo, memoKey, new RecordedSender(details, now));
            return false;
        }

        await StoredItems.UpdateAsync<PersonDocument>(storage, Key(tenantId, from.Id), _ => next, logger, cancellationToken).ConfigureAwait(false);
        if (moved)
        {
            await storage.DeleteAsync([Key(from.Id)], cancellationToken).ConfigureAwait(false);
        }

        if (existing is null || moved || existing.Name != next.Name || existing.AadObjectId != next.AadObjectId)
        {
            var person = new Person(next.UserId, next.AadObjectId, next.Name);
            var bucket = IndexKey(tenantId, person.UserId);
            using (await IndexBucketTurns.EnterAsync(bucket, cancellationToken).ConfigureAwait(false))
            {
                await StoredItems.UpdateAsync<PeopleIndex>(storage, bucket, index => new PeopleIndex { People = [.. (index?.People ?? []).Where(p => p.UserId != person.UserId), person] }, logger, cancellationToken).ConfigureAwait(false);
            }
        }

        Memorise(memo, memoKey, new RecordedSender(details, now));
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

    private enum RosterVerdict
    {
        Member,
        NotMember,
        Unknown,
    }

    /// <summary>
    /// In the HR team: members removed leave the roster at once; members added, and anyone who writes there, are
    /// confirmed against the team roster (the connector's member lookup) and kept only when they are members of the
    /// bot's own tenant and not guests. A shared channel's members from elsewhere, guests and other tenants never count.
    /// </summary>
    private async Task RememberHrTeamAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var groupId = options.Value.HrGroupId;
        var activity = turnContext.Activity;
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

        var teamId = channelData?.Team?.Id;
        if (!string.Equals(channelData?.Team?.AadGroupId, groupId, StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(teamId))
        {
            return;
        }

        var tenantId = TenantBoundary.TenantOf(activity);
        if (!boundary.IsHome(tenantId))
        {
            Log.HrRosterIgnored(logger);
            return;
        }

        foreach (var removed in activity.MembersRemoved ?? [])
        {
            await RecordVerdictAsync(tenantId, teamId, removed.Id, removed.AadObjectId, RosterVerdict.NotMember, cancellationToken).ConfigureAwait(false);
        }

        var candidates = (activity.MembersAdded ?? []).Append(activity.Type == ActivityTypes.Message ? activity.From : null)
            .Where(m => m is not null && !string.IsNullOrWhiteSpace(m.Id) && m.Id != activity.Recipient?.Id && m.Role != RoleTypes.Bot)
            .DistinctBy(m => m!.Id)
            .Take(MaxConfirmationsPerActivity)
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var roster = await StoredItems.ReadAsync<HrRoster>(storage, HrRosterKey(tenantId), cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        foreach (var candidate in candidates)
        {
            // A member confirmed recently costs nothing: every message in the HR team would otherwise ask the roster.
            if (roster?.Members.Exists(m => m.UserId == candidate!.Id && m.TeamId == teamId && now - m.ConfirmedAt <= options.Value.HrRosterMaxAge) == true)
            {
                continue;
            }

            var verdict = await ConfirmAsync(turnContext, teamId, candidate!.Id, candidate.AadObjectId, tenantId, cancellationToken).ConfigureAwait(false);
            await RecordVerdictAsync(tenantId, teamId, candidate.Id, candidate.AadObjectId, verdict, cancellationToken).ConfigureAwait(false);
        }
    }

    // A team that adds many people at once is confirmed for the first few; the others are confirmed when they write.
    private const int MaxConfirmationsPerActivity = 20;

    /// <summary>Asks the team roster about one member: a member of the bot's own tenant who is not a guest, or not.</summary>
    private async Task<RosterVerdict> ConfirmAsync(ITurnContext turnContext, string teamId, string userId, string? aadObjectId, string? tenantId, CancellationToken cancellationToken)
    {
        TeamsChannelAccount? member;
        try
        {
            member = await teamRoster.FindMemberAsync(turnContext, teamId, userId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not confirmed is not HR: the next turn asks again.
            Log.HrRosterUnavailable(logger, exception);
            return RosterVerdict.Unknown;
        }

        var accepted = member is not null
            && !string.Equals(member.UserRole, "guest", StringComparison.OrdinalIgnoreCase)
            && !string.IsNullOrWhiteSpace(member.AadObjectId)
            && (aadObjectId is null || string.Equals(member.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))
            && boundary.IsHome(member.TenantId?.Trim().ToLowerInvariant())
            && (tenantId is null || string.Equals(member.TenantId?.Trim(), tenantId, StringComparison.OrdinalIgnoreCase));
        if (!accepted)
        {
            Log.HrRosterRefused(logger);
        }

        return accepted ? RosterVerdict.Member : RosterVerdict.NotMember;
    }

    private Task RecordVerdictAsync(string? tenantId, string teamId, string userId, string? aadObjectId, RosterVerdict verdict, CancellationToken cancellationToken)
    {
        if (verdict == RosterVerdict.Unknown)
        {
            return Task.CompletedTask;
        }

        var now = clock.GetUtcNow();
        return StoredItems.UpdateAsync<HrRoster>(storage, HrRosterKey(tenantId), roster =>
        {
            var members = roster?.Members ?? [];
            var others = members.Where(m => m.UserId != userId && (aadObjectId is null || !string.Equals(m.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))).ToList();
            if (verdict == RosterVerdict.NotMember)
            {
                return others.Count == members.Count ? null : new HrRoster { Members = others };
            }

            return new HrRoster { Members = [.. others, new HrRosterEntry(aadObjectId!, userId, teamId, now)] };
        }, logger, cancellationToken);
    }
}

/// <summary>Who is in a Teams team: the connector's member lookup, replaceable in tests.</summary>
public interface ITeamRoster
{
    /// <summary>The member of the team with this user id, or null when they are not in it.</summary>
    Task<TeamsChannelAccount?> FindMemberAsync(ITurnContext turnContext, string teamId, string userId, CancellationToken cancellationToken);
}

/// <summary>The team roster through <see cref="TeamsInfo"/>, with the connector client of the turn (a member who is not there is a 404).</summary>
public sealed class TeamsRoster : ITeamRoster
{
    public async Task<TeamsChannelAccount?> FindMemberAsync(ITurnContext turnContext, string teamId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            return await TeamsInfo.GetTeamMemberAsync(turnContext, userId, teamId, cancellationToken).ConfigureAwait(false);
        }
        catch (ErrorResponseException exception) when (exception.Response?.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
        {
            return null;
        }
    }
}

/// <summary>A tenant's view of the directory, for the coaching conversation.</summary>
internal sealed class TenantPeople(PeopleDirectory directory, string? tenantId) : ICoachingPeople
{
    public Task<KnownPerson?> FindAsync(string userId, CancellationToken cancellationToken) => directory.FindAsync(tenantId, userId, cancellationToken);

    public Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken) => directory.ListAsync(tenantId, cancellationToken);
}
