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

    public static IReadOnlyList<string> AllTemplateKeys { get; } =
    [
        EqualPartnership, NotOutsourcingOrConsultation, NotHarnessed, ProfessionalismRespected, Openness,
        SharedOwnership, SafeToRaiseHardThings, CitizensAsCoCreators, BusinessInterestsOpen,
        AssociationsAutonomy, PublicBodiesSharedMandate, AlliancesInWriting,
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

        var kinds = plan.Partners.Select(p => p.Kind).ToHashSet();
        AddIf(kinds.Contains(PartnerKind.Citizens), CitizensAsCoCreators);
        AddIf(kinds.Contains(PartnerKind.Business), BusinessInterestsOpen);
        AddIf(kinds.Contains(PartnerKind.Association), AssociationsAutonomy);
        AddIf(kinds.Contains(PartnerKind.OtherPublicBody), PublicBodiesSharedMandate);
        AddIf(!plan.Alliances.IsEmpty, AlliancesInWriting);

        return keys.Select((key, index) => new Principle($"c{index + 1}", key, null)).ToImmutableList();

        void AddIf(bool condition, string key)
        {
            if (condition)
            {
                keys.Add(key);
            }
        }
    }
}
