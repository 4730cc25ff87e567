using System.Collections.Immutable;

namespace Samskapelse.Review;

/// <summary>A Teams user acting on a shared card: the channel id, the Entra object id and the display name.</summary>
public sealed record Actor(string UserId, string? AadObjectId, string Name);

public sealed record Signature(Actor By, DateTimeOffset At);

public enum ReviewTarget
{
    Plan,
    Partner,
    Alliance,
    Principle,
}

public sealed record Comment(string Id, ReviewTarget Target, string? TargetId, string Text, Actor By, DateTimeOffset At);

public enum ProposalKind
{
    Partner,
    Alliance,
    Principle,
}

public enum ProposalStatus
{
    Open,
    Approved,
    Declined,
}

public sealed record Proposal(string Id, ProposalKind Kind, string Text, Actor By, DateTimeOffset At)
{
    public ProposalStatus Status { get; init; } = ProposalStatus.Open;

    public Actor? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }
}

public enum AllianceStatus
{
    Proposed,
    InTalks,
    Agreed,
    Dropped,
}

public sealed record Vote(string AllianceId, Actor By, bool InFavour, DateTimeOffset At);

/// <summary>Which summary a shared card shows.</summary>
public enum SharedCardKind
{
    Plan,
    Partners,
    Alliances,
    CodeOfConduct,
}

/// <summary>A conversation a plan was shared to, and the card posted there (updated in place on every change).</summary>
/// <param name="TenantId">The chat's tenant, under which its reference is kept; null for shares recorded before it was noted.</param>
public sealed record SharedConversation(string ConversationId, string? ActivityId, SharedCardKind Kind, string Language, Actor SharedBy, DateTimeOffset At, string? TenantId = null);

/// <summary>What the team did with a shared plan. Part of the plan document, so one ETag guards it all.</summary>
public sealed record PlanReview
{
    public ImmutableList<string> CoOwnerIds { get; init; } = [];

    public ImmutableList<SharedConversation> SharedTo { get; init; } = [];

    public ImmutableList<Signature> Signatures { get; init; } = [];

    public ImmutableList<Comment> Comments { get; init; } = [];

    public ImmutableList<Proposal> Proposals { get; init; } = [];

    public ImmutableList<Vote> Votes { get; init; } = [];

    public ImmutableDictionary<string, AllianceStatus> AllianceStatuses { get; init; } = ImmutableDictionary<string, AllianceStatus>.Empty;

    /// <summary>Everyone who acted on the plan's shared cards, newest last: who gets a personal view on refresh.</summary>
    public ImmutableList<string> ActiveUserIds { get; init; } = [];
}

/// <summary>Someone who asked the bot to delete their data: their actions on plans stay counted under a neutral marker.</summary>
public static class FormerParticipant
{
    private const string Prefix = "former-participant:";

    /// <summary>A fresh marker, not linked to the person: one per person and plan, so their votes still count once.</summary>
    public static Actor NewMarker() => new(Prefix + Guid.NewGuid().ToString("N"), null, string.Empty);

    public static bool IsMarker(this Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.UserId.StartsWith(Prefix, StringComparison.Ordinal);
    }
}
