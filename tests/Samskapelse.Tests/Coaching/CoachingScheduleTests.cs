using Samskapelse.Coaching;

namespace Samskapelse.Tests.Coaching;

public sealed class CoachingScheduleTests
{
    private static readonly TimeZoneInfo Oslo = CoachingSchedule.TimeZone("Europe/Oslo");

    [Theory]
    [InlineData("2026-11-02T07:00:00+01:00", "2026-11-02T08:00:00+01:00")] // Monday before work
    [InlineData("2026-11-02T12:30:00+01:00", "2026-11-02T12:30:00+01:00")] // in working hours: at once
    [InlineData("2026-11-06T16:00:00+01:00", "2026-11-09T08:00:00+01:00")] // Friday at 16: Monday
    [InlineData("2026-11-07T10:00:00+01:00", "2026-11-09T08:00:00+01:00")] // Saturday
    [InlineData("2026-11-08T23:59:00+01:00", "2026-11-09T08:00:00+01:00")] // Sunday night
    [InlineData("2026-03-28T10:00:00+01:00", "2026-03-30T08:00:00+02:00")] // across the change to summer time
    public void FirstWorkingMoment_IsEightOnTheNextWeekday_InOslo(string due, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CoachingSchedule.FirstWorkingMoment(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Oslo));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Not/AZone")]
    public void AMissingOrUnknownTimeZone_IsOslo(string? name) => Assert.Equal(Oslo.Id, CoachingSchedule.TimeZone(name).Id);

    [Fact]
    public void Rhythms_AreAWeekTwoWeeksAndAMonth()
    {
        var from = new DateTimeOffset(2026, 1, 31, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(from.AddDays(7), Rhythm.Weekly.After(from));
        Assert.Equal(from.AddDays(14), Rhythm.EveryTwoWeeks.After(from));
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 9, 0, 0, TimeSpan.Zero), Rhythm.Monthly.After(from));
    }

    [Fact]
    public void HrProgress_CarriesNoAnswer_AndShowsAPauseAsInProgress()
    {
        var journey = new CoachingJourney
        {
            Id = "j1",
            Hr = new Person("29:hr", null, "HR"),
            Manager = new Person("29:m", null, "Kari"),
            StartDate = new DateOnly(2026, 11, 2),
            Status = CoachingStatus.Paused,
            Step = JourneyStep.Maturity,
            Answers = new JourneyAnswers { Goals = "secret goal" },
        };

        var progress = CoachingProgress.Of(journey);

        Assert.Equal(CoachingProgressStatus.InProgress, progress.Status);
        Assert.Equal(8, progress.StepNumber);
        Assert.DoesNotContain("secret", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheHandlerRegistry_RefusesADuplicateVerb() =>
        Assert.Throws<InvalidOperationException>(() => new CoachingConversation([.. CoachingHandlers.All(), CoachingHandlers.All()[0]]));
}
