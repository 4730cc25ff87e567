using System.Collections.Immutable;
using System.Globalization;
using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Assistant;

/// <summary>
/// The built-in assistant: deterministic suggestions from the domain model (partner kinds per arena
/// of the co-creation wheel, invitations per partner kind, the code-of-conduct principles, the pitfall
/// rules), in the user's language, with no network. The embedded default, and the stand-in whenever
/// the cloud assistant fails.
/// </summary>
public sealed class OfflineAssistant : IPlanningAssistant
{
    public const int MaxSuggestions = 6;

    private static readonly WheelArena?[] Everywhere = [null, .. Enum.GetValues<WheelArena>().Cast<WheelArena?>()];

    // Partner archetypes: which arenas they fit (null: a plan with no arena), their kind and side.
    private static readonly (string Code, PartnerKind Kind, PartnerSide Side, WheelArena?[] Arenas)[] PartnerArchetypes =
    [
        ("UsersAndRelatives", PartnerKind.Citizens, PartnerSide.Outside, [WheelArena.ServiceAndAuthorityWithUsers]),
        ("UserOrganisation", PartnerKind.Association, PartnerSide.Outside, [WheelArena.ServiceAndAuthorityWithUsers]),
        ("FrontLineStaff", PartnerKind.OwnUnit, PartnerSide.AtHome, [WheelArena.ServiceAndAuthorityWithUsers]),
        ("AffectedResidents", PartnerKind.Citizens, PartnerSide.Outside, [WheelArena.PolicyWithCitizens, null]),
        ("ResidentsAssociation", PartnerKind.Association, PartnerSide.Outside, [WheelArena.PolicyWithCitizens]),
        ("YouthAndElderlyCouncils", PartnerKind.OtherPublicBody, PartnerSide.Outside, [WheelArena.PolicyWithCitizens]),
        ("VolunteerCentre", PartnerKind.Association, PartnerSide.Outside, [WheelArena.ServiceWithVolunteers]),
        ("ClubsAndCulture", PartnerKind.Association, PartnerSide.Outside, [WheelArena.ServiceWithVolunteers, WheelArena.DevelopmentWithEnthusiasts]),
        ("LocalBusinesses", PartnerKind.Business, PartnerSide.Outside, [WheelArena.ServiceWithVolunteers, WheelArena.PolicyWithCitizens, WheelArena.DevelopmentWithEnthusiasts]),
        ("LocalEnthusiasts", PartnerKind.Citizens, PartnerSide.Outside, [WheelArena.DevelopmentWithEnthusiasts]),
        ("SchoolsAndColleges", PartnerKind.OtherPublicBody, PartnerSide.Outside, [WheelArena.DevelopmentWithEnthusiasts, null]),
        ("SamePurposeAssociations", PartnerKind.Association, PartnerSide.Outside, [null]),
        ("NeighbouringUnit", PartnerKind.OwnUnit, PartnerSide.AtHome, Everywhere),
        ("VolunteerCoordinator", PartnerKind.OwnUnit, PartnerSide.AtHome, Everywhere),
    ];

    private static readonly string[] ActivityKeys =
        ["AssistOffline_Activity_PartnersAlready", "AssistOffline_Activity_Neighbours", "AssistOffline_Activity_Calendars", "AssistOffline_Activity_WhereTheyMeet"];

    public AssistantSource Source => AssistantSource.Offline;

    /// <summary>All partner archetype codes, for the localization tests.</summary>
    public static IEnumerable<string> PartnerCodes => PartnerArchetypes.Select(a => a.Code);

    public static IEnumerable<string> ActivityResourceKeys => ActivityKeys;

    public Task<AssistantAnswer> SuggestAsync(AssistantInput input, CancellationToken cancellationToken) =>
        Task.FromResult(new AssistantAnswer(Suggest(input), 0));

    public static IReadOnlyList<Suggestion> Suggest(AssistantInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var language = input.Language;
        var plan = input.Plan;
        var suggestions = input.Kind switch
        {
            SuggestionKind.Partners => Partners(language, plan),
            SuggestionKind.Mobilisation => Mobilisation(language, plan),
            SuggestionKind.Activities => Activities(language, plan),
            SuggestionKind.Alliances => Alliances(language, plan),
            SuggestionKind.CodeOfConduct => CodeOfConduct(language, plan),
            SuggestionKind.Summary => Summary(language, plan),
            _ => Pitfalls(language, plan),
        };
        // Mobilisation may take the rest after these are handled: the next press suggests for the partners still open.
        return [.. suggestions.Take(input.Kind == SuggestionKind.Mobilisation ? AssistantService.MaxSuggestions : MaxSuggestions)];
    }

