using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Documents;

/// <summary>The plan's words in the reader's language, shared by the map, the Word document and Markdown.</summary>
internal static class PlanWords
{
    public static string T(this Language language, string key, params object?[] args) => Texts.Format(language, key, args);

    public static string First(this Language language, string key) => Texts.Alternatives(language, key)[0];

    public static string Kind(this Language language, PartnerKind kind) => language.First("Kind_" + kind);

    public static string Side(this Language language, PartnerSide side) => language.T("Documents_Side_" + side);

    public static string Arena(this Language language, WheelArena arena) => language.First("Arena_" + arena);

    public static string Variant(this Language language, CoCreationVariant variant) => language.First("Variant_" + variant);

    public static string Phase(this Language language, Phase phase) => language.First("Phase_" + phase);

    public static string Resource(this Language language, PartnerResource resource) => language.T("Resource_" + resource);

    public static string Resources(this Language language, Partner partner) =>
        partner.Resources.IsEmpty ? "–" : string.Join(", ", partner.Resources.Select(r => language.Resource(r)));

    public static string Contributions(this Language language, Plan plan) =>
        string.Join(", ", plan.Contributions.Select(c => language.T("Contribution_" + c)));

    public static string Status(this Language language, PlanStatus status) => language.T("Status_" + status);

    /// <summary>Whether the plan's status is worth a line: once it has moved on from planning, or has been followed up.</summary>
    public static bool ShowsStatus(Plan plan) => plan.Status != PlanStatus.Planning || !plan.FollowUps.IsEmpty;

    public static bool AnyResources(Plan plan) => plan.Partners.Any(p => !p.Resources.IsEmpty);

    /// <summary>What a follow-up entry is about: the name as it was, "Status", or the initiative as a whole.</summary>
    public static string FollowUpAbout(this Language language, FollowUpEntry entry) =>
        entry.StatusSetTo is not null ? language.T("Summary_Status")
        : entry.Subject == FollowUpSubject.Plan ? language.T("FollowUp_AboutPlan")
        : entry.SubjectName;

    public static string FollowUpWhat(this Language language, FollowUpEntry entry) =>
        entry.StatusSetTo is { } status ? language.Status(status) : entry.Text;

    public static string Principle(this Language language, Principle principle) =>
        principle.Text ?? (principle.TemplateKey is null ? string.Empty : Texts.Get(language, principle.TemplateKey));

    /// <summary>The principles a reader sees: the plan's own, or the draft while the owner has not saved any.</summary>
    public static IReadOnlyList<Principle> Principles(Plan plan) =>
        plan.CodeOfConduct.IsEmpty ? CodeOfConductDrafter.Draft(plan) : plan.CodeOfConduct;

    /// <summary>An answer, or the localized "skipped" / "not answered yet".</summary>
    public static string AnswerOrStatus(this Language language, Plan plan, int question, string? answer) =>
        !string.IsNullOrWhiteSpace(answer) ? answer : language.T(plan.SkippedQuestions.Contains(question) ? "Summary_Skipped" : "Summary_NoAnswer");

    public static bool IsAnswered(string? answer) => !string.IsNullOrWhiteSpace(answer);

    public static IReadOnlyList<string> AllianceMembers(Plan plan, Alliance alliance) =>
        alliance.PartnerIds.Select(plan.FindPartner).OfType<Partner>().Select(p => p.Name).ToList();

    public static string MapAltText(this Language language, Plan plan) =>
        language.T("Map_AltText", plan.Title, plan.PartnersAtHome().Count(), plan.PartnersOutside().Count(), plan.Alliances.Count);
}
