using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Coaching;
using Samskapelse.Coaching;
using Samskapelse.Localization;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Coaching;

public sealed class CoachingJourneyTests
{
    private static readonly string[] Reflections =
    [
        "R1 my mission talk is vague", "R2 I rarely look outside", "R3 few people trust me yet", "R4 I speak too long",
        "R5 I avoid conflict", "R6 uncertainty stresses me", "R7 ownership is thin", "R8 rungs are hard",
        "R9 the sports club may feel used", "R10 staff fear for their jobs", "R11 goal: one alliance by spring", "R12 next: call the library",
    ];

    internal static async Task StartAsync(ChatUser hr, ChatUser manager, Language hrLanguage = Language.En, params (string Id, string Value)[] extra)
    {
        if (manager.Received.Activities.Count == 0)
        {
            await manager.SayAsync("hi");
        }

        await hr.SayAsync("coaching");
        await hr.PressAsync(T(hrLanguage, "CoachStart_Submit"), [(CoachingFields.Manager, manager.UserId), .. extra]);
    }

    internal static async Task AcceptAsync(ChatUser manager, Language language = Language.En)
    {
        Assert.NotNull(manager.LastCard);
        await manager.PressAsync(T(language, "Action_Accept"));
    }

    /// <summary>Answers every step with the distinctive reflections above and a score of 4, going on at each sitting's end.</summary>
    internal static async Task AnswerEveryStepAsync(ChatUser manager, Language language = Language.En)
    {
        for (var step = 1; step <= JourneySteps.Count; step++)
        {
            var inputs = (JourneyStep)step switch
            {
                var s when s.IsCompetence() => new[] { (CoachingFields.Score, "4"), (CoachingFields.Reflection, Reflections[step - 1]) },
                JourneyStep.SpecialRole => [(CoachingFields.Role(LeaderRole.BroadOwnership), "true"), (CoachingFields.RoleReflection(LeaderRole.BroadOwnership), Reflections[6])],
                JourneyStep.Maturity => [(CoachingFields.Maturity, nameof(MaturityStep.Ambitious)), (CoachingFields.Reflection, Reflections[7])],
                JourneyStep.Risks => [(CoachingFields.Risk(CoachingRisk.PartnersFeelHarnessed), Reflections[8]), (CoachingFields.Risk(CoachingRisk.StaffFeelThreatened), Reflections[9])],
                _ => [(CoachingFields.Goals, Reflections[10]), (CoachingFields.NextSteps, Reflections[11])],
            };
            await manager.PressAsync(T(language, "Action_SaveNext"), inputs);
            if (((JourneyStep)step).EndsSitting() && step < JourneySteps.Count)
            {
                await manager.PressAsync(T(language, "Action_ContinueNow"));
            }
        }
    }