    private static IEnumerable<Suggestion> Partners(Language language, PlanFacts plan)
    {
        var arena = Enum.TryParse<WheelArena>(plan.Arena, out var parsed) ? parsed : (WheelArena?)null;
        var taken = plan.Partners.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hasHome = plan.Partners.Any(p => p.Side == nameof(PartnerSide.AtHome));
        var fitting = PartnerArchetypes.Where(a => a.Arenas.Contains(arena));

        // A plan with nobody at home hears about colleagues first: leaving them out is a pitfall of its own.
        var ordered = hasHome ? fitting.OrderBy(a => a.Side == PartnerSide.AtHome) : fitting.OrderBy(a => a.Side != PartnerSide.AtHome);
        foreach (var archetype in ordered)
        {
            var parts = Texts.Alternatives(language, "AssistOffline_Partner_" + archetype.Code);
            if (taken.Contains(parts[0]))
            {
                continue;
            }

            yield return New(SuggestionKind.Partners, parts[0]) with { Detail = parts.Count > 1 ? parts[1] : null, Side = archetype.Side, PartnerKind = archetype.Kind };
        }
    }

    private static IEnumerable<Suggestion> Mobilisation(Language language, PlanFacts plan)
    {
        var open = plan.Partners.Where(p => string.IsNullOrWhiteSpace(p.Mobilisation)).ToList();
        var partners = open.Count > 0 ? open : plan.Partners;

        // The variant and the phase add what they ask of an invitation to partners outside.
        var extra = PlanGuidance.MobilisationKeys(
            Enum.TryParse<CoCreationVariant>(plan.Variant, out var variant) ? variant : null,
            Enum.TryParse<Phase>(plan.Phase, out var phase) ? phase : null).Select(key => " " + Texts.Get(language, key));
        var outsideExtra = string.Concat(extra);
        foreach (var partner in partners)
        {
            var kind = Enum.TryParse<PartnerKind>(partner.Kind, out var k) ? k : PartnerKind.Association;
            var text = Texts.Format(language, "AssistOffline_Mobilise_" + kind, partner.Name) + (partner.Side == nameof(PartnerSide.Outside) ? outsideExtra : string.Empty);
            yield return New(SuggestionKind.Mobilisation, text) with { TargetId = partner.Id, Detail = partner.Name };
        }
    }

    private static IEnumerable<Suggestion> Activities(Language language, PlanFacts plan)
    {
        var taken = plan.RelatedActivities.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ActivityKeys.Select(key => Texts.Get(language, key)).Where(text => !taken.Contains(text)).Select(text => New(SuggestionKind.Activities, text));
    }

    private static IEnumerable<Suggestion> Alliances(Language language, PlanFacts plan)
    {
        var taken = plan.Alliances.Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidates = new List<Suggestion>();
        if (plan.Partners.Count >= 2)
        {
            candidates.Add(Alliance(language, "AssistOffline_Alliance_Mission", plan.Partners.Select(p => p.Id), plan.Title));
        }

        var civil = plan.Partners.Where(p => p.Kind is nameof(PartnerKind.Association) or nameof(PartnerKind.Citizens)).ToList();
        var home = plan.Partners.Where(p => p.Side == nameof(PartnerSide.AtHome)).ToList();
        if (civil.Count > 0 && home.Count > 0)
        {
            candidates.Add(Alliance(language, "AssistOffline_Alliance_CivilSociety", civil.Concat(home).Select(p => p.Id)));
        }

        var business = plan.Partners.Where(p => p.Kind == nameof(PartnerKind.Business)).ToList();
        if (business.Count > 0)
        {
            candidates.Add(Alliance(language, "AssistOffline_Alliance_Business", business.Concat(home).Select(p => p.Id)));
        }

        candidates.Add(Alliance(language, "AssistOffline_Alliance_Network", []));
        return candidates.Where(c => !taken.Contains(c.Text));
    }

    private static Suggestion Alliance(Language language, string key, IEnumerable<string> partnerIds, params object[] args)
    {
        var parts = Texts.Format(language, key, args).Split('|', StringSplitOptions.TrimEntries);
        return New(SuggestionKind.Alliances, parts[0]) with { Detail = parts.Length > 1 ? parts[1] : null, PartnerIds = [.. partnerIds.Take(12)] };
    }

