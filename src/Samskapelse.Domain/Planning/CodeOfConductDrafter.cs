using System.Collections.Immutable;

namespace Samskapelse.Planning;

/// <summary>
/// Drafts the code of conduct for interaction with the outside world (the leader's third special role)
/// from the domain's principles and from what the plan says about its partners and alliances.
/// Principles are drafted as template keys so each reader sees them in their own language.
/// </summary>
public static class CodeOfConductDrafter
{
    public const string EqualPartnership = "Principle_EqualPartnership";
    public const string NotOutsourcingOrConsultation = "Principle_NotOutsourcingOrConsultation";
    public const string NotHarnessed = "Principle_NotHarnessed";
    public const string ProfessionalismRespected = "Principle_ProfessionalismRespected";
    public const string Openness = "Principle_Openness";
    public const string SharedOwnership = "Principle_SharedOwnership";
    public const string SafeToRaiseHardThings = "Principle_SafeToRaiseHardThings";
    public const string CitizensAsCoCreators = "Principle_CitizensAsCoCreators";
    public const string BusinessInterestsOpen = "Principle_BusinessInterestsOpen";
    public const string AssociationsAutonomy = "Principle_AssociationsAutonomy";
    public const string PublicBodiesSharedMandate = "Principle_PublicBodiesSharedMandate";
    public const string AlliancesInWriting = "Principle_AlliancesInWriting";
    public const string InvitedFromInitiation = "Principle_InvitedFromInitiation";

    public static IReadOnlyList<string> AllTemplateKeys { get; } =
    [
        EqualPartnership, NotOutsourcingOrConsultation, NotHarnessed, ProfessionalismRespected, Openness,
        SharedOwnership, SafeToRaiseHardThings, CitizensAsCoCreators, BusinessInterestsOpen,
        AssociationsAutonomy, PublicBodiesSharedMandate, AlliancesInWriting, InvitedFromInitiation,
    ];