    private static void AssertHrSawNothingPrivate(ChatUser hr)
    {
        var everything = hr.Received.AllText;
        foreach (var reflection in Reflections)
        {
            Assert.DoesNotContain(reflection, everything, StringComparison.Ordinal);
        }

        foreach (var language in Languages.All)
        {
            Assert.DoesNotContain(T(language, "CoachSummary_Score", 4), everything, StringComparison.Ordinal);
            Assert.DoesNotContain(T(language, "Score_4"), everything, StringComparison.Ordinal);
            Assert.DoesNotContain(T(language, "Maturity_Ambitious"), everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HrStartsCoaching_ManagerGetsAProactiveInvitation_AndHrLearnsOnlyTheAcceptance()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();

        await StartAsync(hr, manager, Language.En, (CoachingFields.Note, "Looking forward to this, Kari"), (CoachingFields.Rhythm, nameof(Rhythm.EveryTwoWeeks)));

        Assert.Contains(T(Language.En, "Coach_Invited", "Kari Nordmann"), hr.Received.Texts);
        var invitation = Assert.Single(manager.Proactive.Cards);
        var text = CardReader.AllText(invitation);
        Assert.Contains(T(Language.En, "CoachInvite_Text", "Hanne HR"), text, StringComparison.Ordinal);
        Assert.Contains("Looking forward to this, Kari", text, StringComparison.Ordinal);
        Assert.Contains(T(Language.En, "Rhythm_EveryTwoWeeks"), text, StringComparison.Ordinal);

        await AcceptAsync(manager);

        Assert.Contains(T(Language.En, "Competence_MissionKnowledge"), manager.Received.AllText, StringComparison.Ordinal);
        Assert.Equal([T(Language.En, "Coach_HrAccepted", "Kari Nordmann")], hr.Proactive.Texts);
        var journey = Assert.Single(await world.Journeys.ForHrAsync(hr.UserId, CancellationToken.None));
        Assert.Equal(CoachingStatus.Accepted, journey.Status);
        Assert.Equal(CoachingWorld.MondayNineOslo.AddDays(14), journey.NextReminderAt);
    }

    [Fact]
    public async Task ManagerDeclines_HrLearnsOnlyThat()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();
        await StartAsync(hr, manager);

        await manager.PressAsync(T(Language.En, "Action_Decline"));

        Assert.Contains(T(Language.En, "Coach_Declined"), manager.Received.Texts);
        Assert.Equal([T(Language.En, "Coach_HrDeclined", "Kari Nordmann")], hr.Proactive.Texts);
        await hr.SayAsync("coaching status");
        Assert.Contains(T(Language.En, "ProgressStatus_Declined"), CardReader.AllText(hr.LastCard!), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task SomeoneWhoIsNotHr_IsRefusedTheHrCommandsPolitely(string locale, Language language)
    {
        var world = new CoachingWorld();
        var colleague = world.Person("29:colleague", "Per Kollega", "cccccccc-0000-0000-0000-000000000003", locale);
        var manager = world.Manager(locale);
        await manager.SayAsync("hi");

        var typed = await colleague.SayAsync(Cmd(language, "Cmd_Coaching"));
        var status = await colleague.SayAsync(Cmd(language, "Cmd_CoachingStatus"));
        var forged = await colleague.SubmitAsync(new JObject { ["verb"] = CoachingVerbs.SubmitStart, [CoachingFields.Manager] = manager.UserId });

        var refusal = T(language, "Coach_HrOnly", Cmd(language, "Cmd_MyCoaching"));
        Assert.Equal([refusal], typed.Texts);
        Assert.Equal([refusal], status.Texts);
        Assert.Equal([refusal], forged.Texts);
        Assert.Empty(typed.Cards);
        Assert.Empty(await world.Journeys.AllIdsAsync(CancellationToken.None));
        Assert.Empty(manager.Proactive.Activities);
    }

    [Fact]
    public async Task ManagerTheBotCannotReachYet_HrIsToldPlainly_AndTheInvitationWaitsForTheirFirstChat()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();

        // Seen only in a team channel: a name to pick, but no personal chat to write to.
        await manager.SayInTeamAsync("hello");
        await hr.SayAsync("coaching Kari");
        await hr.PressAsync(T(Language.En, "CoachStart_Submit"));

        Assert.Contains(T(Language.En, "Coach_NotReachable", "Kari Nordmann"), hr.Received.Texts);
        Assert.Contains(T(Language.En, "CoachInstall_Message", "Kari Nordmann"), hr.Received.AllText, StringComparison.Ordinal);
        Assert.Contains("https://teams.microsoft.com/l/chat/0/0?users=28:11111111-2222-3333-4444-555555555555", hr.Received.AllText, StringComparison.Ordinal);
        Assert.Empty(manager.Proactive.Activities);

        var firstChat = await manager.SayAsync("hi");

        Assert.Contains(T(Language.En, "CoachInvite_Heading"), firstChat.AllText, StringComparison.Ordinal);
        await AcceptAsync(manager);
        Assert.Equal([T(Language.En, "Coach_HrAccepted", "Kari Nordmann")], hr.Proactive.Texts);
    }

    [Fact]
    public async Task TypingANameNobodyHasMet_GivesHrTheMessageToSend()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        await hr.SayAsync("coaching");

        var replies = await hr.PressAsync(T(Language.En, "CoachStart_Submit"), (CoachingFields.ManagerName, "Ola Ukjent"));

        Assert.Contains(T(Language.En, "Coach_NobodyMatch", "Ola Ukjent"), replies.AllText, StringComparison.Ordinal);
        Assert.Contains(T(Language.En, "CoachInstall_Message", "Ola Ukjent"), replies.AllText, StringComparison.Ordinal);
        Assert.Empty(await world.Journeys.AllIdsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WholeJourney_HrSeesProgressAndCompletion_ButNeverAReflectionOrAScore()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();
        await StartAsync(hr, manager);
        await AcceptAsync(manager);
        await AnswerEveryStepAsync(manager, Language.En);

        await hr.SayAsync("coaching status");
        await world.RunRemindersAsync();

        Assert.Contains(T(Language.En, "Coach_Completed"), manager.Received.Texts);
        var summary = manager.Received.Cards.Last(c => CardReader.AllText(c).Contains(T(Language.En, "CoachSummary_Heading"), StringComparison.Ordinal));
        Assert.Contains(Reflections[0], CardReader.AllText(summary), StringComparison.Ordinal);
        Assert.Contains(T(Language.En, "CoachSummary_Score", 4), CardReader.AllText(summary), StringComparison.Ordinal);
        Assert.Contains(T(Language.En, "Coach_HrCompleted", "Kari Nordmann"), hr.Proactive.Texts);
        Assert.Contains(T(Language.En, "ProgressStatus_Completed"), CardReader.AllText(hr.LastCard!), StringComparison.Ordinal);
        AssertHrSawNothingPrivate(hr);
    }

    [Fact]
    public async Task HrProgress_ShowsTheStep_AndAPauseOnlyAsInProgress()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();
        await StartAsync(hr, manager);
        await AcceptAsync(manager);
        await manager.PressAsync(T(Language.En, "Action_SaveNext"), (CoachingFields.Score, "2"), (CoachingFields.Reflection, Reflections[0]));
        await manager.PressAsync(T(Language.En, "Action_Pause"));

        await hr.SayAsync("coaching status");

        var progress = CardReader.AllText(hr.LastCard!);
        Assert.Contains(T(Language.En, "ProgressStatus_InProgress") + ", " + T(Language.En, "CoachProgress_Step", 2, JourneySteps.Count), progress, StringComparison.Ordinal);
        Assert.DoesNotContain(T(Language.En, "CoachNext_Paused"), progress, StringComparison.Ordinal);
        AssertHrSawNothingPrivate(hr);
    }

    [Fact]
    public async Task SharingTheSummary_IsTheOneWayAnswersReachHr_AndOnlyOnThePress()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();
        await StartAsync(hr, manager);
        await AcceptAsync(manager);
        await AnswerEveryStepAsync(manager);
        AssertHrSawNothingPrivate(hr);

        await manager.PressAsync(T(Language.En, "Action_ShareWithHr"));

        var shared = Assert.Single(hr.Proactive.Cards);
        Assert.Contains(T(Language.En, "CoachSummary_SharedHeading", "Kari Nordmann"), CardReader.AllText(shared), StringComparison.Ordinal);
        Assert.Contains(Reflections[10], CardReader.AllText(shared), StringComparison.Ordinal);
        Assert.Empty(CardReader.Actions(shared));
        Assert.Contains(T(Language.En, "Coach_Shared", "Hanne HR"), manager.Received.Texts);
    }

