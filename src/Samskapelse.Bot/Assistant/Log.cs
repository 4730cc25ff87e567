using Samskapelse.Assistant;

namespace Samskapelse.Bot.Assistant;

// Event ids: 6000–6099 assistant. Never log what the user wrote or what the model answered.
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, EventName = "AssistantCallFailed", Level = LogLevel.Warning, Message = "The cloud assistant failed ({Fault}, HTTP {Status}) for {Kind}; the offline assistant answers.")]
    public static partial void CallFailed(ILogger logger, Exception? exception, AssistantFault fault, int status, SuggestionKind kind);

    [LoggerMessage(EventId = 6002, EventName = "AssistantRetrying", Level = LogLevel.Information, Message = "The cloud assistant answered HTTP {Status}; retry {Attempt} after {DelayMs} ms.")]
    public static partial void Retrying(ILogger logger, int status, int attempt, long delayMs);

    [LoggerMessage(EventId = 6003, EventName = "AssistantAnswered", Level = LogLevel.Information, Message = "The cloud assistant answered {Kind} with {Count} suggestions for {Tokens} tokens.")]
    public static partial void Answered(ILogger logger, SuggestionKind kind, int count, int tokens);

    [LoggerMessage(EventId = 6004, EventName = "AssistantCardUpdateFailed", Level = LogLevel.Information, Message = "The working card could not be updated; the suggestions are sent as a new message.")]
    public static partial void UpdateFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6005, EventName = "AssistantDeliveryFailed", Level = LogLevel.Error, Message = "Suggestions for {Kind} could not be delivered.")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, SuggestionKind kind);

    [LoggerMessage(EventId = 6006, EventName = "AssistantMode", Level = LogLevel.Information, Message = "Assistant: {Mode}.")]
    public static partial void Mode(ILogger logger, string mode);

    [LoggerMessage(EventId = 6007, EventName = "AssistantLimitReached", Level = LogLevel.Information, Message = "The offline assistant answered {Kind} because a limit was reached: {Fault}.")]
    public static partial void LimitReached(ILogger logger, SuggestionKind kind, AssistantFault fault);
}
