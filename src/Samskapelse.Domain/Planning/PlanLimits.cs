namespace Samskapelse.Planning;

/// <summary>
/// Input limits. They keep every summary card within Teams' message size limit even for a plan
/// filled to the brim (proven by the card size tests).
/// </summary>
public static class PlanLimits
{
    public const int TitleLength = 120;
    public const int AnswerLength = 1500;
    public const int NameLength = 80;
    public const int ItemLength = 300;
    public const int Partners = 40;
    public const int RelatedActivities = 15;
    public const int Alliances = 15;
    public const int PartnersPerAlliance = 10;
    public const int Principles = 15;
    public const int PlansPerUser = 25;

    /// <summary>Follow-up entries a plan keeps: a year and more of follow-ups, and still within the item size the stores take.</summary>
    public const int FollowUps = 100;

    /// <summary>The newest follow-up entries the overview card shows; the Word document shows them all.</summary>
    public const int FollowUpsOnOverview = 5;
}
