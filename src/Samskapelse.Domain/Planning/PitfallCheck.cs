namespace Samskapelse.Planning;

/// <summary>
/// Reads a plan against "what co-creation is not" and "where it can go wrong" in the domain model.
/// The word lists are deliberately small and stem-based across nb, da and en: the check gives
/// advice to think about, it does not judge.
/// </summary>
public static class PitfallCheck
{
    // Stems that suggest handing the task over to be carried out (outsourcing in disguise).
    private static readonly string[] DeliveryStems =
    [
        "utfør", "udfør", "lever", "overta", "overtag", "drift", "ansvar for", "take over", "deliver",
        "carry out", "run the", "be responsible", "do the work", "gjøre jobben", "gøre arbejdet", "stå for",
    ];

    // Stems that suggest only asking for opinions (consultation in disguise).
    private static readonly string[] ConsultationStems =
    [
        "høring", "høre", "mening", "synspunkt", "innspill", "input", "spørreundersøk", "spørgeskema",
        "survey", "opinion", "views", "feedback", "tilbakemeld", "tilbagemeld", "kommentar", "comment",
    ];

    // Stems that suggest a shared, two-way relationship, which outweighs the signals above.
    private static readonly string[] PartnershipStems =
    [
        "sammen", "together", "felles", "fælles", "partner", "likeverd", "ligeværd", "equal", "samarbeid", "samarbejd", "samskap", "samskab", "collaborat",
        "invite to design", "medeier", "medejer", "ownership", "eierskap", "ejerskab",
    ];

    public static IReadOnlyList<Pitfall> Run(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var found = new List<Pitfall>();

        if (string.IsNullOrWhiteSpace(plan.Goal))
        {
            found.Add(Pitfall.NoGoal);
        }

        if (plan.Partners.IsEmpty)
        {
            found.Add(Pitfall.NoPartners);
        }
        else
        {
            if (!plan.PartnersAtHome().Any())
            {
                found.Add(Pitfall.NoPartnerAtHome);
            }

            if (!plan.PartnersOutside().Any())
            {
                found.Add(Pitfall.NoPartnerOutside);
            }

            if (plan.Partners.Any(p => string.IsNullOrWhiteSpace(p.Mobilisation)))
            {
                found.Add(Pitfall.PartnersNotMobilised);
            }

            AddMobilisationPitfalls(plan, found);
        }

        if (string.IsNullOrWhiteSpace(plan.Collaboration))
        {
            found.Add(Pitfall.NoCollaborationAnswer);
        }

        if (plan.Alliances.IsEmpty)
        {
            found.Add(Pitfall.NoAlliance);
        }

        return found;
    }

    private static void AddMobilisationPitfalls(Plan plan, List<Pitfall> found)
    {
        var outside = plan.PartnersOutside().Where(p => !string.IsNullOrWhiteSpace(p.Mobilisation)).ToList();
        if (outside.Count == 0)
        {
            return;
        }

        var delivering = outside.Where(p => Mentions(p.Mobilisation!, DeliveryStems) && !Mentions(p.Mobilisation!, PartnershipStems)).ToList();
        var homeMobilised = plan.PartnersAtHome().Any(p => !string.IsNullOrWhiteSpace(p.Mobilisation));

        // Outsourcing: outside partners are asked to carry the task while nobody at home is engaged in it.
        if (delivering.Count > 0 && !homeMobilised)
        {
            found.Add(Pitfall.LooksLikeOutsourcing);
        }

        // Consultation: every outside partner is only asked for views.
        if (outside.All(p => Mentions(p.Mobilisation!, ConsultationStems) && !Mentions(p.Mobilisation!, PartnershipStems)))
        {
            found.Add(Pitfall.LooksLikeConsultation);
        }

        // Civil society and businesses harnessed to the public wagon: asked to deliver with no say in the goal.
        var civil = delivering.Where(p => p.Kind is PartnerKind.Association or PartnerKind.Business or PartnerKind.Citizens);
        if (civil.Any() && string.IsNullOrWhiteSpace(plan.Collaboration))
        {
            found.Add(Pitfall.PartnersMayFeelHarnessed);
        }
    }

    private static bool Mentions(string text, string[] stems) =>
        stems.Any(stem => text.Contains(stem, StringComparison.OrdinalIgnoreCase));
}