    /// <summary>
    /// Where each drafted principle comes from: the title (or first line) of the slide in the seed material,
    /// as written on the slide, or null where the slides are silent and the principle is good practice.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> SlideSources { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [EqualPartnership] = "Varianter av samskapelse — et oversikt",
        [NotOutsourcingOrConsultation] = "Hva samskapelse innen offentlig sektor IKKE er",
        [NotHarnessed] = "Hvor kan det gå galt?",
        [ProfessionalismRespected] = "Hvor kan det gå galt?",
        [Openness] = null,
        [SharedOwnership] = "Ledernes særlige rolle",
        [SafeToRaiseHardThings] = "Ledernes særlige rolle",
        [CitizensAsCoCreators] = "Co-creation — begrep fra privat sektor",
        [BusinessInterestsOpen] = null,
        [AssociationsAutonomy] = null,
        [PublicBodiesSharedMandate] = null,
        [AlliancesInWriting] = null,
        [InvitedFromInitiation] = "samskabelse starter dialogen tidligt",
    };

    /// <summary>The principles a plan's partners, alliances and phase call for, beyond those every plan gets.</summary>
    private static readonly (string Key, Func<Plan, bool> Applies)[] Conditional =
    [
        (CitizensAsCoCreators, p => p.Partners.Any(x => x.Kind == PartnerKind.Citizens)),
        (BusinessInterestsOpen, p => p.Partners.Any(x => x.Kind == PartnerKind.Business)),
        (AssociationsAutonomy, p => p.Partners.Any(x => x.Kind == PartnerKind.Association)),
        (PublicBodiesSharedMandate, p => p.Partners.Any(x => x.Kind == PartnerKind.OtherPublicBody)),
        (AlliancesInWriting, p => !p.Alliances.IsEmpty),
        (InvitedFromInitiation, p => p.Phase == Phase.Initiation),
    ];

    public static ImmutableList<Principle> Draft(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var keys = new List<string>
        {
            EqualPartnership,
            NotOutsourcingOrConsultation,
            NotHarnessed,
            ProfessionalismRespected,
            Openness,
            SharedOwnership,
            SafeToRaiseHardThings,
        };

        keys.AddRange(Conditional.Where(c => c.Applies(plan)).Select(c => c.Key));
        return keys.Select((key, index) => new Principle($"c{index + 1}", key, null)).ToImmutableList();
    }

    /// <summary>
    /// Changes to a drafted code of conduct that the plan now calls for: a principle that has come to apply
    /// (a business partner added later) or one drafted for something no longer in the plan. Nothing is changed
    /// until the owner accepts; what the owner wrote or reworded is never suggested away, and a suggestion the
    /// owner ignored, or a principle they removed or reworded, is not suggested again.
    /// </summary>
    public static IReadOnlyList<PrincipleSuggestion> Suggestions(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.CodeOfConduct.IsEmpty)
        {
            // Not drafted yet: the draft itself follows the plan.
            return [];
        }

        var present = plan.CodeOfConduct.Select(p => p.TemplateKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var suggestions = new List<PrincipleSuggestion>();
        foreach (var (key, applies) in Conditional)
        {
            if (applies(plan) && !present.Contains(key) && !plan.PrinciplesSettled.Contains(key) && plan.CodeOfConduct.Count < PlanLimits.Principles)
            {
                suggestions.Add(new PrincipleSuggestion(key, Add: true));
            }
            else if (!applies(plan) && plan.CodeOfConduct.Any(p => p.TemplateKey == key && p.Text is null) && !plan.PrinciplesSettled.Contains(PrincipleSuggestion.KeepPrefix + key))
            {
                suggestions.Add(new PrincipleSuggestion(key, Add: false));
            }
        }

        return suggestions;
    }

    /// <summary>Accepts a suggestion: adds the drafted principle, or removes it. Returns the plan unchanged if it no longer applies.</summary>
    public static Plan Accept(Plan plan, string suggestionId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var suggestion = Suggestions(plan).FirstOrDefault(s => s.Id == suggestionId);
        if (suggestion is null)
        {
            return plan;
        }

        return suggestion.Add
            ? plan with { CodeOfConduct = plan.CodeOfConduct.Add(new Principle(NextId(plan), suggestion.TemplateKey, null)) }
            : plan with { CodeOfConduct = plan.CodeOfConduct.RemoveAll(p => p.TemplateKey == suggestion.TemplateKey && p.Text is null) };
    }

    /// <summary>Ignores a suggestion: it is not made again for this plan.</summary>
    public static Plan Ignore(Plan plan, string suggestionId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var suggestion = Suggestions(plan).FirstOrDefault(s => s.Id == suggestionId);
        return suggestion is null
            ? plan
            : plan with { PrinciplesSettled = plan.PrinciplesSettled.Add(suggestion.Add ? suggestion.TemplateKey : PrincipleSuggestion.KeepPrefix + suggestion.TemplateKey) };
    }

    /// <summary>
    /// After the owner edits the code: every drafted principle that was in it counts as settled, so removing or
    /// rewording one does not bring it back as a suggestion.
    /// </summary>
    public static Plan Settle(Plan before, Plan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after with { PrinciplesSettled = after.PrinciplesSettled.Union(before.CodeOfConduct.Select(p => p.TemplateKey).OfType<string>()) };
    }

    private static string NextId(Plan plan)
    {
        var used = plan.CodeOfConduct.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var n = plan.CodeOfConduct.Count + 1;
        while (used.Contains("c" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            n++;
        }

        return "c" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A change to the code of conduct the plan calls for: add a drafted principle, or remove one.</summary>
public sealed record PrincipleSuggestion(string TemplateKey, bool Add)
{
    /// <summary>Marks, in <see cref="Plan.PrinciplesSettled"/>, a principle the owner chose to keep.</summary>
    public const string KeepPrefix = "keep:";

    public string Id => (Add ? "add:" : "remove:") + TemplateKey;
}
