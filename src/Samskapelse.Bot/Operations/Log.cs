namespace Samskapelse.Bot.Operations;

// Event ids: 8000–8099 operations (health, telemetry).
internal static partial class Log
{
    [LoggerMessage(EventId = 8001, EventName = "ReadinessStoreTimedOut", Level = LogLevel.Warning, Message = "Readiness: the store did not answer within {TimeoutMilliseconds} ms.")]
    public static partial void ReadinessTimedOut(ILogger logger, long timeoutMilliseconds);

    // The type only: the exception's message may carry store details a health log does not need.
    [LoggerMessage(EventId = 8002, EventName = "ReadinessStoreFailed", Level = LogLevel.Warning, Message = "Readiness: the store failed with {ExceptionType}.")]
    public static partial void ReadinessFailed(ILogger logger, string exceptionType);

}