    [Fact]
    public async Task RestartInTheMiddle_ResumesAtTheSameStep_WithTheAnswersKept()
    {
        var storage = new MemoryStorage();
        var world = new CoachingWorld(storage: storage);
        var hr = world.Hr();
        var manager = world.Manager();
        await StartAsync(hr, manager);
        await AcceptAsync(manager);
        await manager.PressAsync(T(Language.En, "Action_SaveNext"), (CoachingFields.Score, "3"), (CoachingFields.Reflection, Reflections[0]));
        var oldCard = manager.LastCard!;

        world.Restart();
        var replies = await manager.SayAsync("my coaching");

        Assert.Contains(T(Language.En, "Competence_ContextOverview"), replies.AllText, StringComparison.Ordinal);
        await manager.PressAsync(T(Language.En, "Action_Back"));
        Assert.Contains(Reflections[0], CardReader.AllText(manager.LastCard!), StringComparison.Ordinal);
        Assert.Equal("3", (string?)CardReader.Input(manager.LastCard!, CoachingFields.Score)?["value"]);

        // The card from before the restart is one step behind now: it changes nothing.
        var stale = await manager.PressOnAsync(oldCard, T(Language.En, "Action_SaveNext"), (CoachingFields.Score, "1"));
        Assert.Contains(T(Language.En, "Coach_StaleCard"), stale.AllText, StringComparison.Ordinal);
        var journey = Assert.Single(await world.Journeys.ForManagerAsync(manager.UserId, CancellationToken.None));
        Assert.Equal(JourneyStep.Competence1, journey.Step);
        Assert.Equal(3, journey.Answers.Competences[Competence.MissionKnowledge].Score);
    }

