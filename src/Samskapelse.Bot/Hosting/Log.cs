using Microsoft.Extensions.Logging;

namespace Samskapelse.Bot.Hosting;

// Event ids: 1000–1099 hosting, 2000–2099 storage and plans, 3000–3099 planning conversation,
// 4000–4099 documents, 5000–5099 review of shared cards, 6000–6099 assistant, 7000–7099 coaching,
// 1200–1299 resilience (connector retries, floods, pacing), 2200–2299 storage faults in a turn.
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "TurnFailed", Level = LogLevel.Error, Message = "A turn failed in conversation type {ConversationType} for activity type {ActivityType}.")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? conversationType, string? activityType);

    [LoggerMessage(EventId = 1002, EventName = "VolatileStorage", Level = LogLevel.Warning, Message = "Bot state is kept in memory only: everything is lost when the process stops.")]
    public static partial void VolatileStorage(ILogger logger);

    [LoggerMessage(EventId = 1003, EventName = "SqliteStorage", Level = LogLevel.Information, Message = "Bot state is kept in the SQLite file {Path}.")]
    public static partial void SqliteStorage(ILogger logger, string path);
}
