using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Assistant;

/// <summary>One request to an assistant: what to suggest, in which language, from which facts of the plan.</summary>
public sealed record AssistantInput(SuggestionKind Kind, Language Language, PlanFacts Plan);

/// <summary>
/// The only plan data an assistant sees (docs/ASSISTANT.md lists every field and why). It carries the
/// answers to the six questions and the plan's setting; never the plan id, the owner's name or id,
/// any Teams id, or anything from configuration. Partner ids are the plan's own short ids (p1, p2…),
/// so suggestions can name a partner without a name lookup.
/// </summary>
public sealed record PlanFacts(
    string Title,
    string? Arena,
    string? Variant,
    string? Phase,
    string? Goal,
    IReadOnlyList<PartnerFacts> Partners,
    string? Collaboration,
    IReadOnlyList<string> RelatedActivities,
    IReadOnlyList<AllianceFacts> Alliances,
    IReadOnlyList<PrincipleFacts> CodeOfConduct,
    IReadOnlyList<string> Pitfalls)
{
    public static PlanFacts From(Plan plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanFacts(
            plan.Title,
            plan.Arena?.ToString(),
            plan.Variant?.ToString(),
            plan.Phase?.ToString(),
            plan.Goal,
            [.. plan.Partners.Select(p => new PartnerFacts(p.Id, p.Name, p.Side.ToString(), p.Kind.ToString(), p.Mobilisation))],
            plan.Collaboration,
            [.. plan.RelatedActivities.Select(a => a.Description)],
            [.. plan.Alliances.Select(a => new AllianceFacts(a.Name, a.PartnerIds, a.Purpose))],
            [.. plan.CodeOfConduct.Select(c => new PrincipleFacts(c.Id, c.Text ?? (c.TemplateKey is null ? string.Empty : Texts.Get(language, c.TemplateKey))))],
            [.. PitfallCheck.Run(plan).Select(p => p.ToString())]);
    }
}

public sealed record PartnerFacts(string Id, string Name, string Side, string Kind, string? Mobilisation);

public sealed record AllianceFacts(string Name, IReadOnlyList<string> PartnerIds, string? Purpose);

public sealed record PrincipleFacts(string Id, string Text);
