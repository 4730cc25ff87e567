using System.Collections.Immutable;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Samskapelse.Bot.Storage;
using Samskapelse.Coaching;

namespace Samskapelse.Bot.Coaching;

/// <summary>A journey as a stored item (<c>coaching/journeys/{id}</c>).</summary>
public sealed class JourneyDocument : IStoreItem
{
    public required CoachingJourney Journey { get; init; }

    /// <summary>The tenant HR and the manager belong to (null for journeys started before the tenant was kept).</summary>
    public string? TenantId { get; init; }

    public string? ETag { get; set; }
}

/// <summary>Which journeys exist, and whose they are (<c>coaching/journeys</c>): IStorage cannot query.</summary>
public sealed class JourneyIndex : IStoreItem
{
    public List<JourneyIndexEntry> Entries { get; init; } = [];

    public string? ETag { get; set; }
}

public sealed record JourneyIndexEntry(string Id, string HrUserId, string ManagerUserId);

/// <summary>
/// A person the bot has met (<c>coaching/people/{userId}</c>): ids, name, and, once they used the
/// personal chat, the conversation reference proactive messages go to, with their time zone and locale.
/// </summary>
public sealed class PersonDocument : IStoreItem
{
    public required string UserId { get; init; }

    public string? AadObjectId { get; init; }

    public string Name { get; init; } = string.Empty;

    public ConversationReference? Reference { get; init; }

    /// <summary>IANA name from the activity's localTimezone.</summary>
    public string? TimeZone { get; init; }

    public string? Locale { get; init; }

    public string? ETag { get; set; }
}

/// <summary>Everyone the bot has met whose id falls in one bucket, by name, for the start card (<c>coaching/people-index/{bucket}</c>).</summary>
public sealed class PeopleIndex : IStoreItem
{
    public ImmutableList<Person> People { get; init; } = [];

    public string? ETag { get; set; }
}

/// <summary>Members of the HR group as seen in the HR team's roster events and messages, unconfirmed (<c>coaching/hr-group</c>): no longer read, only erased.</summary>
public sealed class HrGroupMembers : IStoreItem
{
    public List<string> AadObjectIds { get; init; } = [];

    public string? ETag { get; set; }
}

/// <summary>
/// Members of the HR team confirmed against the team roster: of the bot's own tenant, not guests
/// (<c>coaching/hr-roster/{tenantId}</c>). An entry counts for <see cref="CoachingOptions.HrRosterMaxAge"/> after
/// it was confirmed, then it is confirmed again.
/// </summary>
public sealed class HrRoster : IStoreItem
{
    public List<HrRosterEntry> Members { get; init; } = [];

    public string? ETag { get; set; }
}

public sealed record HrRosterEntry(string AadObjectId, string UserId, string TeamId, DateTimeOffset ConfirmedAt);

/// <summary>Read-modify-write of one stored item with its ETag, re-applied after a conflict a bounded number of times.</summary>
internal static class StoredItems
{
    public const int MaxAttempts = 8;

    public static async Task<T?> ReadAsync<T>(IStorage storage, string key, CancellationToken cancellationToken)
        where T : class
    {
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var value) ? StorageJson.As<T>(value) : null;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored item (or to <paramref name="create"/>'s when none exists)
    /// and writes it; a change returning null writes nothing. Returns what was written, or null.
    /// </summary>
    public static async Task<T?> UpdateAsync<T>(IStorage storage, string key, Func<T?, T?> change, ILogger logger, CancellationToken cancellationToken)
        where T : class, IStoreItem
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync<T>(storage, key, cancellationToken).ConfigureAwait(false);
            var changed = change(current);
            if (changed is null)
            {
                return null;
            }

            changed.ETag = current?.ETag;
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [key] = changed }, cancellationToken).ConfigureAwait(false);
                return changed;
            }
            catch (Exception exception) when (ETagConflictException.IsConflict(exception) && attempt < MaxAttempts)
            {
                Log.WriteConflict(logger, key, attempt);
            }
        }
    }
}
