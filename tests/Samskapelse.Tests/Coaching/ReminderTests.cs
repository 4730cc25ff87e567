using Microsoft.Bot.Builder;
using Samskapelse.Coaching;
using Samskapelse.Localization;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Coaching;

/// <summary>
/// Reminders through the real ReminderService work method, the fake clock and TestAdapter's
/// ContinueConversationAsync: no sleeping, the clock is advanced and the work run.
/// </summary>
public sealed class ReminderTests
{
    private static async Task<(CoachingWorld World, ChatUser Hr, ChatUser Manager)> AcceptedAsync(DateTimeOffset at, string? timeZone = "Europe/Oslo", Rhythm rhythm = Rhythm.Weekly, IStorage? storage = null)
    {
        var world = new CoachingWorld(at, storage);
        var hr = world.Hr();
        var manager = world.Manager(timeZone: timeZone);
        await CoachingJourneyTests.StartAsync(hr, manager, Language.En, (CoachingFields.Rhythm, rhythm.ToString()));
        await CoachingJourneyTests.AcceptAsync(manager);
        return (world, hr, manager);
    }

    private static int Reminders(ChatUser manager) =>
        manager.Proactive.Cards.Count(c => CardReader.AllText(c).Contains(T(Language.En, "CoachNext_ReminderHeading"), StringComparison.Ordinal));

