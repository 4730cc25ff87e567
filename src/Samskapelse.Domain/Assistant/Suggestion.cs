using System.Collections.Immutable;
using Samskapelse.Planning;

namespace Samskapelse.Assistant;

/// <summary>What the assistant is asked for; each kind has its own button, verb and response schema.</summary>
public enum SuggestionKind
{
    Partners,
    Mobilisation,
    Activities,
    Alliances,
    CodeOfConduct,
    Summary,
    Pitfalls,
}

/// <summary>Who wrote a batch of suggestions; the cards say so.</summary>
public enum AssistantSource
{
    Offline,
    AzureOpenAI,
}

/// <summary>Why the cloud assistant's answer was not used; each has a localized message (Assist_Fault_*).</summary>
public enum AssistantFault
{
    Timeout,
    Throttled,
    ServiceError,
    ContentFiltered,
    Malformed,
    Unreachable,
    BudgetExhausted,
    UserRateLimited,
}

/// <summary>
/// One suggestion, waiting for the user to accept (possibly edited) or discard it.
/// Nothing here is part of the plan until the user accepts it through the plan's own rules.
/// </summary>
public sealed record Suggestion
{
    public required string Id { get; init; }

    public required SuggestionKind Kind { get; init; }

    /// <summary>The main text: a partner's name, a way to mobilise, an activity, an alliance's name, a principle, a summary or an explanation.</summary>
    public required string Text { get; init; }

    /// <summary>Why a partner is suggested, or an alliance's purpose.</summary>
    public string? Detail { get; init; }

    public PartnerSide? Side { get; init; }

    public PartnerKind? PartnerKind { get; init; }

    /// <summary>The partner a mobilisation suggestion is for, or the principle a code suggestion rewords.</summary>
    public string? TargetId { get; init; }

    /// <summary>The partners an alliance suggestion joins.</summary>
    public ImmutableList<string> PartnerIds { get; init; } = [];
}

/// <summary>The suggestions from one press of a "Suggest" button.</summary>
public sealed record SuggestionBatch
{
    public required string Id { get; init; }

    public required SuggestionKind Kind { get; init; }

    public required AssistantSource Source { get; init; }

    /// <summary>Set when the cloud assistant failed and the offline assistant stood in.</summary>
    public AssistantFault? Fault { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public ImmutableList<Suggestion> Suggestions { get; init; } = [];

    public Suggestion? Find(string suggestionId) => Suggestions.Find(s => s.Id == suggestionId);
}

/// <summary>What the assistant keeps per plan, apart from the plan: the token use and the suggestions still open.</summary>
public sealed record AssistantRecord
{
    public int TokensUsed { get; init; }

    public int BatchCount { get; init; }

    public ImmutableList<SuggestionBatch> Batches { get; init; } = [];

    public (SuggestionBatch Batch, Suggestion Suggestion)? Find(string suggestionId)
    {
        foreach (var batch in Batches)
        {
            if (batch.Find(suggestionId) is { } suggestion)
            {
                return (batch, suggestion);
            }
        }

        return null;
    }

    /// <summary>Removes one handled suggestion; a batch with none left goes too.</summary>
    public AssistantRecord Without(string suggestionId) => this with
    {
        Batches = [.. Batches
            .Select(b => b with { Suggestions = b.Suggestions.RemoveAll(s => s.Id == suggestionId) })
            .Where(b => !b.Suggestions.IsEmpty)],
    };
}
