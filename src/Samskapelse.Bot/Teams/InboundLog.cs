namespace Samskapelse.Bot.Teams;

// Event ids 1100–1199: inbound authentication and bad requests to /api/messages. Never the token or the body.
internal static partial class InboundLog
{
    [LoggerMessage(EventId = 1101, EventName = "AuthenticationRefused", Level = LogLevel.Warning, Message = "A request to /api/messages was refused as unauthenticated: {Reason} (at {Check}).")]
    public static partial void AuthenticationRefused(ILogger logger, AuthRefusal reason, string check);

    [LoggerMessage(EventId = 1110, EventName = "BadActivityRequest", Level = LogLevel.Information, Message = "A request to /api/messages was refused with {StatusCode}: {Problem}.")]
    public static partial void BadRequest(ILogger logger, int statusCode, ActivityProblem problem);
}
