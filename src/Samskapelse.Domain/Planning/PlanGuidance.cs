namespace Samskapelse.Planning;

/// <summary>
/// What the chosen variant and phase change in the plan's guidance: a one-line hint on the question cards and
/// what the offline assistant adds to invitations. The pitfall check's stricter rules are in
/// <see cref="PitfallCheck.StricterFor"/>, the phase's principle in <see cref="CodeOfConductDrafter"/>.
/// </summary>
public static class PlanGuidance
{
    /// <summary>The questions the variant has a hint for: who (2), how to mobilise (3), how to work together (4).</summary>
    private static readonly int[] VariantQuestions = [2, 3, 4];

    /// <summary>The questions the phase has a hint for: the goal (1) and how to mobilise (3).</summary>
    private static readonly int[] PhaseQuestions = [1, 3];

    /// <summary>Resource keys of the hints for one question, variant first; empty when neither is chosen.</summary>
    public static IReadOnlyList<string> HintKeys(Plan plan, int question)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var keys = new List<string>();
        if (plan.Variant is { } variant && VariantQuestions.Contains(question))
        {
            keys.Add($"Hint_{variant}_{question}");
        }

        if (plan.Phase is { } phase && PhaseQuestions.Contains(question))
        {
            keys.Add($"Hint_{phase}_{question}");
        }

        return keys;
    }

    /// <summary>Every hint key, for the localization tests.</summary>
    public static IEnumerable<string> AllHintKeys =>
        Enum.GetValues<CoCreationVariant>().SelectMany(v => VariantQuestions.Select(q => $"Hint_{v}_{q}"))
            .Concat(Enum.GetValues<Phase>().SelectMany(p => PhaseQuestions.Select(q => $"Hint_{p}_{q}")));

    /// <summary>What the offline assistant adds to an invitation to a partner outside, for the variant and the phase.</summary>
    public static IReadOnlyList<string> MobilisationKeys(CoCreationVariant? variant, Phase? phase) =>
    [
        .. variant is CoCreationVariant.CoCreatedProblemSolving or CoCreationVariant.EqualCollaboration ? [$"AssistOffline_Mobilise_{variant}"] : Array.Empty<string>(),
        .. phase == Phase.Initiation ? [$"AssistOffline_Mobilise_{phase}"] : Array.Empty<string>(),
    ];
}
