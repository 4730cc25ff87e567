using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Samskapelse.Assistant;
using Samskapelse.Bot.Assistant;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Tests.Planning;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Assistant.AssistantScenario;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Assistant;

public sealed class OfflineAssistantTests
{
    private static string Name(Language language, string code) => Texts.Alternatives(language, "AssistOffline_Partner_" + code)[0];

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task SuggestPartners_Offline_ShowsArenaPartnersInTheUsersLanguage_AcceptEditedAndDiscardOneByOne(string locale, Language language)
    {
        var storage = new MemoryStorage();
        var bot = new BotDriver(storage, nameof(SuggestPartners_Offline_ShowsArenaPartnersInTheUsersLanguage_AcceptEditedAndDiscardOneByOne) + locale, locale, assistant: new AssistantOptions());
        var plan = await ToPartnersQuestionAsync(bot, language);

        var suggested = await bot.PressAsync(T(language, "Assist_Suggest"));

        var card = Assert.Single(suggested.Cards);
        var text = CardReader.AllText(card);
        Assert.Contains(T(language, "Assist_Source_Offline"), text);
        Assert.Contains(T(language, "Assist_Heading_Partners"), text);
        Assert.Contains(T(language, "Assist_Disclaimer"), text);
        Assert.DoesNotContain(T(language, "Assist_Fault_Timeout"), text);
        // The volunteer arena's partners, and colleagues first because nobody at home is named yet.
        Assert.Contains(Name(language, "VolunteerCentre"), text);
        Assert.Contains(Name(language, "ClubsAndCulture"), text);
        Assert.DoesNotContain(Name(language, "UserOrganisation"), text);
        Assert.True(text.IndexOf(Name(language, "NeighbouringUnit"), StringComparison.Ordinal) < text.IndexOf(Name(language, "VolunteerCentre"), StringComparison.Ordinal));
        Assert.Empty((await GuidedPlanningTests.SinglePlanAsync(bot)).Partners);

        var centre = SuggestionId(card, Name(language, "VolunteerCentre"));
        var accepted = await bot.PressItemAsync(card, T(language, "Assist_Accept"), centre, ("s_" + centre, "Frivilligsentralen i sentrum"));
        Assert.Contains(T(language, "Assist_Accepted", "Frivilligsentralen i sentrum"), accepted.AllText);

        var partner = Assert.Single((await GuidedPlanningTests.SinglePlanAsync(bot)).Partners);
        Assert.Equal(("Frivilligsentralen i sentrum", PartnerSide.Outside, PartnerKind.Association), (partner.Name, partner.Side, partner.Kind));

        var clubs = SuggestionId(card, Name(language, "ClubsAndCulture"));
        var discarded = await bot.PressItemAsync(card, T(language, "Assist_Discard"), clubs);
        Assert.Contains(T(language, "Assist_Discarded"), discarded.AllText);
        Assert.Single((await GuidedPlanningTests.SinglePlanAsync(bot)).Partners);

        var again = await bot.PressItemAsync(card, T(language, "Assist_Accept"), clubs);
        Assert.Contains(T(language, "Assist_AlreadyHandled"), again.AllText);
        Assert.Single((await GuidedPlanningTests.SinglePlanAsync(bot)).Partners);

        var open = (await RecordAsync(storage, plan.Id)).Batches.Single().Suggestions;
        Assert.DoesNotContain(open, s => s.Id == centre || s.Id == clubs);
        Assert.NotEmpty(open);
    }

