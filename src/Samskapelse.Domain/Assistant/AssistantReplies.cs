using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Assistant;

/// <summary>
/// The cloud assistant is asked for <paramref name="Kind"/>: the bot answers at once with a working card
/// and delivers the suggestions later by updating that card.
/// </summary>
public sealed record AssistantRequestReply(Plan Plan, SuggestionKind Kind) : Reply;

/// <summary>A card of suggestions to accept, edit or discard one by one.</summary>
public sealed record SuggestionsReply(Plan Plan, SuggestionBatch Batch) : Reply;

/// <summary>The plan summary the user chose to post for the team (not stored: the plan holds the answers it is made of).</summary>
public sealed record TeamSummaryReply(Plan Plan, string Text) : Reply;

/// <summary>The verbs of the assistant's buttons.</summary>
public static class AssistantVerbs
{
    public const string Partners = "assist.partners";
    public const string Mobilisation = "assist.mobilisation";
    public const string Activities = "assist.activities";
    public const string Alliances = "assist.alliances";
    public const string CodeOfConduct = "assist.code";
    public const string Summary = "assist.summary";
    public const string Pitfalls = "assist.pitfalls";
    public const string Accept = "assist.accept";
    public const string Discard = "assist.discard";
    public const string DiscardAll = "assist.discardall";

    public static string For(SuggestionKind kind) => kind switch
    {
        SuggestionKind.Partners => Partners,
        SuggestionKind.Mobilisation => Mobilisation,
        SuggestionKind.Activities => Activities,
        SuggestionKind.Alliances => Alliances,
        SuggestionKind.CodeOfConduct => CodeOfConduct,
        SuggestionKind.Summary => Summary,
        _ => Pitfalls,
    };

    /// <summary>The question whose answer a kind of suggestion adds to, if any.</summary>
    public static PlanStep? StepOf(SuggestionKind kind) => kind switch
    {
        SuggestionKind.Partners => PlanStep.Partners,
        SuggestionKind.Mobilisation => PlanStep.Mobilisation,
        SuggestionKind.Activities => PlanStep.RelatedActivities,
        SuggestionKind.Alliances => PlanStep.Alliances,
        _ => null,
    };

    /// <summary>The kind of suggestion a question card offers, if any.</summary>
    public static SuggestionKind? KindFor(PlanStep step) => step switch
    {
        PlanStep.Partners => SuggestionKind.Partners,
        PlanStep.Mobilisation => SuggestionKind.Mobilisation,
        PlanStep.RelatedActivities => SuggestionKind.Activities,
        PlanStep.Alliances => SuggestionKind.Alliances,
        _ => null,
    };
}

/// <summary>Names of the assistant's fields in card data.</summary>
public static class AssistantCardData
{
    public const string Batch = "batch";

    /// <summary>The editable text of a suggestion; what the user leaves in it is what is accepted.</summary>
    public static string Text(string suggestionId) => "s_" + suggestionId;

    /// <summary>The editable detail (an alliance's purpose).</summary>
    public static string Detail(string suggestionId) => "s_" + suggestionId + "_detail";
}
