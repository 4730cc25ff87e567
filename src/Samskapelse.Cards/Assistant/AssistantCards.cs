using Samskapelse.Assistant;
using Samskapelse.Cards.Model;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using static Samskapelse.Cards.CardParts;

namespace Samskapelse.Cards.Assistant;

/// <summary>
/// The assistant's cards: the button that asks, the card shown while the cloud assistant works, and
/// the suggestions, each with its own text box and its own Accept and Discard. Every card says which
/// assistant wrote it. Suggestion texts were made plain text before they got here.
/// </summary>
public static class AssistantCards
{
    /// <summary>
    /// "Suggest with the assistant" for a question card, when that question has suggestions. It sits in the
    /// body, below the question's inputs, so the card keeps within the five actions every host shows.
    /// </summary>
    public static ActionSet? ForQuestion(Language language, Plan plan, PlanStep step, bool assistant)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return assistant && AssistantVerbs.KindFor(step) is { } kind && (kind != SuggestionKind.Mobilisation || !plan.Partners.IsEmpty)
            ? new ActionSet([Suggest(language, plan, kind, "Assist_Suggest")]) { Spacing = "Medium" }
            : null;
    }

    /// <summary>The overview card's buttons: a summary for the team, and the pitfall check in plain words.</summary>
    public static IEnumerable<CardAction> ForOverview(Language language, Plan plan, bool assistant) =>
        assistant ? [Suggest(language, plan, SuggestionKind.Summary, "Assist_SuggestSummary"), Suggest(language, plan, SuggestionKind.Pitfalls, "Assist_ExplainPitfalls")] : [];

    public static IEnumerable<CardAction> ForCodeOfConduct(Language language, Plan plan, bool assistant) =>
        assistant ? [Suggest(language, plan, SuggestionKind.CodeOfConduct, "Assist_SuggestCode")] : [];

    /// <summary>Shown at once while the cloud assistant works; replaced by the suggestions when they come.</summary>
    public static AdaptiveCard Working(Language language, Plan plan, SuggestionKind kind)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Card(
            language.T("Assist_Working"),
            [
                UserSubtle(plan.Title),
                Heading(language.T("Assist_Heading_" + kind)),
                Plain(language.T("Assist_Working")),
                Subtle(language.T("Assist_WorkingHint")),
                SourceLabel(language, AssistantSource.AzureOpenAI),
            ]);
    }

    public static AdaptiveCard Suggestions(Language language, Plan plan, SuggestionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(batch);
        var body = new List<CardElement?>
        {
            UserSubtle(plan.Title),
            Heading(language.T("Assist_Heading_" + batch.Kind)),
            SourceLabel(language, batch.Source),
            batch.Fault is { } fault ? new TextBlock(language.T("Assist_Fault_" + fault)) { Color = "Attention", Weight = "Bolder" } : null,
            Subtle(language.T(batch.Kind is SuggestionKind.Pitfalls ? "Assist_ExplainDisclaimer" : "Assist_Disclaimer")),
            batch.Kind is SuggestionKind.Pitfalls ? Subtle(language.T("Assist_ExplainWhatItChecks")) : null,
        };

        if (batch.Suggestions.IsEmpty)
        {
            body.Add(Plain(language.T("Assist_NoSuggestions")));
        }

        body.AddRange(batch.Suggestions.Select(s => Item(language, plan, batch, s)));
        var actions = batch.Suggestions.Count > 1
            ? new List<CardAction> { Submit(language.T("Assist_DiscardAll"), AssistantVerbs.DiscardAll, null, plan.Id, false, (AssistantCardData.Batch, batch.Id)) }
            : null;
        return Card(language.T("Assist_Heading_" + batch.Kind) + ": " + plan.Title, body, actions);
    }

    /// <summary>The summary the user chose to post for the team.</summary>
    public static AdaptiveCard TeamSummary(Language language, Plan plan, string text)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Card(
            language.T("Assist_TeamSummaryHeading", plan.Title),
            [Subtle(language.T("Assist_TeamSummaryKicker")), UserHeading(plan.Title), UserText(text)],
            [Submit(language.T("Action_EditAnswer", language.T("Question_1_Short")), Verbs.EditAnswer, null, plan.Id, false, (CardData.Step, "1"))]);
    }

    private static SubmitAction Suggest(Language language, Plan plan, SuggestionKind kind, string titleKey) =>
        Submit(language.T(titleKey), AssistantVerbs.For(kind), null, plan.Id, false);

    private static TextBlock SourceLabel(Language language, AssistantSource source) =>
        new(language.T("Assist_Source_" + source)) { IsSubtle = true, Size = "Small", Spacing = "Small" };

    private static Container Item(Language language, Plan plan, SuggestionBatch batch, Suggestion suggestion)
    {
        var items = new List<CardElement?>();
        var data = new[] { (CardData.Item, suggestion.Id), (AssistantCardData.Batch, batch.Id) };
        if (suggestion.Kind == SuggestionKind.Pitfalls)
        {
            // The assistant's text is plain text already (TextSafety), but it quotes the plan: it is user text.
            items.Add(UserText(suggestion.Text));
            items.Add(new ActionSet([Submit(language.T("Assist_GotIt"), AssistantVerbs.Discard, null, plan.Id, false, data)]));
            return new Container(WithoutNulls(items)) { Separator = true, Spacing = "Medium" };
        }

        items.Add(Describe(language, plan, suggestion));
        items.Add(new TextInput(Label(language, plan, suggestion))
        {
            Id = AssistantCardData.Text(suggestion.Id),
            Value = suggestion.Text,
            IsMultiline = suggestion.Kind is not (SuggestionKind.Partners or SuggestionKind.Alliances),
            MaxLength = suggestion.Kind switch
            {
                SuggestionKind.Partners or SuggestionKind.Alliances => PlanLimits.NameLength,
                SuggestionKind.Summary => PlanLimits.AnswerLength,
                _ => PlanLimits.ItemLength,
            },
        });
        if (suggestion.Kind == SuggestionKind.Alliances)
        {
            items.Add(new TextInput(language.T("Alliances_PurposeLabel")) { Id = AssistantCardData.Detail(suggestion.Id), Value = suggestion.Detail, IsMultiline = true, MaxLength = PlanLimits.ItemLength });
        }

        var accept = suggestion.Kind == SuggestionKind.Summary ? "Assist_PostSummary" : "Assist_Accept";
        items.Add(new ActionSet(
        [
            Submit(language.T(accept), AssistantVerbs.Accept, null, plan.Id, true, data) with { Style = "positive" },
            Submit(language.T("Assist_Discard"), AssistantVerbs.Discard, null, plan.Id, false, data),
        ]));
        return new Container(WithoutNulls(items)) { Separator = true, Spacing = "Medium" };
    }

    private static RichTextBlock? Describe(Language language, Plan plan, Suggestion suggestion) => suggestion.Kind switch
    {
        SuggestionKind.Partners => UserSubtle(string.Join(" · ", new[] { suggestion.PartnerKind is { } k ? language.KindLabel(k) : null, suggestion.Side is { } s ? language.T("Assist_Side_" + s) : null, suggestion.Detail }.OfType<string>())),
        SuggestionKind.Alliances when !suggestion.PartnerIds.IsEmpty => UserSubtle(language.T("Assist_AllianceMembers", Members(plan, suggestion))),
        SuggestionKind.CodeOfConduct when suggestion.TargetId is not null && plan.CodeOfConduct.Find(p => p.Id == suggestion.TargetId) is { } principle =>
            UserSubtle(language.T("Assist_Rewords", language.PrincipleText(principle))),
        _ => null,
    };

    // A few names and a count: an alliance of many partners must not make the card too big for Teams.
    private static string Members(Plan plan, Suggestion suggestion)
    {
        const int Shown = 5;
        var names = suggestion.PartnerIds.Select(plan.FindPartner).OfType<Partner>().Select(p => p.Name).ToList();
        return names.Count <= Shown
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(Shown)) + " +" + (names.Count - Shown).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Label(Language language, Plan plan, Suggestion suggestion) => suggestion.Kind switch
    {
        SuggestionKind.Mobilisation => language.T("Assist_Label_Mobilisation", plan.FindPartner(suggestion.TargetId ?? string.Empty)?.Name ?? suggestion.Detail ?? string.Empty),
        _ => language.T("Assist_Label_" + suggestion.Kind),
    };
}
