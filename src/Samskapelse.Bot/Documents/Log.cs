using Microsoft.Extensions.Logging;
using Samskapelse.Documents;

namespace Samskapelse.Bot.Documents;

// Event ids 4000–4099: documents and download links (beside hosting 1000s, storage 2000s, planning 3000s).
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, EventName = "DocumentServed", Level = LogLevel.Information, Message = "Served the {Export} of plan {PlanId} in {ElapsedMilliseconds} ms.")]
    public static partial void DocumentServed(ILogger logger, PlanExport export, string planId, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4002, EventName = "LinkRefused", Level = LogLevel.Warning, Message = "A document link was refused: {Reason}.")]
    public static partial void LinkRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4003, EventName = "EphemeralSigningKey", Level = LogLevel.Warning, Message = "Documents:SigningKey is not set: download links are signed with a random key and stop working when the process stops.")]
    public static partial void EphemeralSigningKey(ILogger logger);

    [LoggerMessage(EventId = 4004, EventName = "DocumentFromCache", Level = LogLevel.Debug, Message = "Served the {Export} of plan {PlanId} from the render cache.")]
    public static partial void DocumentFromCache(ILogger logger, PlanExport export, string planId);
}