    [Fact]
    public async Task AcceptSuggestion_PlanRulesRefuse_SuggestionStaysOpenAndPlanUnchanged()
    {
        var storage = new MemoryStorage();
        var bot = new BotDriver(storage, nameof(AcceptSuggestion_PlanRulesRefuse_SuggestionStaysOpenAndPlanUnchanged), assistant: new AssistantOptions());
        var plan = await ToPartnersQuestionAsync(bot, Language.En);
        var card = (await bot.PressAsync("Suggest with the assistant")).Cards.Single();
        await bot.SayAsync("The volunteers' house (association, outside)");

        // Edited into a name the plan already has: the duplicate rule refuses it.
        var centre = SuggestionId(card, Name(Language.En, "VolunteerCentre"));
        var duplicate = await bot.PressItemAsync(card, "Accept", centre, ("s_" + centre, "The volunteers' house"));
        Assert.Contains(T(Language.En, "Error_Duplicate", "The volunteers' house"), duplicate.AllText);

        // Emptied: nothing to accept.
        var empty = await bot.PressItemAsync(card, "Accept", centre, ("s_" + centre, "  "));
        Assert.Contains(T(Language.En, "Error_EmptyAnswer"), empty.AllText);

        Assert.Single((await GuidedPlanningTests.SinglePlanAsync(bot)).Partners);
        Assert.Contains((await RecordAsync(storage, plan.Id)).Batches.Single().Suggestions, s => s.Id == centre);

        // The list limit holds for suggestions too.
        await bot.Plans.UpdateAsync(plan.Id, p => p with { Partners = [.. Enumerable.Range(1, PlanLimits.Partners).Select(i => new Partner("p" + i, "Partner " + i, PartnerSide.Outside, PartnerKind.Business))] }, default);
        var full = await bot.PressItemAsync(card, "Accept", centre);
        Assert.Contains(T(Language.En, "Error_ListFull", PlanLimits.Partners), full.AllText);
        Assert.Equal(PlanLimits.Partners, (await GuidedPlanningTests.SinglePlanAsync(bot)).Partners.Count);
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task SuggestMobilisation_Offline_InvitationPerPartnerKind_AcceptSetsItAndReturnsToTheQuestion(string locale, Language language)
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(SuggestMobilisation_Offline_InvitationPerPartnerKind_AcceptSetsItAndReturnsToTheQuestion) + locale, locale, assistant: new AssistantOptions());
        await ToPartnersQuestionAsync(bot, language);
        await bot.SayAsync("Idrettslaget (forening, ute)");
        var q3 = await bot.SayAsync(Cmd(language, "Cmd_Next"));
        Assert.Contains(T(language, "Question_3_Text"), q3.AllText);

        var card = (await bot.PressAsync(T(language, "Assist_Suggest"))).Cards.Single();
        var invitation = T(language, "AssistOffline_Mobilise_Association", "Idrettslaget");
        Assert.Contains(T(language, "Assist_Label_Mobilisation", "Idrettslaget"), CardReader.AllText(card));

        var done = await bot.PressItemAsync(card, T(language, "Assist_Accept"), SuggestionId(card, invitation));

