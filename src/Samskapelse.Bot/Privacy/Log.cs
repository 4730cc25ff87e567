using Microsoft.Extensions.Logging;

namespace Samskapelse.Bot.Privacy;

// Event ids 9000–9099: privacy (export, deletion, retention). Never a user's name or text: ids and counts only.
internal static partial class Log
{
    [LoggerMessage(EventId = 9001, EventName = "RetentionOff", Level = LogLevel.Information, Message = "Privacy:RetentionDays is 0: plans are kept until their owners delete them.")]
    public static partial void RetentionOff(ILogger logger);

    [LoggerMessage(EventId = 9002, EventName = "RetentionSwept", Level = LogLevel.Information, Message = "Retention sweep: {Removed} of {Listed} plans were untouched for more than {Days} days and were removed.")]
    public static partial void RetentionSwept(ILogger logger, int removed, int listed, int days);

    [LoggerMessage(EventId = 9003, EventName = "RetentionSweepFailed", Level = LogLevel.Error, Message = "A retention sweep failed; the next one runs as planned.")]
    public static partial void RetentionSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9004, EventName = "PersonalDataExported", Level = LogLevel.Information, Message = "Personal data export served: {OwnPlans} own plans, {Contributions} plans with contributions.")]
    public static partial void PersonalDataExported(ILogger logger, int ownPlans, int contributions);

    [LoggerMessage(EventId = 9005, EventName = "PersonalDataDeleted", Level = LogLevel.Information, Message = "Personal data deleted: {OwnPlans} own plans removed, {Anonymised} other plans anonymised, {Chats} chat references cleared, {Journeys} coaching journeys.")]
    public static partial void PersonalDataDeleted(ILogger logger, int ownPlans, int anonymised, int chats, int journeys);

    [LoggerMessage(EventId = 9006, EventName = "PersonIndexBackfilled", Level = LogLevel.Information, Message = "Person index backfilled once from {Plans} plans for {People} people; exports and deletions read it from now on.")]
    public static partial void PersonIndexBackfilled(ILogger logger, int plans, int people);

    [LoggerMessage(EventId = 9007, EventName = "PersonIndexBackfillFailed", Level = LogLevel.Error, Message = "The person index backfill failed; the first export or deletion tries again.")]
    public static partial void PersonIndexBackfillFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9008, EventName = "PurgeFailed", Level = LogLevel.Warning, Message = "After a deletion of personal data, the store could not empty its write-ahead log; the next deletion or checkpoint does.")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9009, EventName = "SweptCardsReplaced", Level = LogLevel.Information, Message = "Retention: the posted cards of a removed plan were replaced ({Cards} cards).")]
    public static partial void SweptCardsReplaced(ILogger logger, int cards);
}
