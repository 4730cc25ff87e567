namespace Samskapelse.Planning;

/// <summary>Advice from the pitfall check; never blocks the plan.</summary>
public enum Pitfall
{
    NoGoal,
    NoPartners,
    NoPartnerAtHome,
    NoPartnerOutside,
    PartnersNotMobilised,
    LooksLikeOutsourcing,
    LooksLikeConsultation,
    NoCollaborationAnswer,
    NoAlliance,
    PartnersMayFeelHarnessed,

    /// <summary>Partners outside are left to carry the task alone: resignation, one of the three things co-creation is not.</summary>
    LooksLikeResignation,

    /// <summary>The only partners outside are other public bodies: no citizens, associations or businesses.</summary>
    OnlyPublicBodiesOutside,

    /// <summary>Variant 4 (equal collaboration) without citizens or associations that have a say.</summary>
    CitizensHaveNoSay,

    /// <summary>SAM-initiering without partners invited to define the goal.</summary>
    GoalNotOpenToPartners,
}
