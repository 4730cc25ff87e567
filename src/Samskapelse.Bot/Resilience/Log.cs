namespace Samskapelse.Bot.Resilience;

// Event ids 1200–1299 (calls out, floods, pacing) and 2200–2299 (storage faults in a turn).
internal static partial class Log
{
    [LoggerMessage(EventId = 1201, EventName = "ConnectorRetry", Level = LogLevel.Warning, Message = "A {Method} to the Bot Connector failed (status {Status}, {Exception}); retry {Attempt} in {DelayMs} ms.")]
    public static partial void ConnectorRetry(ILogger logger, string? method, int status, string? exception, int attempt, long delayMs);

    [LoggerMessage(EventId = 1202, EventName = "ConversationFlooded", Level = LogLevel.Warning, Message = "A {ConversationType} conversation sent {ActivityType} activities faster than its allowance; the rest are ignored until it refills.")]
    public static partial void Flooded(ILogger logger, string? conversationType, string? activityType);

    [LoggerMessage(EventId = 2201, EventName = "StorageFaultInTurn", Level = LogLevel.Error, Message = "The storage failed in a {ConversationType} turn of type {ActivityType}; the user's answer was kept for retry: {AnswerKept}.")]
    public static partial void StorageFault(ILogger logger, Exception exception, string? conversationType, string? activityType, bool answerKept);

    [LoggerMessage(EventId = 2202, EventName = "RetryingKeptAnswer", Level = LogLevel.Information, Message = "Applying a kept answer again in a {ConversationType} conversation.")]
    public static partial void RetryingKeptAnswer(ILogger logger, string? conversationType);
}
