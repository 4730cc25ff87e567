using Microsoft.Bot.Builder;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Planning;

/// <summary>The code of conduct follows the plan: suggestions when a principle comes to apply or stops applying, and a source for each.</summary>
public sealed class CodeOfConductFollowsPlanTests
{
    private static Plan Drafted(params Partner[] partners)
    {
        var plan = SamplePlans.Empty() with { Partners = [.. partners] };
        return plan with { CodeOfConduct = CodeOfConductDrafter.Draft(plan) };
    }

    private static readonly Partner Club = new("p1", "Idrettslaget", PartnerSide.Outside, PartnerKind.Association, null);
    private static readonly Partner Bakery = new("p2", "Bakeriet", PartnerSide.Outside, PartnerKind.Business, null);

    [Fact]
    public void BeforeTheDraft_NothingIsSuggested_TheDraftItselfFollowsThePlan() =>
        Assert.Empty(CodeOfConductDrafter.Suggestions(SamplePlans.Empty() with { Partners = [Bakery] }));

    [Fact]
    public void BusinessPartnerAddedLater_SuggestsTheBusinessPrinciple_AcceptAddsIt_NothingWrittenIsTouched()
    {
        var plan = Drafted(Club);
        plan = plan with { CodeOfConduct = plan.CodeOfConduct.SetItem(0, plan.CodeOfConduct[0] with { TemplateKey = null, Text = "Our own words" }) };
        Assert.Empty(CodeOfConductDrafter.Suggestions(plan));

        plan = plan with { Partners = plan.Partners.Add(Bakery) };
        var suggestion = Assert.Single(CodeOfConductDrafter.Suggestions(plan));
        Assert.Equal((CodeOfConductDrafter.BusinessInterestsOpen, true), (suggestion.TemplateKey, suggestion.Add));

        var accepted = CodeOfConductDrafter.Accept(plan, suggestion.Id);
        Assert.Equal(plan.CodeOfConduct.Count + 1, accepted.CodeOfConduct.Count);
        Assert.Equal(CodeOfConductDrafter.BusinessInterestsOpen, accepted.CodeOfConduct[^1].TemplateKey);
        Assert.Equal("Our own words", accepted.CodeOfConduct[0].Text);
        Assert.Equal(accepted.CodeOfConduct.Count, accepted.CodeOfConduct.Select(p => p.Id).Distinct().Count());
        Assert.Empty(CodeOfConductDrafter.Suggestions(accepted));
    }

    [Fact]
    public void IgnoredSuggestion_IsNotMadeAgain_AndTheCodeIsUnchanged()
    {
        var plan = Drafted(Club) with { Partners = [Club, Bakery] };
        var id = Assert.Single(CodeOfConductDrafter.Suggestions(plan)).Id;

        var ignored = CodeOfConductDrafter.Ignore(plan, id);

        Assert.Equal(plan.CodeOfConduct, ignored.CodeOfConduct);
        Assert.Empty(CodeOfConductDrafter.Suggestions(ignored));
    }

    [Fact]
    public void PartnerKindGone_SuggestsRemovingItsPrinciple_UnlessReworded_AndKeepIsRemembered()
    {
        var plan = Drafted(Club, Bakery) with { Partners = [Club] };
        var suggestion = Assert.Single(CodeOfConductDrafter.Suggestions(plan));
        Assert.Equal((CodeOfConductDrafter.BusinessInterestsOpen, false), (suggestion.TemplateKey, suggestion.Add));

        Assert.DoesNotContain(CodeOfConductDrafter.Accept(plan, suggestion.Id).CodeOfConduct, p => p.TemplateKey == CodeOfConductDrafter.BusinessInterestsOpen);
        Assert.Empty(CodeOfConductDrafter.Suggestions(CodeOfConductDrafter.Ignore(plan, suggestion.Id)));

        // The owner's rewording is theirs: never suggested away.
        var index = plan.CodeOfConduct.FindIndex(p => p.TemplateKey == CodeOfConductDrafter.BusinessInterestsOpen);
        var reworded = plan with { CodeOfConduct = plan.CodeOfConduct.SetItem(index, plan.CodeOfConduct[index] with { Text = "Firms say what they gain." }) };
        Assert.Empty(CodeOfConductDrafter.Suggestions(reworded));
    }