    [Fact]
    public async Task AtTheRhythm_OneReminderIsSent_AndRunningAgainSendsNoSecond()
    {
        var (world, _, manager) = await AcceptedAsync(CoachingWorld.MondayNineOslo);

        world.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await world.RunRemindersAsync());
        world.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await world.RunRemindersAsync());
        Assert.Equal(0, await world.RunRemindersAsync());

        Assert.Equal(1, Reminders(manager));
        var reminder = manager.Proactive.Cards[^1];
        Assert.Contains(T(Language.En, "CoachNext_Next", T(Language.En, "Competence_MissionKnowledge")), CardReader.AllText(reminder), StringComparison.Ordinal);

        // The reminder's button goes on with the journey.
        await manager.PressOnAsync(reminder, T(Language.En, "Action_ContinueNow"));
        Assert.Contains(T(Language.En, "CoachStep_ScoreLabel"), CardReader.AllText(manager.LastCard!), StringComparison.Ordinal);

        world.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await world.RunRemindersAsync());
        Assert.Equal(2, Reminders(manager));
    }

    [Fact]
    public async Task TwoReminderServicesOverOneStorage_SendADueReminderOnce()
    {
        var (world, _, manager) = await AcceptedAsync(CoachingWorld.MondayNineOslo);
        world.Time.Advance(TimeSpan.FromDays(7));

        var first = world.NewReminderService();
        var second = world.NewReminderService();
        var sent = await Task.WhenAll(first.RunOnceAsync(CancellationToken.None), second.RunOnceAsync(CancellationToken.None));
        world.DeliverProactive();

        Assert.Equal(1, sent.Sum());
        Assert.Equal(1, Reminders(manager));
    }

    [Fact]
    public async Task ARestart_NeitherLosesNorRepeatsAReminder()
    {
        var storage = new MemoryStorage();
        var (world, _, manager) = await AcceptedAsync(CoachingWorld.MondayNineOslo, storage: storage);
        world.Time.Advance(TimeSpan.FromDays(7));

        // Down while the reminder fell due: the new instance sends it.
        world.Restart();
        Assert.Equal(1, await world.RunRemindersAsync());

        // Restarted again right after sending: the sent reminder is not sent again.
        world.Restart();
        Assert.Equal(0, await world.RunRemindersAsync());
        Assert.Equal(1, Reminders(manager));

        var journey = Assert.Single(await world.Journeys.AllIdsAsync(CancellationToken.None));
        Assert.Equal(CoachingWorld.MondayNineOslo.AddDays(14), (await world.Journeys.FindAsync(journey, CancellationToken.None))!.NextReminderAt);
    }

    [Fact]
    public async Task OverSqlite_AJourneyAndItsReminderSurviveANewProcess()
    {
        using var database = new TempDatabase();
        var (world, hr, manager) = await AcceptedAsync(CoachingWorld.MondayNineOslo, storage: new Samskapelse.Bot.Storage.SqliteStorage(database.Path, TimeProvider.System));
        await manager.PressAsync(T(Language.En, "Action_SaveNext"), (CoachingFields.Score, "2"), (CoachingFields.Reflection, "æøå reflection"));
        await manager.PressAsync(T(Language.En, "Action_SaveNext"), (CoachingFields.Score, "3"));
        world.Time.Advance(TimeSpan.FromDays(7));

        world.Restart(new Samskapelse.Bot.Storage.SqliteStorage(database.Path, TimeProvider.System));
        Assert.Equal(1, await world.RunRemindersAsync());
        world.Restart(new Samskapelse.Bot.Storage.SqliteStorage(database.Path, TimeProvider.System));
        Assert.Equal(0, await world.RunRemindersAsync());

        await manager.PressOnAsync(manager.Proactive.Cards[^1], T(Language.En, "Action_ContinueNow"));
        await manager.PressAsync(T(Language.En, "Action_Back"));
        await manager.PressAsync(T(Language.En, "Action_Back"));
        Assert.Equal("æøå reflection", (string?)CardReader.Input(manager.LastCard!, CoachingFields.Reflection)?["value"]);
        Assert.Equal("2", (string?)CardReader.Input(manager.LastCard!, CoachingFields.Score)?["value"]);
        await hr.SayAsync("coaching status");
        Assert.Contains(T(Language.En, "CoachProgress_Step", 1, JourneySteps.Count), CardReader.AllText(hr.LastCard!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThrottledReminder_IsTriedAgainOnTheNextRun_AndGivenUpAfterThreeFailures()
    {
        var (world, _, manager) = await AcceptedAsync(CoachingWorld.MondayNineOslo);
        world.Time.Advance(TimeSpan.FromDays(7));

        world.Proactive.FailNextSends = 1;
        Assert.Equal(0, await world.RunRemindersAsync());
        Assert.Equal(1, await world.RunRemindersAsync());
        Assert.Equal(0, await world.RunRemindersAsync());
        Assert.Equal(1, Reminders(manager));

        world.Time.Advance(TimeSpan.FromDays(7));
        world.Proactive.FailNextSends = CoachingLimits.ReminderAttempts;
        for (var run = 0; run < CoachingLimits.ReminderAttempts + 1; run++)
        {
            Assert.Equal(0, await world.RunRemindersAsync());
        }

        var journey = (await world.Journeys.FindAsync(Assert.Single(await world.Journeys.AllIdsAsync(CancellationToken.None)), CancellationToken.None))!;
        Assert.Equal(CoachingWorld.MondayNineOslo.AddDays(21), journey.NextReminderAt);
        Assert.Equal(0, journey.ReminderFailures);
        Assert.Equal(1, Reminders(manager));
    }

    [Fact]
    public async Task AReminderDueAt0700Oslo_WaitsUntil0800()
    {
        // Accepted on Monday at 07:00 in Oslo (06:00 UTC): the weekly reminder falls due at 07:00.
        var (world, _, manager) = await AcceptedAsync(new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero));

        world.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await world.RunRemindersAsync());
        world.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await world.RunRemindersAsync());
        world.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await world.RunRemindersAsync());
        Assert.Equal(1, Reminders(manager));
    }

    [Fact]
    public async Task AReminderDueOnASaturday_WaitsUntilMondayAt0800()
    {
        // Accepted on Saturday 7 November at 10:00 in Oslo.
        var (world, _, manager) = await AcceptedAsync(new DateTimeOffset(2026, 11, 7, 9, 0, 0, TimeSpan.Zero));

        world.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await world.RunRemindersAsync());
        world.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await world.RunRemindersAsync());

        // Monday 16 November, 07:59 and 08:00 in Oslo.
        world.Time.SetUtcNow(new DateTimeOffset(2026, 11, 16, 6, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await world.RunRemindersAsync());
        world.Time.SetUtcNow(new DateTimeOffset(2026, 11, 16, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await world.RunRemindersAsync());
        Assert.Equal(1, Reminders(manager));
    }

    [Fact]
    public async Task WorkingHours_AreTheManagersOwn_FromTheActivitysLocalTimezone()
    {
        // 15:00 UTC on a Monday is 16:00 in Oslo (after hours) but 10:00 in New York.
        var (world, _, manager) = await AcceptedAsync(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero), timeZone: "America/New_York");

        world.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await world.RunRemindersAsync());
        Assert.Equal(1, Reminders(manager));
    }

    [Fact]
    public async Task APausedJourney_GetsNoReminders_AndResumingStartsTheRhythmAgain()
    {
        var (world, _, manager) = await AcceptedAsync(CoachingWorld.MondayNineOslo);
        await manager.PressAsync(T(Language.En, "Action_Pause"));

        world.Time.Advance(TimeSpan.FromDays(14));
        Assert.Equal(0, await world.RunRemindersAsync());

        await manager.SayAsync("my coaching");
        await manager.PressAsync(T(Language.En, "Action_Resume"));
        Assert.Equal(0, await world.RunRemindersAsync());
        world.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await world.RunRemindersAsync());
        Assert.Equal(1, Reminders(manager));
    }

    [Fact]
    public async Task AJourneyStartingLater_BeginsWithAReminderOnItsStartDateAt0800()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();
        await CoachingJourneyTests.StartAsync(hr, manager, Language.En, (CoachingFields.StartDate, "2026-11-09"));
        await CoachingJourneyTests.AcceptAsync(manager);
        Assert.Contains(T(Language.En, "Coach_StartsLater", new DateOnly(2026, 11, 9).ToString("D", Language.En.Culture())), manager.Received.Texts);

        world.Time.SetUtcNow(new DateTimeOffset(2026, 11, 9, 6, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await world.RunRemindersAsync());
        world.Time.SetUtcNow(new DateTimeOffset(2026, 11, 9, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await world.RunRemindersAsync());
    }
}
