using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Storage;
using Samskapelse.Cards.Planning;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Planning;

/// <summary>
/// What co-creation can contribute (question 1), what each partner brings (question 2), and following a plan up
/// over time: status and dated entries per partner and alliance.
/// </summary>
public sealed class ValueAndFollowUpTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Contributions_TickedOnQuestionOne_ShowOnTheOverview_AndEditOneChangesThem()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(Contributions_TickedOnQuestionOne_ShowOnTheOverview_AndEditOneChangesThem));
        await bot.SayAsync("start Green school routes");
        var q2 = await bot.PressAsync("Next", ("answer", "Children walk and cycle safely to school"), ("contributions", "CollectiveCapacityToAct,PublicInnovation"));
        Assert.Contains(T(Language.En, "Question_2_Text"), q2.AllText);
        var plan = await GuidedPlanningTests.SinglePlanAsync(bot);
        Assert.Equal([Contribution.PublicInnovation, Contribution.CollectiveCapacityToAct], plan.Contributions);

        Replies done;
        do
        {
            done = await bot.SayAsync("skip");
        }
        while (done.Cards.Count < 4);

        var overview = CardReader.AllText(done.Cards[0]);
        Assert.Contains(T(Language.En, "Summary_Contributions") + ": \n" + T(Language.En, "Contribution_PublicInnovation") + ", " + T(Language.En, "Contribution_CollectiveCapacityToAct"), overview);

        var edit = await bot.SayAsync("edit 1");
        Assert.Equal("PublicInnovation,CollectiveCapacityToAct", (string?)CardReader.Input(edit.Cards.Single(), "contributions")!["value"]);
        await bot.PressAsync("Next", ("contributions", "ParticipatoryDemocracy"));
        plan = await GuidedPlanningTests.SinglePlanAsync(bot);
        Assert.Equal([Contribution.ParticipatoryDemocracy], plan.Contributions);
        Assert.Equal("Children walk and cycle safely to school", plan.Goal);
    }

    [Fact]
    public async Task TypedGoal_KeepsTheContributions_AndAPlanWithoutThemShowsNoLine()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(TypedGoal_KeepsTheContributions_AndAPlanWithoutThemShowsNoLine));
        await bot.SayAsync("start Library for all");
        await bot.SayAsync("Everyone can use the library as a meeting place");
        var plan = await GuidedPlanningTests.SinglePlanAsync(bot);
        Assert.Empty(plan.Contributions);
        var overview = SummaryCards.Overview(Language.En, plan);
        Assert.DoesNotContain(T(Language.En, "Summary_Contributions"), CardReader.AllText(JObject.Parse(Samskapelse.Cards.Model.CardJson.Serialize(overview))));
    }

    [Fact]
    public async Task PartnerResources_FromTheCardAndTyped_AreStored_AndTypingAKnownPartnerWithResourcesSetsThem()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(PartnerResources_FromTheCardAndTyped_AreStored_AndTypingAKnownPartnerWithResourcesSetsThem));
        await bot.SayAsync("start Green school routes");
        await bot.SayAsync("Children walk and cycle safely to school");

        var typed = await bot.SayAsync("Red Cross (association, outside; premises, people)\nCorner bakery (business; money)\nParents' association (association, outside)");
        Assert.Contains(T(Language.En, "List_Added_Partners", 3), typed.AllText);
        var added = await bot.PressAsync(T(Language.En, "Partners_Add"), ("name", "Library"), ("side", "AtHome"), ("kind", "OwnUnit"), ("resources", "Network,Knowledge"));
        Assert.Contains("Library (" + T(Language.En, "Kind_OwnUnit").Split('|')[0] + "; " + T(Language.En, "Partners_Brings", "Knowledge, Network") + ")", added.AllText);

        var plan = await GuidedPlanningTests.SinglePlanAsync(bot);
        var redCross = plan.Partners.Single(p => p.Name == "Red Cross");
        Assert.Equal((PartnerKind.Association, PartnerSide.Outside), (redCross.Kind, redCross.Side));
        Assert.Equal([PartnerResource.People, PartnerResource.Premises], redCross.Resources);
        Assert.Equal([PartnerResource.Money], plan.Partners.Single(p => p.Name == "Corner bakery").Resources);
        Assert.Empty(plan.Partners.Single(p => p.Name == "Parents' association").Resources);
        Assert.Equal([PartnerResource.Knowledge, PartnerResource.Network], plan.Partners.Single(p => p.Name == "Library").Resources);

        var updated = await bot.SayAsync("Parents' association (money, network)");
        Assert.Contains(T(Language.En, "Partners_ResourcesUpdated", "Parents' association"), updated.AllText);
        plan = await GuidedPlanningTests.SinglePlanAsync(bot);
        Assert.Equal(4, plan.Partners.Count);
        Assert.Equal([PartnerResource.Money, PartnerResource.Network], plan.Partners.Single(p => p.Name == "Parents' association").Resources);

        // The same partner again with nothing it brings is still a duplicate.
        var duplicate = await bot.SayAsync("Red Cross (association)");
        Assert.Contains(T(Language.En, "Error_Duplicate", "Red Cross"), duplicate.AllText);

        var partnersCard = SummaryCards.Partners(Language.En, plan);
        var shown = CardReader.AllText(JObject.Parse(Samskapelse.Cards.Model.CardJson.Serialize(partnersCard)));
        Assert.Contains(T(Language.En, "Partners_Brings", "People, Premises"), shown);
    }

    [Theory]
    [InlineData("Røde Kors (forening, ute; lokaler, folk)", "Røde Kors", PartnerKind.Association, PartnerSide.Outside, "Premises,People")]
    [InlineData("Røde Kors (forening, ude; lokaler, folk)", "Røde Kors", PartnerKind.Association, PartnerSide.Outside, "People,Premises")]
    [InlineData("Sparebanken (bedrift; penger, nettverk)", "Sparebanken", PartnerKind.Business, PartnerSide.Outside, "Money,Network")]
    [InlineData("Jobcentret (offentlig, ude; viden)", "Jobcentret", PartnerKind.OtherPublicBody, PartnerSide.Outside, "Knowledge")]
    [InlineData("Frivilligsentralen (forening, ute)", "Frivilligsentralen", PartnerKind.Association, PartnerSide.Outside, "")]
    [InlineData("Kolleger i hjemmetjenesten", "Kolleger i hjemmetjenesten", PartnerKind.OwnUnit, PartnerSide.AtHome, "")]
    [InlineData("Kirkens Bymisjon (Oslo)", "Kirkens Bymisjon (Oslo)", PartnerKind.Association, PartnerSide.Outside, "")]
    [InlineData("Nabolaget (folk)", "Nabolaget", PartnerKind.Association, PartnerSide.Outside, "People")]
    public void PartnerReader_ReadsWhatThePartnerBrings_AndEveryOlderFormAsBefore(string line, string name, PartnerKind kind, PartnerSide side, string resources)
    {
        var partner = PartnerReader.Read(line, "p1");
        Assert.Equal(name, partner.Name);
        Assert.Equal(kind, partner.Kind);
        Assert.Equal(side, partner.Side);
        var expected = resources.Length == 0 ? [] : resources.Split(',').Select(Enum.Parse<PartnerResource>).Order().ToList();
        Assert.Equal(expected, partner.Resources);
    }

    [Fact]
    public void Lines_ASemicolonInsideParentheses_BelongsToItsItem()
    {
        Assert.Equal(["Røde Kors (forening, ute; lokaler, folk)", "Bakeriet (bedrift; penger)", "Biblioteket"], Answers.Lines("Røde Kors (forening, ute; lokaler, folk); Bakeriet (bedrift; penger); Biblioteket"));
        Assert.Equal(["Idrettslaget", "Helsestasjonen"], Answers.Lines("Idrettslaget; Helsestasjonen"));
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task FollowUp_RecordsEachPartnerAndAlliance_WithDateAndAuthor_AndTheOverviewShowsTheHistory(string locale, Language language)
    {
        var time = new FakeTimeProvider(Start);
        var bot = new BotDriver(new MemoryStorage(), nameof(FollowUp_RecordsEachPartnerAndAlliance_WithDateAndAuthor_AndTheOverviewShowsTheHistory) + locale, locale, time: time);
        var summary = await CompletePlanAsync(bot, language);
        var before = CardReader.AllText(summary.Cards[0]);
        Assert.DoesNotContain(T(language, "Status_Planning"), before);

        var card = await bot.SayAsync(Cmd(language, "Cmd_FollowUp"));
        var followUp = card.Cards.Single();
        Assert.Contains(T(language, "FollowUp_Heading"), CardReader.AllText(followUp));
        Assert.Equal(T(language, "FollowUp_PartnerLabel", "Idrettslaget"), (string?)CardReader.Input(followUp, "followup_partner_p1")!["label"]);
        Assert.Equal(T(language, "FollowUp_AllianceLabel", "Trygge kvelder"), (string?)CardReader.Input(followUp, "followup_alliance_l1")!["label"]);
        Assert.Equal("Planning", (string?)CardReader.Input(followUp, "status")!["value"]);

        time.Advance(TimeSpan.FromDays(30));
        var saved = await bot.PressAsync(T(language, "Action_SaveFollowUp"), ("followup_partner_p1", "Møttes to ganger, lager åpningstider sammen"), ("followup_alliance_l1", "Hallen er åpen fredager fra desember"), ("status", "UnderWay"));
        Assert.Contains(T(language, "FollowUp_Saved", 3), saved.Texts);
        var overview = CardReader.AllText(saved.Cards[0]);
        Assert.Contains(T(language, "Status_UnderWay"), overview);
        Assert.Contains(T(language, "FollowUp_HistoryHeading", 3), overview);
        Assert.Contains(time.GetUtcNow().ToString("d", language.Culture()) + " · \nIdrettslaget: \nMøttes to ganger, lager åpningstider sammen", overview);
        Assert.Contains("Trygge kvelder: \nHallen er åpen fredager fra desember", overview);

        var plan = await GuidedPlanningTests.SinglePlanAsync(bot);
        Assert.Equal(PlanStatus.UnderWay, plan.Status);
        Assert.Equal(3, plan.FollowUps.Count);
        Assert.All(plan.FollowUps, f => Assert.Equal((time.GetUtcNow(), "user-1", "Kari Nordmann"), (f.At, f.By.UserId, f.By.Name)));
        Assert.Equal(PlanStatus.UnderWay, plan.FollowUps[0].StatusSetTo);
        Assert.Equal((FollowUpSubject.Partner, "p1"), (plan.FollowUps[1].Subject, plan.FollowUps[1].SubjectId));
        Assert.Equal((FollowUpSubject.Alliance, "l1"), (plan.FollowUps[2].Subject, plan.FollowUps[2].SubjectId));

        // The overview's button opens the card again; an empty card saves nothing and says so.
        var again = await bot.PressOnAsync(saved.Cards[0], T(language, "Action_FollowUp"));
        Assert.Equal("UnderWay", (string?)CardReader.Input(again.Cards.Single(), "status")!["value"]);
        var nothing = await bot.PressAsync(T(language, "Action_SaveFollowUp"));
        Assert.Contains(T(language, "FollowUp_Nothing"), nothing.AllText);
        Assert.Equal(3, (await GuidedPlanningTests.SinglePlanAsync(bot)).FollowUps.Count);

        // A later follow-up adds to the history; nothing earlier changes.
        time.Advance(TimeSpan.FromDays(60));
        var later = await bot.PressAsync(T(language, "Action_SaveFollowUp"), ("followup_plan", "Evaluert med ungdomsrådet"), ("status", "Evaluated"));
        Assert.Contains(T(language, "FollowUp_Saved", 2), later.Texts);
        plan = await GuidedPlanningTests.SinglePlanAsync(bot);
        Assert.Equal(5, plan.FollowUps.Count);
        Assert.Equal(Start.AddDays(30), plan.FollowUps[1].At);
        Assert.Equal(Start.AddDays(90), plan.FollowUps[^1].At);
        Assert.Equal(PlanStatus.Evaluated, plan.Status);
    }

    [Fact]
    public async Task FollowUp_TooLongAnEntry_IsRefusedOnTheCard_AndNothingIsSaved()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(FollowUp_TooLongAnEntry_IsRefusedOnTheCard_AndNothingIsSaved));
        await CompletePlanAsync(bot, Language.En);
        await bot.SayAsync("follow-up");
        var refused = await bot.PressAsync(T(Language.En, "Action_SaveFollowUp"), ("followup_partner_p1", new string('x', PlanLimits.ItemLength + 1)), ("followup_alliance_l1", "Fine"));
        Assert.Contains(T(Language.En, "Error_TooLong", PlanLimits.ItemLength + 1, PlanLimits.ItemLength), refused.AllText);
        Assert.Empty((await GuidedPlanningTests.SinglePlanAsync(bot)).FollowUps);
    }

    [Fact]
    public async Task FollowUp_OfAPlanStillBeingPlanned_SavesTheEntry_AndReturnsToTheOpenQuestion()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(FollowUp_OfAPlanStillBeingPlanned_SavesTheEntry_AndReturnsToTheOpenQuestion));
        await bot.SayAsync("start Library for all");
        await bot.SayAsync("Everyone can use the library as a meeting place");
        await bot.SayAsync("Reading club (association, outside)");

        var card = await bot.SayAsync("follow up");
        Assert.Contains(T(Language.En, "FollowUp_Heading"), card.AllText);
        var saved = await bot.PressAsync(T(Language.En, "Action_SaveFollowUp"), ("followup_partner_p1", "Said yes to a first meeting"));

        Assert.Contains(T(Language.En, "FollowUp_Saved", 1), saved.Texts);
        Assert.Contains(T(Language.En, "Question_2_Text"), saved.AllText);
        var plan = await GuidedPlanningTests.SinglePlanAsync(bot);
        Assert.False(plan.IsComplete);
        Assert.Equal(("Reading club", "Said yes to a first meeting"), (plan.FollowUps.Single().SubjectName, plan.FollowUps.Single().Text));

        // The question card is open again: a typed line is an answer to question 2, as before.
        var added = await bot.SayAsync("City archive (other public body, outside)");
        Assert.Contains(T(Language.En, "List_Added_Partners", 1), added.AllText);
    }

    [Fact]
    public async Task StoredPlan_WrittenBeforeContributionsResourcesAndFollowUp_StillLoads_AndLooksAsBefore()
    {
        const string Old = """
            {"Plan":{"Id":"old-1","OwnerId":"user-1","OwnerName":"Kari Nordmann","Title":"Eldre i aktivitet","Arena":"ServiceWithVolunteers","Goal":"Flere eldre er med","Partners":[{"Id":"p1","Name":"Frivilligsentralen","Side":"Outside","Kind":"Association","Mobilisation":"Invitere til kaffe"}],"Collaboration":"Felles møter","RelatedActivities":[],"Alliances":[{"Id":"l1","Name":"Aktiv hverdag","PartnerIds":["p1"],"Purpose":"Turgrupper"}],"CodeOfConduct":[],"SkippedQuestions":[],"IsComplete":true,"Review":{"CoOwnerIds":[],"SharedTo":[],"Signatures":[],"Comments":[],"Proposals":[],"Votes":[],"AllianceStatuses":{},"ActiveUserIds":[]},"Version":7,"CreatedAt":"2025-03-01T09:00:00+00:00","UpdatedAt":"2025-03-02T09:00:00+00:00"}}
            """;
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, object> { [PlanStore.Key("old-1")] = JObject.Parse(Old) }, default);
        using var store = new PlanStore(storage, TimeProvider.System, NullLogger<PlanStore>.Instance);

        var plan = await store.FindAsync("old-1", default);

        Assert.NotNull(plan);
        Assert.Equal(7, plan.Version);
        Assert.Empty(plan.Contributions);
        Assert.Equal(PlanStatus.Planning, plan.Status);
        Assert.Empty(plan.FollowUps);
        Assert.Empty(Assert.Single(plan.Partners).Resources);
        var overview = CardReader.AllText(JObject.Parse(Samskapelse.Cards.Model.CardJson.Serialize(SummaryCards.Overview(Language.Nb, plan))));
        Assert.DoesNotContain(T(Language.Nb, "Summary_Contributions"), overview);
        Assert.DoesNotContain(T(Language.Nb, "Summary_Status") + ":", overview);
        var markdown = Samskapelse.Documents.PlanMarkdown.Build(plan, Language.Nb, Start);
        Assert.DoesNotContain(T(Language.Nb, "Documents_ResourcesColumn"), markdown);
        Assert.DoesNotContain(T(Language.Nb, "Documents_FollowUpHeading"), markdown);

        // And it takes the new fields from here on.
        var followed = await store.UpdateAsync("old-1", p => p with { Status = PlanStatus.UnderWay }, default);
        Assert.Equal(PlanStatus.UnderWay, followed!.Status);
    }

    /// <summary>A complete plan: Idrettslaget (p1, bringing premises) outside, colleagues at home, the alliance Trygge kvelder (l1).</summary>
    private static async Task<Replies> CompletePlanAsync(BotDriver bot, Language language)
    {
        await bot.SayAsync(Cmd(language, "Cmd_Start") + " Ungdommens hus");
        await bot.SayAsync("Et hus der ungdom møtes, drevet sammen med dem");
        await bot.SayAsync("Idrettslaget (forening, ute; lokaler)\nKolleger i helsestasjonen");
        await bot.SayAsync(Cmd(language, "Cmd_Next"));
        await bot.SayAsync("Idrettslaget: invitere til å utforme huset\nKolleger i helsestasjonen: kontortid i huset");
        await bot.SayAsync("Et felles styre som møtes hver måned");
        await bot.SayAsync(Cmd(language, "Cmd_Skip"));
        await bot.SayAsync("Trygge kvelder: åpne hallen fredager (Idrettslaget, Kolleger i helsestasjonen)");
        var done = await bot.SayAsync(Cmd(language, "Cmd_Next"));
        Assert.Equal(4, done.Cards.Count);
        return done;
    }
}