    [Fact]
    public void PrincipleRemovedOrRewordedInTheEditor_IsSettled_AndNotSuggestedBack()
    {
        var before = Drafted(Club, Bakery);
        var after = before with { CodeOfConduct = before.CodeOfConduct.RemoveAll(p => p.TemplateKey == CodeOfConductDrafter.BusinessInterestsOpen) };

        Assert.Single(CodeOfConductDrafter.Suggestions(after));
        Assert.Empty(CodeOfConductDrafter.Suggestions(CodeOfConductDrafter.Settle(before, after)));
    }

    [Fact]
    public void SamInitiering_DraftsTheInvitePrinciple_AndSuggestsItWhenThePhaseIsSetLater()
    {
        Assert.Contains(CodeOfConductDrafter.InvitedFromInitiation, CodeOfConductDrafter.Draft(SamplePlans.Empty() with { Phase = Phase.Initiation }).Select(p => p.TemplateKey));
        Assert.DoesNotContain(CodeOfConductDrafter.InvitedFromInitiation, CodeOfConductDrafter.Draft(SamplePlans.Empty() with { Phase = Phase.Design }).Select(p => p.TemplateKey));

        var later = Drafted(Club) with { Phase = Phase.Initiation };
        Assert.Equal(CodeOfConductDrafter.InvitedFromInitiation, Assert.Single(CodeOfConductDrafter.Suggestions(later)).TemplateKey);
    }

    [Fact]
    public void EveryPrinciple_HasASource_AndFiveOfTheOriginalTwelveAreGoodPractice()
    {
        Assert.Equal(CodeOfConductDrafter.AllTemplateKeys.Order(), CodeOfConductDrafter.SlideSources.Keys.Order());
        var goodPractice = CodeOfConductDrafter.SlideSources.Where(s => s.Value is null).Select(s => s.Key).Order().ToList();
        Assert.Equal(
            new[] { CodeOfConductDrafter.Openness, CodeOfConductDrafter.BusinessInterestsOpen, CodeOfConductDrafter.AssociationsAutonomy, CodeOfConductDrafter.PublicBodiesSharedMandate, CodeOfConductDrafter.AlliancesInWriting }.Order(),
            goodPractice);

    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task BusinessPartnerAddedAfterQuestion6_TheCodeCardSuggestsTheBusinessPrinciple_AddPutsItInTheCode(string locale, Language language)
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(BusinessPartnerAddedAfterQuestion6_TheCodeCardSuggestsTheBusinessPrinciple_AddPutsItInTheCode) + locale, locale);
        await bot.SayAsync(Cmd(language, "Cmd_Start") + " Kveldsåpent");
        await bot.SayAsync("Trygge kvelder for ungdom");
        await bot.SayAsync("Idrettslaget (forening, ute)");
        await bot.SayAsync(Cmd(language, "Cmd_Next"));
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await bot.SayAsync(Cmd(language, "Cmd_Skip"));
        }

        var plan = await GuidedPlanningTests.SinglePlanAsync(bot);
        Assert.True(plan.IsComplete);
        Assert.DoesNotContain(plan.CodeOfConduct, p => p.TemplateKey == CodeOfConductDrafter.BusinessInterestsOpen);

        await bot.SayAsync(Cmd(language, "Cmd_Edit") + " 2");
        await bot.SayAsync("Bakeriet AS (bedrift, ute)");
        var summary = await bot.SayAsync(Cmd(language, "Cmd_Next"));
        var code = summary.Cards[^1];
        var suggestAdd = T(language, "Code_SuggestAdd", T(language, CodeOfConductDrafter.BusinessInterestsOpen));
        Assert.Contains(suggestAdd, CardReader.AllText(code));
        Assert.Contains(T(language, "Code_SourceGoodPractice"), CardReader.AllText(code));
        Assert.Contains(T(language, "Code_SourceSlide", "Hvor kan det gå galt?"), CardReader.AllText(code));

        var added = await bot.PressItemAsync(code, T(language, "Action_AddPrinciple"), "add:" + CodeOfConductDrafter.BusinessInterestsOpen);
        Assert.Contains(T(language, "Code_SuggestionAccepted"), added.Texts);
        Assert.Contains((await GuidedPlanningTests.SinglePlanAsync(bot)).CodeOfConduct, p => p.TemplateKey == CodeOfConductDrafter.BusinessInterestsOpen);
        Assert.DoesNotContain(suggestAdd, CardReader.AllText(added.Cards[^1]));
    }
}
