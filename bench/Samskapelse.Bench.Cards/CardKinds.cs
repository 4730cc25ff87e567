using Samskapelse.Assistant;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Planning;
using Samskapelse.Cards.Assistant;
using Samskapelse.Cards.Model;
using Samskapelse.Cards.Planning;
using Samskapelse.Cards.Review;
using Samskapelse.Coaching;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Review;
using Samskapelse.Tests.Cards;
using Samskapelse.Tests.Coaching;
using Samskapelse.Tests.Support;

namespace Samskapelse.Bench.Cards;

/// <summary>
/// One builder per kind of card, in Norwegian, for the plan with every field and list at its limit:
/// the largest card of each kind the bot can send, built through the same calls the bot makes.
/// </summary>
public static class CardKinds
{
    private static readonly Language Nb = Language.Nb;
    private static readonly Plan Full = SamplePlans.AtTheLimits();
    private static readonly CoachingJourney Journey = SampleJourneys.AtTheLimits();

    // The data each card shows is made once: only building the card is measured.
    private static readonly Plan[] FullPlanList = [.. Enumerable.Range(0, PlanLimits.PlansPerUser).Select(i => Full with { Id = "p" + i })];
    private static readonly IReadOnlyList<TextReply> Hints = SampleJourneys.HintsAtTheLimits();
    private static readonly IReadOnlyList<Person> People = SampleJourneys.People(2 * CoachingLimits.PeopleOnStartCard);
    private static readonly IReadOnlyList<CoachingProgress> Progress = SampleJourneys.Progress(CoachingLimits.JourneysPerHr);

    public static IReadOnlyDictionary<string, Func<AdaptiveCard>> All { get; } = Build();

    private static Dictionary<string, Func<AdaptiveCard>> Build()
    {
        var cards = new Dictionary<string, Func<AdaptiveCard>>(StringComparer.Ordinal)
        {
            ["welcome"] = () => ReplyRenderer.CardFor(new WelcomeReply(Full), Nb),
            ["help"] = () => ReplyRenderer.CardFor(new HelpReply(), Nb),
            ["plan-list"] = () => ReplyRenderer.CardFor(new PlanListReply(FullPlanList, "p0", 3), Nb),
            ["code-editor"] = () => ReplyRenderer.CardFor(new CodeOfConductEditorReply(Full, 9, null), Nb),
        };
        foreach (var step in Enum.GetValues<PlanStep>())
        {
            cards[$"question-{step}"] = () => ReplyRenderer.CardFor(new QuestionReply(Full, step, 7, null), Nb, assistant: true);
        }

        cards["summary-overview"] = () => SummaryCards.Overview(Nb, Full, new PlanLinks("https://bot.example/w", "https://bot.example/m", "https://bot.example/map.png"), assistant: true);
        cards["summary-partners"] = () => SummaryCards.Partners(Nb, Full, new PlanLinks(Map: "https://bot.example/map.png"));
        cards["summary-alliances"] = () => SummaryCards.Alliances(Nb, Full);
        cards["summary-code"] = () => SummaryCards.CodeOfConduct(Nb, Full, assistant: true);
        var reviewed = CardCatalogue.Reviewed(Full);
        foreach (var kind in Enum.GetValues<SharedCardKind>())
        {
            cards[$"review-{kind}"] = () => ReviewCards.Shared(Nb, reviewed, kind, ReviewRole.Owner, "29:member-1", new TextReply("Review_Signed"), "https://teams.microsoft.com/l/chat/0/0?users=28:bot");
        }

        var batch = Suggestions();
        cards["assistant-working"] = () => AssistantCards.Working(Nb, Full, SuggestionKind.Partners);
        cards["assistant-suggestions"] = () => AssistantCards.Suggestions(Nb, Full, batch);
        cards["assistant-team-summary"] = () => AssistantCards.TeamSummary(Nb, Full, new string('s', 1500));
        cards["coaching-step"] = () => CoachingRenderer.CardFor(new CoachingStepReply(Journey with { Step = JourneyStep.Competence3 }, Hints), Nb, null);
        cards["coaching-summary"] = () => CoachingRenderer.CardFor(new CoachingSummaryReply(Journey), Nb, null);
        cards["coaching-start"] = () => CoachingRenderer.CardFor(new CoachingStartReply(People, "29:p1", null, new DateOnly(2026, 11, 2)), Nb, null);
        cards["coaching-progress"] = () => CoachingRenderer.CardFor(new CoachingProgressReply(Progress), Nb, null);
        return cards;
    }

    private static SuggestionBatch Suggestions() => new()
    {
        Id = "b1",
        Kind = SuggestionKind.Partners,
        Source = AssistantSource.Offline,
        Suggestions = [.. Enumerable.Range(1, 6).Select(i => new Suggestion
        {
            Id = "s" + i,
            Kind = SuggestionKind.Partners,
            Text = "Frivilligsentralen " + i,
            Detail = "De kjenner ungdommene og kan åpne huset på kveldstid.",
            Side = PartnerSide.Outside,
            PartnerKind = PartnerKind.Association,
        })],
    };
}
