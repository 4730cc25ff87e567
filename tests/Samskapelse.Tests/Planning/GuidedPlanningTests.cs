using Microsoft.Bot.Builder;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Planning;

public sealed class GuidedPlanningTests
{
    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task TypedAnswers_InTheUsersLanguage_LeadThroughSixQuestionsToFourSummaryCards(string locale, Language language)
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(TypedAnswers_InTheUsersLanguage_LeadThroughSixQuestionsToFourSummaryCards) + locale, locale);

        var started = await bot.SayAsync(Cmd(language, "Cmd_Start") + " Ungdommens hus");
        Assert.Contains(T(language, "Plan_Created", "Ungdommens hus"), started.AllText);
        Assert.Contains(T(language, "Question_1_Text"), started.AllText);
        Assert.Contains(T(language, "Question_Progress", "Ungdommens hus", 1, 6), started.AllText);

        var q2 = await bot.SayAsync("A meeting place that young people run together with us");
        Assert.Contains(T(language, "Question_2_Text"), q2.AllText);

        var partners = await bot.SayAsync("Idrettslaget (forening, ute)\nKolleger i helsestasjonen");
        Assert.Contains(T(language, "List_Added_Partners", 2), partners.AllText);
        Assert.Contains("Idrettslaget", partners.AllText);

        var q3 = await bot.SayAsync(Cmd(language, "Cmd_Next"));
        Assert.Contains(T(language, "Question_3_Text"), q3.AllText);

        var q4 = await bot.SayAsync("Idrettslaget: invite them to co-design the house\nKolleger i helsestasjonen: offer office hours there together");
        Assert.True(q4.AllText.Contains(T(language, "Question_4_Text"), StringComparison.Ordinal), q4.AllText);

        await bot.SayAsync("A shared board with the youth, meeting every month");
        var activityAdded = await bot.SayAsync("The youth council in the neighbouring municipality");
        Assert.Contains(T(language, "List_Added_RelatedActivities", 1), activityAdded.AllText);
        var q6 = await bot.SayAsync(Cmd(language, "Cmd_Next"));
        Assert.Contains(T(language, "Question_6_Text"), q6.AllText);

        await bot.SayAsync("Safe evenings: open the hall on Fridays (Idrettslaget, Kolleger i helsestasjonen)");
        var done = await bot.SayAsync(Cmd(language, "Cmd_Next"));

        Assert.Contains(T(language, "Plan_Completed", "Ungdommens hus"), done.Texts);
        Assert.Equal(4, done.Cards.Count);
        Assert.Contains(T(language, "Summary_OverviewKicker"), CardReader.AllText(done.Cards[0]));
        Assert.Contains("Kolleger i helsestasjonen: ", CardReader.AllText(done.Cards[1]));
        Assert.Contains("offer office hours there together", CardReader.AllText(done.Cards[1]));
        Assert.Contains("Safe evenings", CardReader.AllText(done.Cards[2]));
        Assert.Contains(T(language, "Code_Heading"), CardReader.AllText(done.Cards[3]));
        Assert.Contains(T(language, CodeOfConductDrafter.AssociationsAutonomy), CardReader.AllText(done.Cards[3]));

        var plan = Assert.Single(await bot.Plans.FindManyAsync(await PlanIdsAsync(bot), default));
        Assert.True(plan.IsComplete);
        Assert.Equal(PartnerSide.AtHome, plan.Partners.Single(p => p.Name == "Kolleger i helsestasjonen").Side);
        Assert.Equal(PartnerKind.Association, plan.Partners.Single(p => p.Name == "Idrettslaget").Kind);
        Assert.Equal(2, Assert.Single(plan.Alliances).PartnerIds.Count);
    }

    [Fact]
    public async Task CardButtons_SetupFormsAndNext_BuildTheSamePlanAsTyping()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(CardButtons_SetupFormsAndNext_BuildTheSamePlanAsTyping));
        var welcome = await bot.ConversationUpdateAsync("installationUpdate");
        await bot.PressOnAsync(welcome.Cards.Single(), "Start a plan");

        await bot.PressAsync("Start planning", ("title", "Green school routes"), ("arena", "PolicyWithCitizens"), ("phase", "Design"));
        await bot.PressAsync("Next", ("answer", "Children walk and cycle safely to school"));
        await bot.PressAsync("Add partner", ("name", "Parents' association"), ("side", "Outside"), ("kind", "Association"));
        var afterSecond = await bot.PressAsync("Add partner", ("name", "Road department"), ("side", "AtHome"), ("kind", "OwnUnit"));
        Assert.Contains("Parents' association", afterSecond.AllText);

        // A filled-in form is added, not lost, when the user presses Next.
        var q3 = await bot.PressAsync("Next", ("name", "Local bike shop"), ("side", "Outside"), ("kind", "Business"));
        Assert.Contains("Local bike shop", q3.AllText);
        Assert.Contains(T(Language.En, "Question_3_Text"), q3.AllText);
        var plan = await SinglePlanAsync(bot);
        Assert.Equal(3, plan.Partners.Count);

        await bot.PressAsync("Next", plan.Partners.Select(p => ($"mobilise_{p.Id}", $"Invite {p.Name} to a walk-along")).ToArray());
        await bot.PressAsync("Next", ("answer", "A route group meets monthly; parents and the road department plan together"));
        await bot.PressAsync("Add activity", ("description", "Walking bus in the neighbouring town"));
        await bot.PressAsync("Next");
        var done = await bot.PressAsync("Next", ("name", "Safe routes alliance"), ("partners", string.Join(",", plan.Partners.Take(2).Select(p => p.Id))), ("purpose", "Fewer cars at the school gate"));

        Assert.Equal(4, done.Cards.Count);
        plan = await SinglePlanAsync(bot);
        Assert.Equal(WheelArena.PolicyWithCitizens, plan.Arena);
        Assert.Equal(Phase.Design, plan.Phase);
        Assert.All(plan.Partners, p => Assert.StartsWith("Invite", p.Mobilisation, StringComparison.Ordinal));
        Assert.Equal(["p1", "p2"], Assert.Single(plan.Alliances).PartnerIds);
        Assert.Empty(PitfallCheck.Run(plan));
    }

    [Fact]
    public async Task BackAndSkip_MoveBetweenQuestions_AndSkippedShowsOnTheSummary()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(BackAndSkip_MoveBetweenQuestions_AndSkippedShowsOnTheSummary));
        await bot.SayAsync("start Library for all");
        await bot.SayAsync("Everyone can use the library as a meeting place");
        var back = await bot.PressAsync("Back");
        Assert.Contains(T(Language.En, "Question_1_Text"), back.AllText);
        Assert.Equal("Everyone can use the library as a meeting place", (string?)CardReader.Input(back.Cards.Single(), "answer")!["value"]);

        await bot.PressAsync("Next");
        var skipped = await bot.PressAsync("Skip");
        // With no partners there is nothing to mobilise: question 3 waits and question 4 comes next.
        Assert.Contains(T(Language.En, "Question_4_Text"), skipped.AllText);
        Assert.Contains(T(Language.En, "Question_Skipped", 2), skipped.AllText);

        await bot.SayAsync("skip");
        await bot.SayAsync("skip");
        var done = await bot.SayAsync("skip");
        Assert.Equal(4, done.Cards.Count);
        Assert.Contains(T(Language.En, "Summary_Skipped"), CardReader.AllText(done.Cards[0]));
        Assert.Contains(T(Language.En, "Pitfall_NoPartners"), CardReader.AllText(done.Cards[0]));
    }

    internal static async Task<string[]> PlanIdsAsync(BotDriver bot, string userId = "user-1")
    {
        var key = "msteams/users/" + userId;
        var profile = await bot.Storage.ReadAsync([key]);
        var json = Newtonsoft.Json.Linq.JObject.FromObject(profile[key]);
        return json["profile"]!["PlanIds"]!.Select(t => (string)t!).ToArray();
    }

    internal static async Task<Plan> SinglePlanAsync(BotDriver bot) =>
        Assert.Single(await bot.Plans.FindManyAsync(await PlanIdsAsync(bot), default));
}