    [Fact]
    public async Task Export_GivesACardAndAJsonFile_AndDelete_RemovesEveryAnswerFromStorage()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();
        await StartAsync(hr, manager);
        await AcceptAsync(manager);
        await manager.PressAsync(T(Language.En, "Action_SaveNext"), (CoachingFields.Score, "5"), (CoachingFields.Reflection, Reflections[0]));
        await manager.PressAsync(T(Language.En, "Action_SaveNext"), (CoachingFields.Reflection, Reflections[1]));
        await manager.PressAsync(T(Language.En, "Action_Pause"));
        await manager.SayAsync("my coaching");
        var id = (string)manager.LastCard!.Descendants().OfType<JProperty>().First(p => p.Name == CoachingFields.Journey).Value!;

        var export = await manager.SubmitAsync(new JObject { ["verb"] = CoachingVerbs.Export, [CoachingFields.Journey] = id });

        Assert.Contains(Reflections[0], export.AllText, StringComparison.Ordinal);
        var file = export.Activities.OfType<Microsoft.Bot.Schema.IMessageActivity>().SelectMany(a => a.Attachments ?? []).Single(a => a.Name == CoachingRenderer.ExportFileName);
        Assert.Equal("application/json", file.ContentType);
        var json = JObject.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(file.ContentUrl["data:application/json;base64,".Length..])));
        Assert.Equal(5, (int)json["competences"]!["MissionKnowledge"]!["score"]!);
        Assert.Equal(Reflections[1], (string?)json["competences"]!["ContextOverview"]!["reflection"]);

        await manager.SubmitAsync(new JObject { ["verb"] = CoachingVerbs.Delete, [CoachingFields.Journey] = id });
        var deleted = await manager.PressAsync(T(Language.En, "Action_DeleteConfirm"));

        Assert.Contains(T(Language.En, "Coach_Deleted"), deleted.Texts);
        var stored = await world.Storage.ReadAsync([CoachingStore.Key(id)]);
        var raw = Newtonsoft.Json.JsonConvert.SerializeObject(stored);
        Assert.DoesNotContain("R1 ", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("R2 ", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Score", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(T(Language.En, "Coach_HrStopped", "Kari Nordmann"), hr.Proactive.Texts);
        await hr.SayAsync("coaching status");
        Assert.Contains(T(Language.En, "ProgressStatus_Stopped"), CardReader.AllText(hr.LastCard!), StringComparison.Ordinal);
        AssertHrSawNothingPrivate(hr);
    }

    [Fact]
    public async Task CoachingPointsAtThePlans_APlanWithoutAllianceOrCode_GetsTheMatchingHints()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();
        await manager.SayAsync("start Youth house");
        await StartAsync(hr, manager);
        await AcceptAsync(manager);

        var first = CardReader.AllText(manager.LastCard!);
        Assert.Contains(T(Language.En, "CoachHint_NoGoal", "Youth house"), first, StringComparison.Ordinal);
        await manager.PressAsync(T(Language.En, "Action_Skip"));
        await manager.PressAsync(T(Language.En, "Action_Skip"));

        Assert.Contains(T(Language.En, "CoachHint_NoAlliance", "Youth house"), CardReader.AllText(manager.LastCard!), StringComparison.Ordinal);
        await manager.PressAsync(T(Language.En, "Action_Skip"));
        await manager.PressAsync(T(Language.En, "Action_ContinueNow"));
        for (var i = 0; i < 3; i++)
        {
            await manager.PressAsync(T(Language.En, "Action_Skip"));
        }

        await manager.PressAsync(T(Language.En, "Action_ContinueNow"));
        Assert.Contains(T(Language.En, "CoachHint_NoCodeOfConduct", "Youth house"), CardReader.AllText(manager.LastCard!), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task EveryoneReadsTheirOwnLanguage_TheInvitationTheStepsAndHrsNews(string locale, Language language)
    {
        var world = new CoachingWorld();
        var hr = world.Hr(locale);
        var manager = world.Manager(locale);

        await manager.SayAsync("hei");
        await hr.SayAsync(Cmd(language, "Cmd_Coaching"));
        Assert.Contains(T(language, "CoachStart_Heading"), CardReader.AllText(hr.LastCard!), StringComparison.Ordinal);
        await hr.PressAsync(T(language, "CoachStart_Submit"), (CoachingFields.Manager, manager.UserId));
        Assert.Contains(T(language, "CoachInvite_Heading"), manager.Proactive.AllText, StringComparison.Ordinal);

        await manager.PressAsync(T(language, "Action_Accept"));
        Assert.Contains(T(language, "Competence_MissionKnowledge"), CardReader.AllText(manager.LastCard!), StringComparison.Ordinal);
        Assert.Contains(T(language, "Score_5"), CardReader.AllText(manager.LastCard!), StringComparison.Ordinal);
        Assert.Equal([T(language, "Coach_HrAccepted", "Kari Nordmann")], hr.Proactive.Texts);

        await manager.PressAsync(T(language, "Action_Pause"));
        Assert.Contains(T(language, "Coach_Paused", Cmd(language, "Cmd_MyCoaching")), manager.Received.Texts);
        var resumed = await manager.SayAsync(Cmd(language, "Cmd_MyCoaching"));
        Assert.Contains(T(language, "Action_Resume"), resumed.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembersOfTheHrTeam_AreHr_FromTheRosterTheBotSees()
    {
        var world = new CoachingWorld();
        await using var roster = await world.UseTeamRosterAsync();
        world.Options.HrGroupId = CoachingWorld.HrGroupId;
        var colleague = world.Person("29:hr-2", "Siri HR", "eeeeeeee-0000-0000-0000-000000000005");
        var outsider = world.Person("29:other", "Ola Other", "ffffffff-0000-0000-0000-000000000006");
        roster.Add(CoachingWorld.HrTeamId, colleague.UserId, colleague.Account.AadObjectId, CoachingWorld.TenantId);
        roster.Add("19:other-team@thread.tacv2", outsider.UserId, outsider.Account.AadObjectId, CoachingWorld.TenantId);

        await colleague.SayInTeamAsync("hello", CoachingWorld.HrGroupId);
        await outsider.SayInTeamAsync("hello", "99999999-0000-0000-0000-000000000009", "19:other-team@thread.tacv2");
        var hrReply = await colleague.SayAsync("coaching");
        var outsiderReply = await outsider.SayAsync("coaching");

        Assert.Contains(T(Language.En, "CoachStart_Heading"), hrReply.AllText, StringComparison.Ordinal);
        Assert.Contains(T(Language.En, "Coach_HrOnly", Cmd(Language.En, "Cmd_MyCoaching")), outsiderReply.Texts);
    }

    [Fact]
    public async Task StartingTwiceForTheSameManager_IsRefused_AndAStartDateInThePastToo()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();
        await StartAsync(hr, manager);

        await hr.SayAsync("coaching");
        var past = await hr.PressAsync(T(Language.En, "CoachStart_Submit"), (CoachingFields.Manager, manager.UserId), (CoachingFields.StartDate, "2026-10-01"));
        var again = await hr.PressAsync(T(Language.En, "CoachStart_Submit"), (CoachingFields.Manager, manager.UserId), (CoachingFields.StartDate, "2026-11-02"));

        Assert.Contains(T(Language.En, "Coach_DateOutOfRange", CoachingLimits.StartDaysAhead), past.AllText, StringComparison.Ordinal);
        Assert.Contains(T(Language.En, "Coach_AlreadyRunning", "Kari Nordmann"), again.Texts);
        Assert.Single(await world.Journeys.AllIdsAsync(CancellationToken.None));
    }
}
