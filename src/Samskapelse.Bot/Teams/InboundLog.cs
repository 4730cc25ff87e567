namespace Samskapelse.Bot.Teams;

// Event ids 1100–1199: inbound authentication and bad requests to /api/messages. Never the token or the body.
internal static partial class InboundLog
{
    [LoggerMessage(EventId = 1101, EventName = "AuthenticationRefused", Level = LogLevel.Warning, Message = "A request to /api/messages was refused as unauthenticated: {Reason} ({Detail}).")]
    public static partial void AuthenticationRefused(ILogger logger, AuthRefusal reason, string detail);

    [LoggerMessage(EventId = 1102, EventName = "AuthenticationUnavailable", Level = LogLevel.Error, Message = "A request to /api/messages could not be authenticated: the channel's OpenID metadata or keys could not be read.")]
    public static partial void AuthenticationUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1111, EventName = "TenantRefused", Level = LogLevel.Warning, Message = "An authenticated activity from tenant {TenantId}, which the bot does not serve (Bot:AllowedTenants), was refused with 403.")]
    public static partial void TenantRefused(ILogger logger, string tenantId);

    [LoggerMessage(EventId = 1110, EventName = "BadActivityRequest", Level = LogLevel.Information, Message = "A request to /api/messages was refused with {StatusCode}: {Problem}.")]
    public static partial void BadRequest(ILogger logger, int statusCode, ActivityProblem problem);
}
