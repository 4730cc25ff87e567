using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Coaching;

/// <summary>
/// Ties the coaching to the manager's own work: what their plans still lack points at the
/// competence or part of the leader's role that would help.
/// </summary>
public static class CoachingHints
{
    public const int MaxHints = 3;

    public static IReadOnlyList<TextReply> For(JourneyStep step, IReadOnlyList<Plan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var hints = new List<TextReply>();
        if (plans.Count == 0)
        {
            if (step is JourneyStep.Goals)
            {
                hints.Add(new TextReply("CoachHint_NoPlan"));
            }

            return hints;
        }

        foreach (var plan in plans)
        {
            var hint = step switch
            {
                JourneyStep.Competence1 when string.IsNullOrWhiteSpace(plan.Goal) => new TextReply("CoachHint_NoGoal", plan.Title),
                JourneyStep.Competence2 when plan.Partners.IsEmpty => new TextReply("CoachHint_NoPartners", plan.Title),
                JourneyStep.Competence2 when !plan.PartnersAtHome().Any() => new TextReply("CoachHint_NoPartnersAtHome", plan.Title),
                JourneyStep.Competence3 or JourneyStep.Competence5 when plan.Alliances.IsEmpty => new TextReply("CoachHint_NoAlliance", plan.Title),
                JourneyStep.Competence4 when plan.Partners.Any(p => string.IsNullOrWhiteSpace(p.Mobilisation)) => new TextReply("CoachHint_NotMobilised", plan.Title),
                JourneyStep.SpecialRole when plan.CodeOfConduct.IsEmpty => new TextReply("CoachHint_NoCodeOfConduct", plan.Title),
                JourneyStep.SpecialRole when plan.Review.SharedTo.IsEmpty => new TextReply("CoachHint_NotShared", plan.Title),
                JourneyStep.Goals => new TextReply("CoachHint_GoalsForPlan", plan.Title),
                _ => null,
            };
            if (hint is not null)
            {
                hints.Add(hint);
            }
        }

        return hints.Take(MaxHints).ToList();
    }
}
