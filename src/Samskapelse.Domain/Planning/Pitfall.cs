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
}
