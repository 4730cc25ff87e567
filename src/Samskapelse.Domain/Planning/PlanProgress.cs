namespace Samskapelse.Planning;

/// <summary>How far a plan has come: which of the six questions have an answer.</summary>
public static class PlanProgress
{
    public static bool IsAnswered(Plan plan, PlanStep step) => step switch
    {
        PlanStep.Setup => !string.IsNullOrWhiteSpace(plan.Title),
        PlanStep.Goal => !string.IsNullOrWhiteSpace(plan.Goal),
        PlanStep.Partners => !plan.Partners.IsEmpty,
        PlanStep.Mobilisation => !plan.Partners.IsEmpty && plan.Partners.All(p => !string.IsNullOrWhiteSpace(p.Mobilisation)),
        PlanStep.Collaboration => !string.IsNullOrWhiteSpace(plan.Collaboration),
        PlanStep.RelatedActivities => !plan.RelatedActivities.IsEmpty,
        PlanStep.Alliances => !plan.Alliances.IsEmpty,
        _ => false,
    };

    public static int Answered(Plan plan) =>
        Enumerable.Range(1, PlanSteps.QuestionCount).Count(n => IsAnswered(plan, (PlanStep)n));
}
