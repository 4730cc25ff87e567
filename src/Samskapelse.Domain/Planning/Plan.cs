using System.Collections.Immutable;

namespace Samskapelse.Planning;

/// <summary>
/// One co-creation initiative and the answers to the six guiding questions of mobilisation leadership.
/// Immutable: every change makes a new plan with a higher <see cref="Version"/>.
/// </summary>
public sealed record Plan
{
    public required string Id { get; init; }

    public required string OwnerId { get; init; }

    public string OwnerName { get; init; } = string.Empty;

    public required string Title { get; init; }

    public WheelArena? Arena { get; init; }

    public CoCreationVariant? Variant { get; init; }

    public Phase? Phase { get; init; }

    /// <summary>Question 1: what do we want to achieve?</summary>
    public string? Goal { get; init; }

    /// <summary>Question 1, optional: which of the four things co-creation can contribute the initiative aims at.</summary>
    public ImmutableList<Contribution> Contributions { get; init; } = [];

    /// <summary>Questions 2 and 3: who can help us, and how each is mobilised.</summary>
    public ImmutableList<Partner> Partners { get; init; } = [];

    /// <summary>Question 4: how we work with them, and get them to work with each other.</summary>
    public string? Collaboration { get; init; }

    /// <summary>Question 5: similar activities elsewhere that we can support.</summary>
    public ImmutableList<RelatedActivity> RelatedActivities { get; init; } = [];

    /// <summary>Question 6: the alliances it would pay to enter.</summary>
    public ImmutableList<Alliance> Alliances { get; init; } = [];

    /// <summary>The code of conduct for interaction with the outside world; empty until drafted.</summary>
    public ImmutableList<Principle> CodeOfConduct { get; init; } = [];

    /// <summary>
    /// Drafted principles the owner has settled: had in the code (then removed or reworded) or chose to ignore
    /// as a suggestion (<c>keep:</c> + key for a removal they declined). They are not suggested again.
    /// </summary>
    public ImmutableHashSet<string> PrinciplesSettled { get; init; } = [];

    /// <summary>The questions the owner chose to skip, so the summary can say "skipped" rather than "missing".</summary>
    public ImmutableHashSet<int> SkippedQuestions { get; init; } = [];

    public bool IsComplete { get; init; }

    /// <summary>Where the initiative stands over time, set by the owner on the follow-up card.</summary>
    public PlanStatus Status { get; init; } = PlanStatus.Planning;

    /// <summary>What happened with each partner and alliance, oldest first, each with its date and author.</summary>
    public ImmutableList<FollowUpEntry> FollowUps { get; init; } = [];

    /// <summary>What the team did with the plan's shared cards: signatures, comments, proposals, votes.</summary>
    public Samskapelse.Review.PlanReview Review { get; init; } = new();

    public int Version { get; init; } = 1;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    // Methods, not properties: a property would be written into every stored plan as a second copy of its partners.
    public IEnumerable<Partner> PartnersOutside() => Partners.Where(p => p.Side == PartnerSide.Outside);

    public IEnumerable<Partner> PartnersAtHome() => Partners.Where(p => p.Side == PartnerSide.AtHome);

    public Partner? FindPartner(string partnerId) => Partners.Find(p => p.Id == partnerId);

    /// <summary>The newest follow-up entries first (entries are kept oldest first), at most <paramref name="count"/>.</summary>
    public IEnumerable<FollowUpEntry> LatestFollowUps(int count) => FollowUps.Reverse().Take(count);

    /// <summary>Marks a change: bumps the version and the time of the change.</summary>
    public Plan Touched(DateTimeOffset now) => this with { Version = Version + 1, UpdatedAt = now };
}

public enum PartnerSide
{
    /// <summary>Citizens, associations, businesses, other public bodies.</summary>
    Outside,

    /// <summary>Inside the organisation: colleagues and other units.</summary>
    AtHome,
}

public enum PartnerKind
{
    Citizens,
    Association,
    Business,
    OtherPublicBody,
    OwnUnit,
}

public sealed record Partner(string Id, string Name, PartnerSide Side, PartnerKind Kind, string? Mobilisation = null)
{
    /// <summary>What the partner brings to the work (optional): co-creation shares knowledge and resources.</summary>
    public ImmutableList<PartnerResource> Resources { get; init; } = [];
}

/// <summary>What a partner may bring: the resources co-creation shares.</summary>
public enum PartnerResource
{
    Knowledge,
    People,
    Premises,
    Money,
    Network,
}

/// <summary>What co-creation can contribute (the slide "Hvad kan samskabelse bidrage med?").</summary>
public enum Contribution
{
    HolisticProblemSolving,
    PublicInnovation,
    ParticipatoryDemocracy,
    CollectiveCapacityToAct,
}

/// <summary>Where an initiative stands over time.</summary>
public enum PlanStatus
{
    Planning,
    UnderWay,
    Evaluated,
}

/// <summary>What a follow-up entry is about: the plan as a whole, one partner or one alliance.</summary>
public enum FollowUpSubject
{
    Plan,
    Partner,
    Alliance,
}

/// <summary>
/// One entry of the plan's follow-up: what happened with a partner or an alliance (or the status set), when, and
/// who wrote it. <see cref="SubjectName"/> keeps the name as it was, so the history reads right after a removal.
/// </summary>
public sealed record FollowUpEntry(string Id, FollowUpSubject Subject, string? SubjectId, string SubjectName, string Text, Samskapelse.Review.Actor By, DateTimeOffset At)
{
    /// <summary>The status the author set with this entry, if they changed it.</summary>
    public PlanStatus? StatusSetTo { get; init; }
}

public sealed record RelatedActivity(string Id, string Description);

public sealed record Alliance(string Id, string Name, ImmutableList<string> PartnerIds, string? Purpose);

/// <summary>
/// A principle of the code of conduct. Drafted principles carry a <see cref="TemplateKey"/> so they
/// follow the reader's language; once the owner rewords one it carries its own <see cref="Text"/>.
/// </summary>
public sealed record Principle(string Id, string? TemplateKey, string? Text);

/// <summary>The four arenas of the co-creation wheel.</summary>
public enum WheelArena
{
    ServiceAndAuthorityWithUsers,
    PolicyWithCitizens,
    ServiceWithVolunteers,
    DevelopmentWithEnthusiasts,
}

/// <summary>The variants of co-creation, from conservative and widespread to radical.</summary>
public enum CoCreationVariant
{
    CoProduction,
    CitizensAsVolunteers,
    CoCreatedProblemSolving,
    EqualCollaboration,
}

public enum Phase
{
    Initiation,
    Design,
    Implementation,
}