    private static IEnumerable<Suggestion> CodeOfConduct(Language language, PlanFacts plan)
    {
        // The drafter works on a plan; only the partner kinds and whether there are alliances matter to it.
        var shape = new Plan
        {
            Id = "offline",
            OwnerId = "offline",
            Title = plan.Title,
            Phase = Enum.TryParse<Phase>(plan.Phase, out var phase) ? phase : null,
            Partners = [.. plan.Partners.Select(p => new Partner(p.Id, p.Name, Enum.Parse<PartnerSide>(p.Side), Enum.Parse<PartnerKind>(p.Kind)))],
            Alliances = [.. plan.Alliances.Select((a, i) => new Alliance("l" + (i + 1).ToString(CultureInfo.InvariantCulture), a.Name, [.. a.PartnerIds], a.Purpose))],
        };
        var present = plan.CodeOfConduct.Select(c => c.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // The principles this plan's partners call for come before the ones every plan gets.
        var general = CodeOfConductDrafter.Draft(new Plan { Id = "offline", OwnerId = "offline", Title = plan.Title }).Select(p => p.TemplateKey).ToHashSet();
        return CodeOfConductDrafter.Draft(shape)
            .OrderBy(p => general.Contains(p.TemplateKey))
            .Select(p => Texts.Get(language, p.TemplateKey!))
            .Where(text => !present.Contains(text))
            .Select(text => New(SuggestionKind.CodeOfConduct, text));
    }

    private static IEnumerable<Suggestion> Summary(Language language, PlanFacts plan)
    {
        var lines = new List<string> { Texts.Format(language, "AssistOffline_Summary_Goal", plan.Title, Or(language, plan.Goal)) };
        var outside = plan.Partners.Where(p => p.Side == nameof(PartnerSide.Outside)).Select(p => p.Name).ToList();
        var home = plan.Partners.Where(p => p.Side == nameof(PartnerSide.AtHome)).Select(p => p.Name).ToList();
        lines.Add(Texts.Format(language, "AssistOffline_Summary_Partners", List(language, outside), List(language, home)));
        if (!string.IsNullOrWhiteSpace(plan.Collaboration))
        {
            lines.Add(Texts.Format(language, "AssistOffline_Summary_Collaboration", plan.Collaboration));
        }

        if (plan.RelatedActivities.Count > 0)
        {
            lines.Add(Texts.Format(language, "AssistOffline_Summary_Activities", string.Join("; ", plan.RelatedActivities)));
        }

        if (plan.Alliances.Count > 0)
        {
            lines.Add(Texts.Format(language, "AssistOffline_Summary_Alliances", string.Join("; ", plan.Alliances.Select(a => a.Name))));
        }

        lines.Add(Texts.Get(language, plan.Pitfalls.Count == 0 ? "AssistOffline_Summary_NoPitfalls" : "AssistOffline_Summary_Pitfalls"));
        yield return New(SuggestionKind.Summary, string.Join("\n", lines));
    }

    private static IEnumerable<Suggestion> Pitfalls(Language language, PlanFacts plan)
    {
        if (plan.Pitfalls.Count == 0)
        {
            yield return New(SuggestionKind.Pitfalls, Texts.Get(language, "AssistOffline_Explain_None"));
            yield break;
        }

        // Whom to talk with follows the rule that found the pitfall: civil society, businesses and citizens for
        // harnessing and outsourcing; everyone outside for resignation and the goal; citizens and associations for a say.
        var outside = plan.Partners.Where(p => p.Side == nameof(PartnerSide.Outside)).ToList();
        var civil = outside.Where(p => p.Kind is nameof(PartnerKind.Association) or nameof(PartnerKind.Business) or nameof(PartnerKind.Citizens)).Select(p => p.Name).ToList();
        var citizens = outside.Where(p => p.Kind is nameof(PartnerKind.Association) or nameof(PartnerKind.Citizens)).Select(p => p.Name).ToList();
        foreach (var pitfall in plan.Pitfalls)
        {
            var text = Texts.Get(language, "AssistOffline_Explain_" + pitfall);
            List<string> whom = pitfall switch
            {
                nameof(Pitfall.PartnersMayFeelHarnessed) or nameof(Pitfall.LooksLikeOutsourcing) => civil,
                nameof(Pitfall.LooksLikeResignation) or nameof(Pitfall.GoalNotOpenToPartners) => [.. outside.Select(p => p.Name)],
                nameof(Pitfall.CitizensHaveNoSay) => citizens,
                _ => [],
            };
            if (whom.Count > 0)
            {
                text += " " + Texts.Format(language, "AssistOffline_Explain_Whom", string.Join(", ", whom));
            }

            yield return New(SuggestionKind.Pitfalls, text) with { TargetId = pitfall };
        }
    }

    private static string Or(Language language, string? text) => string.IsNullOrWhiteSpace(text) ? Texts.Get(language, "Summary_NoAnswer") : text.Trim().TrimEnd('.');

    private static string List(Language language, List<string> names) => names.Count == 0 ? Texts.Get(language, "AssistOffline_Summary_Nobody") : string.Join(", ", names);

    private static Suggestion New(SuggestionKind kind, string text) => new() { Id = string.Empty, Kind = kind, Text = text };
}