        Assert.Contains(T(language, "Assist_AllHandled"), done.AllText);
        Assert.Contains(T(language, "Question_3_Text"), done.AllText);
        Assert.Equal(invitation, Assert.Single((await GuidedPlanningTests.SinglePlanAsync(bot)).Partners).Mobilisation);
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task SummaryButtons_Offline_ExplainPitfallsNamingPartners_AndPostAnEditedSummaryForTheTeam(string locale, Language language)
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(SummaryButtons_Offline_ExplainPitfallsNamingPartners_AndPostAnEditedSummaryForTheTeam) + locale, locale, assistant: new AssistantOptions());
        await bot.SayAsync(Cmd(language, "Cmd_Start") + " Kveldsåpent");
        await bot.SayAsync("Evenings where young people meet safely");
        await bot.SayAsync("Idrettslaget (forening, ute)");
        await bot.SayAsync(Cmd(language, "Cmd_Next"));
        await bot.SayAsync("Idrettslaget: carry out the evening activities");
        await bot.SayAsync(Cmd(language, "Cmd_Skip"));
        await bot.SayAsync(Cmd(language, "Cmd_Skip"));
        var summary = await bot.SayAsync(Cmd(language, "Cmd_Skip"));
        var overview = summary.Cards[0];
        Assert.Contains(T(language, "Assist_SuggestCode"), CardReader.ButtonTitles(summary.Cards[3]));

        var explained = CardReader.AllText((await bot.PressOnAsync(overview, T(language, "Assist_ExplainPitfalls"))).Cards.Single());
        Assert.True(explained.Contains(T(language, "Assist_Heading_Pitfalls"), StringComparison.Ordinal), explained);
        Assert.True(explained.Contains(T(language, "AssistOffline_Explain_LooksLikeOutsourcing") + " " + T(language, "AssistOffline_Explain_Whom", "Idrettslaget"), StringComparison.Ordinal), explained);
        Assert.Contains(T(language, "AssistOffline_Explain_NoPartnerAtHome"), explained);
        Assert.Contains(T(language, "Assist_Source_Offline"), explained);

        var summaryCard = (await bot.PressOnAsync(overview, T(language, "Assist_SuggestSummary"))).Cards.Single();
        var draft = (string)CardReader.Inputs(summaryCard).Single()["value"]!;
        Assert.Contains(T(language, "AssistOffline_Summary_Goal", "Kveldsåpent", "Evenings where young people meet safely"), draft);
        Assert.Contains("Idrettslaget", draft);

        var posted = await bot.PressItemAsync(summaryCard, T(language, "Assist_PostSummary"), SuggestionId(summaryCard, draft), ("s_" + SuggestionId(summaryCard, draft), draft + "\nWe meet on Thursday."));
        var team = posted.Cards[0];
        Assert.Contains(T(language, "Assist_TeamSummaryKicker"), CardReader.AllText(team));
        Assert.Contains("We meet on Thursday.", CardReader.AllText(team));
    }

    [Fact]
    public async Task Disabled_NoAssistantButtons_AndItsVerbsSaySo()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(Disabled_NoAssistantButtons_AndItsVerbsSaySo), assistant: new AssistantOptions { Provider = "Disabled" });
        var plan = await ToPartnersQuestionAsync(bot, Language.En);

        Assert.DoesNotContain("Suggest with the assistant", CardReader.ButtonTitles(bot.LastInputCard!));
        var refused = await bot.SubmitAsync(new JObject { ["verb"] = AssistantVerbs.Partners, ["plan"] = plan.Id });
        Assert.Contains(T(Language.En, "Assist_Disabled"), refused.AllText);
    }

    [Fact]
    public async Task NoAssistantConfigured_CardsKeepTheirButtons()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(NoAssistantConfigured_CardsKeepTheirButtons));
        await ToPartnersQuestionAsync(bot, Language.En);
        Assert.Equal(["Add partner", "Next", "Back", "Skip", "Pause"], CardReader.ButtonTitles(bot.LastInputCard!).Where(t => t != "Remove selected"));
    }

    [Theory]
    [InlineData(SuggestionKind.Activities, "AssistOffline_Activity_Neighbours")]
    [InlineData(SuggestionKind.CodeOfConduct, CodeOfConductDrafter.AssociationsAutonomy)]
    [InlineData(SuggestionKind.Alliances, "AssistOffline_Alliance_Network")]
    public void OfflineAssistant_EveryLanguage_SuggestsFromItsOwnResources(SuggestionKind kind, string key)
    {
        foreach (var language in Languages.All)
        {
            var plan = new Plan
            {
                Id = "x",
                OwnerId = "u",
                Title = "Ungdommens hus",
                Partners = [new Partner("p1", "Idrettslaget", PartnerSide.Outside, PartnerKind.Association)],
            };
            var suggestions = OfflineAssistant.Suggest(new AssistantInput(kind, language, PlanFacts.From(plan, language)));
            var expected = Texts.Get(language, key).Split('|')[0];
            Assert.Contains(suggestions, s => s.Text == expected);
        }
    }
}
