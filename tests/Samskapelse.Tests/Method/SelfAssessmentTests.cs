using System.Text.Json;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Privacy;
using Samskapelse.Bot.Storage;
using Samskapelse.Coaching;
using Samskapelse.Localization;
using Samskapelse.Review;
using Samskapelse.Method;
using Samskapelse.Tests.Coaching;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Method;

/// <summary>
/// The method for a manager alone (issue 16): "what is co-creation", the maturity self-assessment and the reflection
/// on competences and roles; stored per user, in "my data", gone with "delete my data", reused by coaching only with consent.
/// </summary>
public sealed class SelfAssessmentTests
{
    private static BotDriver NewBot(string locale, IStorage? storage = null, string conversation = "personal") =>
        new(storage ?? new ListingMemoryStorage(TimeProvider.System), conversation + "-" + locale, locale, privacy: true);

    /// <summary>The text of a card, the parts behind its show-card buttons included.</summary>
    private static string Everything(JObject card) => CardReader.AllText(card);

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task WhatIsCoCreation_Typed_ShowsDefinitionIsNotsVariantsBeliefsArenasPhasesAndContributions(string locale, Language language)
    {
        var bot = NewBot(locale);

        var card = Assert.Single((await bot.SayAsync(Cmd(language, "Cmd_WhatIsCoCreation"))).Cards);

        var text = Everything(card);
        var keys = new[]
        {
            "CoCreation_Heading", "CoCreation_Definition", "CoCreation_NotOutsourcing", "CoCreation_NotConsultation", "CoCreation_NotResignation",
            "CoCreation_Variant1", "CoCreation_Variant2", "CoCreation_Variant3", "CoCreation_Variant4",
            "CoCreation_Belief1", "CoCreation_Belief2", "CoCreation_Belief3",
            "CoCreation_Wheel1", "CoCreation_Wheel2", "CoCreation_Wheel3", "CoCreation_Wheel4",
            "CoCreation_Phases", "CoCreation_PhasesHint",
            "CoCreation_Contributes1", "CoCreation_Contributes2", "CoCreation_Contributes3", "CoCreation_Contributes4",
            "CoCreation_Leadership", "Risk_PartnersFeelHarnessed", "Risk_StaffFeelThreatened",
        };
        Assert.All(keys, key => Assert.Contains(T(language, key), text, StringComparison.Ordinal));

        // On a phone the parts open one at a time: each behind its own button, on its own row.
        var parts = card["body"]!.OfType<JObject>().Where(e => (string?)e["type"] == "ActionSet").ToList();
        Assert.Equal(7, parts.Count);
        Assert.All(parts, p => Assert.Equal("Action.ShowCard", (string?)Assert.Single(p["actions"]!)["type"]));
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task WelcomeAndHelpCards_HaveTheWhatIsCoCreationButton_ThatOpensTheCard(string locale, Language language)
    {
        var bot = NewBot(locale);
        var welcome = Assert.Single((await bot.ConversationUpdateAsync(Microsoft.Bot.Schema.ActivityTypes.ConversationUpdate)).Cards);
        var opened = await bot.PressOnAsync(welcome, T(language, "Action_WhatIsCoCreation"));
        Assert.Contains(T(language, "CoCreation_Definition"), Everything(Assert.Single(opened.Cards)), StringComparison.Ordinal);

        var help = Assert.Single((await bot.SayAsync(Cmd(language, "Cmd_Help"))).Cards);
        Assert.Contains(Cmd(language, "Cmd_WhatIsCoCreation"), Everything(help), StringComparison.Ordinal);
        Assert.Contains(Cmd(language, "Cmd_Maturity"), Everything(help), StringComparison.Ordinal);
        Assert.Contains(Cmd(language, "Cmd_Reflection"), Everything(help), StringComparison.Ordinal);
        var fromHelp = await bot.PressOnAsync(help, T(language, "Action_WhatIsCoCreation"));
        Assert.Contains(T(language, "CoCreation_NotResignation"), Everything(Assert.Single(fromHelp.Cards)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task Maturity_PickedAndSaved_ShowsWhatTheStepMeansAndWhatTheNextTakes_AndAgainInANewConversation(string locale, Language language)
    {
        var storage = new ListingMemoryStorage(TimeProvider.System);
        var bot = NewBot(locale, storage);
        var card = Assert.Single((await bot.SayAsync(Cmd(language, "Cmd_Maturity"))).Cards);
        Assert.All(MaturityLadder.Steps, step => Assert.Contains(T(language, "Maturity_Meaning_" + step), Everything(card), StringComparison.Ordinal));
        Assert.DoesNotContain(T(language, "Maturity_Next_Involving"), Everything(card), StringComparison.Ordinal);

        var saved = Assert.Single((await bot.PressOnAsync(card, T(language, "Action_Save"), (MethodFields.Maturity, nameof(MaturityStep.Involving)), (MethodFields.MaturityNote, "Vi spør mest om meninger"))).Cards);

        var text = Everything(saved);
        Assert.Contains(T(language, "Maturity_Saved"), text, StringComparison.Ordinal);
        Assert.Contains(T(language, "Maturity_Yours", "2. " + T(language, "Maturity_Involving")), text, StringComparison.Ordinal);
        Assert.Contains(T(language, "Maturity_NextHeading", "3. " + T(language, "Maturity_Ambitious")), text, StringComparison.Ordinal);
        Assert.Contains(T(language, "Maturity_Next_Involving"), text, StringComparison.Ordinal);

        // Stored for the user, not the conversation: the same person in another chat sees it again, with the note.
        var later = NewBot(locale, storage, "other");
        var again = Everything(Assert.Single((await later.SayAsync(Cmd(language, "Cmd_Maturity"))).Cards));
        Assert.Contains(T(language, "Maturity_Next_Involving"), again, StringComparison.Ordinal);
        Assert.Contains("Vi spør mest om meninger", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maturity_AtTheTop_SaysKeepItGoing()
    {
        var bot = NewBot("nb-NO");
        var card = Assert.Single((await bot.SayAsync("modenhet")).Cards);
        var saved = Everything(Assert.Single((await bot.PressOnAsync(card, T(Language.Nb, "Action_Save"), (MethodFields.Maturity, nameof(MaturityStep.CoCreating)))).Cards));
        Assert.Contains(T(Language.Nb, "Maturity_TopHeading"), saved, StringComparison.Ordinal);
        Assert.Contains(T(Language.Nb, "Maturity_Next_CoCreating"), saved, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("Expert")]
    public async Task Maturity_WithoutAValidStep_IsRefused_AndNothingIsStored(string step)
    {
        var bot = NewBot("en-US");
        await bot.SayAsync("maturity");
        var refused = Everything(Assert.Single((await bot.SubmitAsync(new JObject { ["verb"] = MethodVerbs.SaveMaturity, [MethodFields.Maturity] = step })).Cards));
        Assert.Contains(T(Language.En, "Error_MaturityChoose"), refused, StringComparison.Ordinal);
        Assert.Null((await ProfileAsync(bot)).SelfAssessment);
    }

    [Fact]
    public async Task Reflection_SavesScoresNotesAndRoles_RefusesAScoreOutOfRange()
    {
        var bot = NewBot("da-DK");
        var card = Assert.Single((await bot.SayAsync("kompetencer")).Cards);
        Assert.All(Enum.GetValues<Competence>(), c => Assert.Contains(T(Language.Da, "Competence_" + c), Everything(card), StringComparison.Ordinal));
        Assert.All(Enum.GetValues<LeaderRole>(), r => Assert.Contains(T(Language.Da, "Role_" + r), Everything(card), StringComparison.Ordinal));

        var refused = await bot.PressOnAsync(card, T(Language.Da, "Action_Save"), (MethodFields.Score(Competence.SocialCapital), "9"));
        Assert.Contains(T(Language.Da, "Coach_ScoreRange"), Everything(Assert.Single(refused.Cards)), StringComparison.Ordinal);
        Assert.Null((await ProfileAsync(bot)).SelfAssessment);

        var saved = await bot.PressOnAsync(
            card,
            T(Language.Da, "Action_Save"),
            (MethodFields.Score(Competence.SocialCapital), "2"),
            (MethodFields.CompetenceNote(Competence.SocialCapital), "Få kender mig uden for huset"),
            (MethodFields.Role(LeaderRole.CodeOfConduct), "true"),
            (MethodFields.RoleNote(LeaderRole.CodeOfConduct), "Vi har et kodeks fra i fjor"));

        Assert.Contains(T(Language.Da, "Reflection_Saved"), Everything(Assert.Single(saved.Cards)), StringComparison.Ordinal);
        var assessment = (await ProfileAsync(bot)).SelfAssessment!;
        Assert.Equal([new CompetenceNote(Competence.SocialCapital, 2, "Få kender mig uden for huset")], assessment.Competences);
        Assert.Equal([new RoleNote(LeaderRole.CodeOfConduct, true, "Vi har et kodeks fra i fjor")], assessment.Roles);
        Assert.Equal(bot.Time.GetUtcNow(), assessment.ReflectionAt);
    }

    [Fact]
    public async Task WhileAQuestionIsOpen_AnAnswerBeginningWithTheNewWords_IsSaved_AndTheBareWordShowsTheCard()
    {
        var bot = NewBot("nb-NO");
        await bot.SayAsync("start Møteplass på Haugen");
        await bot.SayAsync("Modenhet i tjenesten er lav, så vi starter smått med én skole.");
        var plan = Assert.Single(await bot.Plans.FindManyAsync(await Planning.GuidedPlanningTests.PlanIdsAsync(bot), default));
        Assert.Equal("Modenhet i tjenesten er lav, så vi starter smått med én skole.", plan.Goal);

        var card = Assert.Single((await bot.SayAsync("modenhet")).Cards);
        Assert.Contains(T(Language.Nb, "Maturity_Heading"), Everything(card), StringComparison.Ordinal);
        var unchanged = Assert.Single(await bot.Plans.FindManyAsync(await Planning.GuidedPlanningTests.PlanIdsAsync(bot), default));
        Assert.Equal(plan.Goal, unchanged.Goal);
        Assert.Equal(plan.Partners, unchanged.Partners);
    }

    [Fact]
    public async Task MyData_HoldsTheSelfAssessment_AndDeleteMyData_LeavesNoTraceOfIt()
    {
        var storage = new ListingMemoryStorage(TimeProvider.System);
        var bot = NewBot("en-US", storage);
        await bot.PressOnAsync(Assert.Single((await bot.SayAsync("maturity")).Cards), T(Language.En, "Action_Save"), (MethodFields.Maturity, nameof(MaturityStep.Ambitious)), (MethodFields.MaturityNote, "Trace-maturity-note"));
        await bot.PressOnAsync(Assert.Single((await bot.SayAsync("competences")).Cards), T(Language.En, "Action_Save"), (MethodFields.Score(Competence.Communication), "3"), (MethodFields.CompetenceNote(Competence.Communication), "Trace-competence-note"));

        var bytes = await bot.Privacy!.Export.BuildAsync(new PersonalDataScope("msteams", "personal-en-US"), new DataSubject("user-1", null), default);
        var assessment = JsonDocument.Parse(bytes).RootElement.GetProperty("yourSettingsAndPlanList").GetProperty("selfAssessment");
        Assert.Equal("Ambitious", assessment.GetProperty("maturity").GetString());
        Assert.Equal("Trace-maturity-note", assessment.GetProperty("maturityNote").GetString());
        var competence = Assert.Single(assessment.GetProperty("competences").EnumerateArray());
        Assert.Equal("Communication", competence.GetProperty("competence").GetString());
        Assert.Equal("Trace-competence-note", competence.GetProperty("note").GetString());

        var confirm = Assert.Single((await bot.SayAsync("delete my data")).Cards);
        await bot.PressOnAsync(confirm, T(Language.En, "Action_DeleteMyDataYes"));

        var keys = (await storage.ListAsync(string.Empty).ToListAsync()).Select(k => k.Key).ToArray();
        var items = await storage.ReadAsync(keys);
        foreach (var (key, value) in items)
        {
            var json = Newtonsoft.Json.JsonConvert.SerializeObject(value);
            Assert.DoesNotContain("Trace-", json, StringComparison.Ordinal);
        }

        var after = Everything(Assert.Single((await bot.SayAsync("maturity")).Cards));
        Assert.DoesNotContain(T(Language.En, "Maturity_Next_Ambitious"), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coaching_AsksOnce_ToReuseTheManagersOwnAnswers_YesFillsTheStepsAndHrSeesNothing()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();
        await manager.PressOnAsync(Assert.Single((await manager.SayAsync("maturity")).Cards), T(Language.En, "Action_Save"), (MethodFields.Maturity, nameof(MaturityStep.Involving)), (MethodFields.MaturityNote, "Own maturity note"));
        await manager.PressOnAsync(Assert.Single((await manager.SayAsync("competences")).Cards), T(Language.En, "Action_Save"), (MethodFields.Score(Competence.MissionKnowledge), "2"), (MethodFields.CompetenceNote(Competence.MissionKnowledge), "Own mission note"));

        await CoachingJourneyTests.StartAsync(hr, manager);
        await CoachingJourneyTests.AcceptAsync(manager);

        var offer = manager.LastCard!;
        Assert.Contains(T(Language.En, "CoachReuse_Text"), CardReader.AllText(offer), StringComparison.Ordinal);
        var filled = await manager.PressAsync(T(Language.En, "Action_ReuseYes"));

        Assert.Contains(T(Language.En, "Coach_Reused"), filled.AllText, StringComparison.Ordinal);
        var step = manager.LastCard!;
        Assert.Equal("2", (string?)CardReader.Inputs(step).Single(i => (string?)i["id"] == CoachingFields.Score)["value"]);
        Assert.Equal("Own mission note", (string?)CardReader.Inputs(step).Single(i => (string?)i["id"] == CoachingFields.Reflection)["value"]);
        var journey = Assert.Single(await world.Journeys.ForHrAsync(hr.UserId, CancellationToken.None));
        Assert.True(journey.ReusedSelfAssessment);
        Assert.Equal(MaturityStep.Involving, journey.Answers.Maturity);
        Assert.Equal("Own maturity note", journey.Answers.MaturityReflection);

        // Asked once: "my coaching" goes straight to the step.
        await manager.SayAsync("my coaching");
        Assert.DoesNotContain(T(Language.En, "CoachReuse_Text"), CardReader.AllText(manager.LastCard!), StringComparison.Ordinal);

        foreach (var secret in new[] { "Own maturity note", "Own mission note" })
        {
            Assert.DoesNotContain(secret, hr.Received.AllText + hr.Proactive.AllText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Coaching_ReuseDeclined_StartsEmpty_AndWithoutAnOwnAssessmentNothingIsAsked()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();
        await manager.PressOnAsync(Assert.Single((await manager.SayAsync("maturity")).Cards), T(Language.En, "Action_Save"), (MethodFields.Maturity, nameof(MaturityStep.Mature)));
        await CoachingJourneyTests.StartAsync(hr, manager);
        await CoachingJourneyTests.AcceptAsync(manager);
        await manager.PressAsync(T(Language.En, "Action_ReuseNo"));

        var journey = Assert.Single(await world.Journeys.ForHrAsync(hr.UserId, CancellationToken.None));
        Assert.False(journey.ReusedSelfAssessment);
        Assert.True(journey.Answers.IsEmpty);
        Assert.Contains(T(Language.En, "Competence_MissionKnowledge"), CardReader.AllText(manager.LastCard!), StringComparison.Ordinal);

        var other = new CoachingWorld();
        var otherHr = other.Hr();
        var plain = other.Manager();
        await CoachingJourneyTests.StartAsync(otherHr, plain);
        await CoachingJourneyTests.AcceptAsync(plain);
        Assert.DoesNotContain(T(Language.En, "CoachReuse_Text"), plain.Received.AllText, StringComparison.Ordinal);
        Assert.Contains(T(Language.En, "Competence_MissionKnowledge"), CardReader.AllText(plain.LastCard!), StringComparison.Ordinal);
    }

    private static async Task<Samskapelse.Planning.Conversation.PlannerProfile> ProfileAsync(BotDriver bot)
    {
        var keys = (await ((IStorageKeyListing)bot.Storage).ListAsync(string.Empty).ToListAsync()).Select(k => k.Key).Where(k => k.Contains("/users/", StringComparison.Ordinal)).ToArray();
        var items = await bot.Storage.ReadAsync(keys);
        var profile = items.Values.Select(v => JObject.FromObject(v)["profile"]).OfType<JObject>().SingleOrDefault();
        return profile?.ToObject<Samskapelse.Planning.Conversation.PlannerProfile>() ?? new Samskapelse.Planning.Conversation.PlannerProfile();
    }
}
