namespace Samskapelse.Coaching;

/// <summary>
/// When reminders go out: at the chosen rhythm, and never outside working hours (08–16 on
/// weekdays) in the manager's own time zone. A reminder due outside them waits for the next start
/// of a working day.
/// </summary>
public static class CoachingSchedule
{
    public const int WorkdayStartHour = 8;
    public const int WorkdayEndHour = 16;
    public const string DefaultTimeZone = "Europe/Oslo";

    public static DateTimeOffset After(this Rhythm rhythm, DateTimeOffset from) => rhythm switch
    {
        Rhythm.Weekly => from.AddDays(7),
        Rhythm.EveryTwoWeeks => from.AddDays(14),
        _ => from.AddMonths(1),
    };

    /// <summary>The IANA time zone, or the default (Europe/Oslo) when it is missing or unknown.</summary>
    public static TimeZoneInfo TimeZone(string? ianaName)
    {
        if (!string.IsNullOrWhiteSpace(ianaName) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaName.Trim(), out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);
    }

    public static bool IsWorkingTime(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && local.Hour >= WorkdayStartHour && local.Hour < WorkdayEndHour;
    }

    /// <summary>The first moment at or after <paramref name="due"/> that lies in the manager's working hours.</summary>
    public static DateTimeOffset FirstWorkingMoment(DateTimeOffset due, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (IsWorkingTime(due, zone))
        {
            return due;
        }

        var local = TimeZoneInfo.ConvertTime(due, zone);
        var day = local.Hour < WorkdayStartHour ? local.Date : local.Date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var start = day.AddHours(WorkdayStartHour);
        return new DateTimeOffset(start, zone.GetUtcOffset(start));
    }

    /// <summary>The start of the first working day on or after <paramref name="date"/>: when a journey that starts later begins.</summary>
    public static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = date.ToDateTime(new TimeOnly(WorkdayStartHour, 0));
        return FirstWorkingMoment(new DateTimeOffset(start, zone.GetUtcOffset(start)), zone);
    }

    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
}

public static class CoachingLimits
{
    public const int NoteLength = 500;
    public const int ReflectionLength = 1000;
    public const int RoleReflectionLength = 500;
    public const int GoalsLength = 1500;
    public const int JourneysPerHr = 40;
    public const int PeopleOnStartCard = 100;

    /// <summary>How often one reminder is tried (once per reminder run) before it is given up for the next in the rhythm.</summary>
    public const int ReminderAttempts = 3;

    /// <summary>How far ahead HR may set a start date.</summary>
    public const int StartDaysAhead = 365;
}
