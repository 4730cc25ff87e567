using System.Collections.Immutable;

namespace Samskapelse.Coaching;

/// <summary>How often the bot reminds the manager of the next sitting.</summary>
public enum Rhythm
{
    Weekly,
    EveryTwoWeeks,
    Monthly,
}

/// <summary>Where a coaching journey stands. Only the manager sees <see cref="Paused"/>: HR sees it as in progress.</summary>
public enum CoachingStatus
{
    /// <summary>The invitation reached the manager; no answer yet.</summary>
    Invited,

    /// <summary>The bot has no way to reach the manager yet: they have not installed or used it.</summary>
    AwaitingInstall,
    Accepted,
    Declined,
    Paused,
    Stopped,
    Completed,
}

/// <summary>The six competences mobilisation leadership takes (DOMAIN.md), the basis of the coaching.</summary>
public enum Competence
{
    MissionKnowledge = 1,
    ContextOverview = 2,
    SocialCapital = 3,
    Communication = 4,
    BridgeBuilding = 5,
    ActingInUncertainty = 6,
}

/// <summary>The five parts of the leader's special role.</summary>
public enum LeaderRole
{
    BroadOwnership = 1,
    OngoingDiscussion = 2,
    CodeOfConduct = 3,
    AdviceWhenHard = 4,
    SupportingFrameworks = 5,
}

/// <summary>Five steps to co-creation: the maturity ladder, from curious to co-creating.</summary>
public enum MaturityStep
{
    Curious = 1,
    Involving = 2,
    Ambitious = 3,
    Mature = 4,
    CoCreating = 5,
}

/// <summary>"Where can it go wrong": the two pitfalls of DOMAIN.md.</summary>
public enum CoachingRisk
{
    PartnersFeelHarnessed = 1,
    StaffFeelThreatened = 2,
}

/// <summary>A person the bot has met: the Teams user id (29:…), the Entra object id and the display name.</summary>
public sealed record Person(string UserId, string? AadObjectId, string Name);

public sealed record CompetenceAnswer(int? Score, string? Reflection);

public sealed record RoleAnswer(bool InPlace, string? Reflection);

/// <summary>
/// The manager's own answers. They belong to the manager: HR never sees them, unless the manager
/// shares a summary; the manager can export or delete them.
/// </summary>
public sealed record JourneyAnswers
{
    public ImmutableDictionary<Competence, CompetenceAnswer> Competences { get; init; } = ImmutableDictionary<Competence, CompetenceAnswer>.Empty;

    public ImmutableDictionary<LeaderRole, RoleAnswer> Roles { get; init; } = ImmutableDictionary<LeaderRole, RoleAnswer>.Empty;

    public MaturityStep? Maturity { get; init; }

    public string? MaturityReflection { get; init; }

    public ImmutableDictionary<CoachingRisk, string> Risks { get; init; } = ImmutableDictionary<CoachingRisk, string>.Empty;

    public string? Goals { get; init; }

    public string? NextSteps { get; init; }

    public bool IsEmpty =>
        Competences.IsEmpty && Roles.IsEmpty && Maturity is null && MaturityReflection is null && Risks.IsEmpty && Goals is null && NextSteps is null;
}

/// <summary>
/// One coaching journey: started by HR for a manager, run by the bot with the manager over days.
/// Stored as its own item with an ETag; reminders are claimed by writing this record, so two
/// instances or a restart cannot send the same reminder twice.
/// </summary>
public sealed record CoachingJourney
{
    public required string Id { get; init; }

    public required Person Hr { get; init; }

    public required Person Manager { get; init; }

    public required DateOnly StartDate { get; init; }

    public Rhythm Rhythm { get; init; } = Rhythm.Weekly;

    /// <summary>HR's note to the manager, shown on the invitation.</summary>
    public string? Note { get; init; }

    /// <summary>The language of the invitation: HR's, until the manager's own turns tell the bot theirs.</summary>
    public string Language { get; init; } = "en";

    public CoachingStatus Status { get; init; } = CoachingStatus.Invited;

    public JourneyStep Step { get; init; } = JourneyStep.Competence1;

    public ImmutableHashSet<JourneyStep> Skipped { get; init; } = [];

    public JourneyAnswers Answers { get; init; } = new();

    /// <summary>When the next reminder is due (UTC); it waits for the manager's working hours. Null: no reminder planned.</summary>
    public DateTimeOffset? NextReminderAt { get; init; }

    /// <summary>How many reminders were sent; part of the claim so a reminder is sent once.</summary>
    public int RemindersSent { get; init; }

    public DateTimeOffset? LastReminderAt { get; init; }

    /// <summary>Failed deliveries of the current reminder; it is tried again until <see cref="CoachingLimits.ReminderAttempts"/>.</summary>
    public int ReminderFailures { get; init; }

    public bool SharedWithHr { get; init; }

    /// <summary>The manager's answer to reusing their own self-assessment: null until asked.</summary>
    public bool? ReusedSelfAssessment { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsOpen => Status is CoachingStatus.Accepted or CoachingStatus.Paused;

    public CoachingJourney Touched(DateTimeOffset now) => this with { UpdatedAt = now };

    /// <summary>
    /// The manager's deletion: every answer, note and reminder goes and the journey ends. What stays is
    /// HR's own record that a journey was started and ended.
    /// </summary>
    public CoachingJourney WithManagersDataDeleted() => this with
    {
        Answers = new JourneyAnswers(),
        Skipped = [],
        Note = null,
        SharedWithHr = false,
        Status = Status is CoachingStatus.Completed or CoachingStatus.Declined ? Status : CoachingStatus.Stopped,
        NextReminderAt = null,
    };
}
