using System.Collections.Immutable;
using Samskapelse.Localization;

namespace Samskapelse.Planning.Conversation;

/// <summary>
/// The guided conversation's position, kept in conversation state. Stored as JSON by the bot's
/// state store, so a restart or a pause of days resumes exactly here.
/// </summary>
public sealed record PlanningSession
{
    public string? ActivePlanId { get; init; }

    public PlanStep Step { get; init; } = PlanStep.Setup;

    /// <summary>Number of the newest card that asks for input; a submit from any other card is stale.</summary>
    public int CardSequence { get; init; }

    /// <summary>True after "start" until the new plan has a title.</summary>
    public bool AwaitingNewPlan { get; init; }

    /// <summary>True while the owner edits one answer of a finished plan: answering returns to the summary.</summary>
    public bool EditingSingleAnswer { get; init; }

    /// <summary>A plan waiting for "yes" to be deleted.</summary>
    public string? PendingDeletePlanId { get; init; }

    /// <summary>The card whose submit the previous turn took: a second submit of it is a double click.</summary>
    public int? LastAnsweredCard { get; init; }

    /// <summary>Typed text that could be an answer or a command, kept until the user picks one on the card.</summary>
    public string? PendingAnswerOrCommand { get; init; }

    public bool Welcomed { get; init; }

    public bool Paused { get; init; }
}

/// <summary>What the bot keeps about a user across conversations, kept in user state.</summary>
public sealed record PlannerProfile
{
    /// <summary>Set by the language command; otherwise the Teams locale of each message decides.</summary>
    public Language? PreferredLanguage { get; init; }

    public ImmutableList<string> PlanIds { get; init; } = [];

    /// <summary>Channels and group chats where this user has met the bot: where they can share a plan from here.</summary>
    public ImmutableList<KnownChat> TeamChats { get; init; } = [];

    /// <summary>The manager's own maturity self-assessment and reflection (issue 16): private to them, reused by coaching only with their consent.</summary>
    public Samskapelse.Method.SelfAssessment? SelfAssessment { get; init; }
}

/// <summary>A channel or group chat the bot is in, as one user knows it.</summary>
public sealed record KnownChat(string ConversationId, string Title, DateTimeOffset LastSeen);
