using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Planning;

public sealed class PlanningRulesTests
{
    [Theory]
    [InlineData("nb-NO", Language.Nb)]
    [InlineData("nn-NO", Language.Nb)]
    [InlineData("da-DK", Language.Da)]
    [InlineData("sv-SE", Language.En)]
    [InlineData("en-GB", Language.En)]
    [InlineData(null, Language.En)]
    public void TeamsLocale_MapsToTheBotsLanguage(string? locale, Language expected) =>
        Assert.Equal(expected, Languages.FromLocale(locale));

    [Theory]
    [InlineData("Røde Kors (forening, ute)", PartnerKind.Association, PartnerSide.Outside)]
    [InlineData("Kolleger i hjemmetjenesten", PartnerKind.OwnUnit, PartnerSide.AtHome)]
    [InlineData("Bakeriet AS", PartnerKind.Business, PartnerSide.Outside)]
    [InlineData("Foreldre på Lia skole (borgere)", PartnerKind.Citizens, PartnerSide.Outside)]
    [InlineData("Naboskolen (offentlig, hjemme)", PartnerKind.OtherPublicBody, PartnerSide.AtHome)]
    public async Task TypedPartnerLine_ReadsKindAndSide_InAnyLanguage(string line, PartnerKind kind, PartnerSide side)
    {
        var bot = new BotDriver(new Microsoft.Bot.Builder.MemoryStorage(), "partner-line-" + line.GetHashCode(StringComparison.Ordinal));
        await bot.SayAsync("start Partners");
        await bot.SayAsync("goal");
        await bot.SayAsync(line);

        var partner = Assert.Single((await GuidedPlanningTests.SinglePlanAsync(bot)).Partners);
        Assert.Equal(kind, partner.Kind);
        Assert.Equal(side, partner.Side);
        Assert.DoesNotContain("(", partner.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void PitfallCheck_FindsOutsourcing_WhenOutsidePartnersDeliverAndNoOneAtHomeIsEngaged()
    {
        var plan = SamplePlans.Typical() with
        {
            Partners =
            [
                new Partner("p1", "Frivilligsentralen", PartnerSide.Outside, PartnerKind.Association, "De skal overta driften av besøkstjenesten"),
                new Partner("p2", "Kolleger", PartnerSide.AtHome, PartnerKind.OwnUnit, null),
            ],
            Collaboration = null,
        };

        var found = PitfallCheck.Run(plan);

        Assert.Contains(Pitfall.LooksLikeOutsourcing, found);
        Assert.Contains(Pitfall.PartnersMayFeelHarnessed, found);
        Assert.Contains(Pitfall.NoCollaborationAnswer, found);
        Assert.DoesNotContain(Pitfall.LooksLikeConsultation, found);
    }

    [Fact]
    public void PitfallCheck_FindsConsultation_WhenEveryOutsidePartnerIsOnlyAskedForViews()
    {
        var plan = SamplePlans.Typical() with
        {
            Partners =
            [
                new Partner("p1", "Borgerne", PartnerSide.Outside, PartnerKind.Citizens, "Vi sender planen på høring"),
                new Partner("p2", "Handelsstanden", PartnerSide.Outside, PartnerKind.Business, "Spørgeskema om deres synspunkter"),
                new Partner("p3", "Kolleger", PartnerSide.AtHome, PartnerKind.OwnUnit, "Workshop"),
            ],

            // Question 4 without a shared working form: the typical plan's shared board would outweigh the asks.
            Collaboration = "Vi sender ut et referat etterpå",
        };

        Assert.Contains(Pitfall.LooksLikeConsultation, PitfallCheck.Run(plan));
    }

    [Fact]
    public void PitfallCheck_FindsNothing_ForATypicalCoCreationPlan() =>
        Assert.Empty(PitfallCheck.Run(SamplePlans.Typical() with { Partners = [.. SamplePlans.Typical().Partners.Select(p => p with { Mobilisation = p.Mobilisation ?? "Invitere dem inn sammen med de andre" })] }));

    [Fact]
    public void PitfallCheck_OnAnEmptyPlan_AsksForGoalPartnersCollaborationAndAlliance() =>
        Assert.Equal([Pitfall.NoGoal, Pitfall.NoPartners, Pitfall.NoCollaborationAnswer, Pitfall.NoAlliance], PitfallCheck.Run(SamplePlans.Empty()));

    [Fact]
    public void CodeOfConductDraft_HasTheDomainsPrinciples_AndOnesForThePartnerKindsPresent()
    {
        var draft = CodeOfConductDrafter.Draft(SamplePlans.Typical()).Select(p => p.TemplateKey).ToList();

        Assert.Contains(CodeOfConductDrafter.NotOutsourcingOrConsultation, draft);
        Assert.Contains(CodeOfConductDrafter.NotHarnessed, draft);
        Assert.Contains(CodeOfConductDrafter.SafeToRaiseHardThings, draft);
        Assert.Contains(CodeOfConductDrafter.BusinessInterestsOpen, draft);
        Assert.Contains(CodeOfConductDrafter.AlliancesInWriting, draft);
        Assert.DoesNotContain(CodeOfConductDrafter.PublicBodiesSharedMandate, draft);
        Assert.DoesNotContain(CodeOfConductDrafter.AlliancesInWriting, CodeOfConductDrafter.Draft(SamplePlans.Empty()).Select(p => p.TemplateKey));
    }

    [Fact]
    public void HandlerRegistry_RefusesTwoHandlersForOneVerb()
    {
        var handlers = PlanningHandlers.All().Concat([PlanningHandlers.All()[0]]);
        var error = Assert.Throws<InvalidOperationException>(() => new PlanningConversation(handlers));
        Assert.Contains(Verbs.Help, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryVerbOnTheCards_HasAHandler()
    {
        var options = new Samskapelse.Bot.Assistant.AssistantOptions();
        var assistant = new Samskapelse.Assistant.AssistantService(options.ToSettings(), null, new Samskapelse.Bot.Assistant.AssistantStore(new Microsoft.Bot.Builder.MemoryStorage()), new Samskapelse.Assistant.AssistantRateLimiter(TimeProvider.System, options.RequestsPerUser, options.RateLimitWindow), TimeProvider.System);
        var registered = new PlanningConversation([.. PlanningHandlers.All(), .. Samskapelse.Assistant.AssistantHandlers.All(assistant)]).Verbs
            .Concat(new Samskapelse.Coaching.CoachingConversation(Samskapelse.Coaching.CoachingHandlers.All()).Verbs)
            .Concat(Samskapelse.Cards.Privacy.PrivacyVerbs.All)
            .ToHashSet();
        var onCards = Cards.CardCatalogue.All()
            .SelectMany(c => CardReader.Actions(Newtonsoft.Json.Linq.JObject.Parse(Samskapelse.Cards.Model.CardJson.Serialize(c.Card))))
            .Select(a => (string?)a["data"]?["verb"])
            .OfType<string>()
            .ToHashSet();

        Assert.NotEmpty(onCards);
        Assert.Empty(onCards.Except(registered));
    }
}
