using Microsoft.Bot.Builder;
using Samskapelse.Bot.Storage;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// Decides across every instance of the bot which one welcomes a conversation. Teams sends
/// installationUpdate and conversationUpdate together, and behind a load balancer they can reach two
/// instances at once, where <see cref="ConversationTurnLocks"/> (per process) cannot serialise them and
/// conversation state is last-write-wins. A claim is an item written without an ETag, which the
/// store refuses when it already exists: exactly one writer wins.
/// </summary>
public sealed partial class WelcomeClaims(IStorage storage, ILogger<WelcomeClaims> logger)
{
    public static string Key(string channelId, string conversationId) => "welcomed/" + channelId + "/" + conversationId;

    /// <summary>The claim in the conversation's tenant: <c>welcomed/{channelId}/{tenantId}/{conversationId}</c>.</summary>
    public static string Key(string channelId, string? tenantId, string conversationId) =>
        tenantId is null ? Key(channelId, conversationId) : "welcomed/" + channelId + "/" + tenantId + "/" + conversationId;

    /// <summary>True for the first caller for this conversation, on any instance; false for every later one.</summary>
    public Task<bool> TryClaimAsync(string channelId, string conversationId, DateTimeOffset now, CancellationToken cancellationToken) =>
        TryClaimAsync(channelId, null, conversationId, now, cancellationToken);

    /// <summary>
    /// As above, in the conversation's tenant. A claim written before the tenant went into the keys is not read:
    /// the conversation state (taken over from its old key) already says the conversation was welcomed.
    /// </summary>
    public async Task<bool> TryClaimAsync(string channelId, string? tenantId, string conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [Key(channelId, tenantId, conversationId)] = new WelcomeClaim { At = now } }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (ETagConflictException.IsConflict(exception))
        {
            LogAlreadyWelcomed(logger);
            return false;
        }
    }

    [LoggerMessage(EventId = 2110, EventName = "WelcomeAlreadyClaimed", Level = LogLevel.Debug, Message = "Another turn already welcomed this conversation; this one stays silent.")]
    private static partial void LogAlreadyWelcomed(ILogger logger);

    private sealed class WelcomeClaim : IStoreItem
    {
        public DateTimeOffset At { get; init; }

        public string? ETag { get; set; }
    }
}
