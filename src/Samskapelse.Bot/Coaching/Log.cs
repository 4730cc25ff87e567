using Microsoft.Extensions.Logging;

namespace Samskapelse.Bot.Coaching;

// Event ids 7000–7099: coaching (registry in Hosting/Log.cs).
internal static partial class Log
{
    [LoggerMessage(EventId = 7001, EventName = "CoachingProactiveFailed", Level = LogLevel.Warning, Message = "A coaching message could not be delivered to a user's personal chat.")]
    public static partial void ProactiveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7002, EventName = "CoachingNoReference", Level = LogLevel.Information, Message = "A coaching message waits: the bot has no personal chat with the recipient yet.")]
    public static partial void NoReference(ILogger logger);

    [LoggerMessage(EventId = 7003, EventName = "CoachingReminderSent", Level = LogLevel.Information, Message = "Coaching reminder {Number} sent for journey {JourneyId}.")]
    public static partial void ReminderSent(ILogger logger, int number, string journeyId);

    [LoggerMessage(EventId = 7004, EventName = "CoachingReminderRunFailed", Level = LogLevel.Error, Message = "The coaching reminder run failed; the next run tries again.")]
    public static partial void ReminderRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7005, EventName = "CoachingWriteConflict", Level = LogLevel.Information, Message = "Coaching item {Key} changed while being updated; re-applying (attempt {Attempt}).")]
    public static partial void WriteConflict(ILogger logger, string key, int attempt);

    [LoggerMessage(EventId = 7006, EventName = "CoachingNoHr", Level = LogLevel.Warning, Message = "No HR users are configured (Coaching:HrUserAadObjectIds, Coaching:HrGroupId): nobody can start coaching.")]
    public static partial void NoHrConfigured(ILogger logger);

    [LoggerMessage(EventId = 7007, EventName = "CoachingJourneyChanged", Level = LogLevel.Information, Message = "Coaching verb {Verb} handled.")]
    public static partial void Handled(ILogger logger, string verb);

    [LoggerMessage(EventId = 7008, EventName = "CoachingReminderUndelivered", Level = LogLevel.Warning, Message = "Coaching reminder for journey {JourneyId} was due but could not be delivered; it is tried again on the next run, a bounded number of times.")]
    public static partial void ReminderUndelivered(ILogger logger, string journeyId);

    [LoggerMessage(EventId = 7009, EventName = "CoachingHrRosterRefused", Level = LogLevel.Warning, Message = "A member seen in the HR team was not confirmed as HR: not in the team roster, a guest, or of another tenant.")]
    public static partial void HrRosterRefused(ILogger logger);

    [LoggerMessage(EventId = 7010, EventName = "CoachingHrRosterUnavailable", Level = LogLevel.Warning, Message = "The HR team's roster could not be read; the member is not HR until it can be confirmed.")]
    public static partial void HrRosterUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7011, EventName = "CoachingHrRosterOtherTenant", Level = LogLevel.Warning, Message = "Roster activity from the HR team in a tenant that is not the bot's own was ignored.")]
    public static partial void HrRosterIgnored(ILogger logger);
}
