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
