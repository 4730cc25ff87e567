namespace Samskapelse.Planning;

/// <summary>Where the guided conversation stands: the setup, then the six guiding questions.</summary>
public enum PlanStep
{
    Setup = 0,
    Goal = 1,
    Partners = 2,
    Mobilisation = 3,
    Collaboration = 4,
    RelatedActivities = 5,
    Alliances = 6,
}

public static class PlanSteps
{
    public const int QuestionCount = 6;

    public static bool IsQuestion(this PlanStep step) => step is >= PlanStep.Goal and <= PlanStep.Alliances;

    public static int Number(this PlanStep step) => (int)step;

    public static bool TryFromNumber(int number, out PlanStep step)
    {
        step = (PlanStep)number;
        return number is >= 0 and <= QuestionCount;
    }

    public static PlanStep? Next(this PlanStep step) => step == PlanStep.Alliances ? null : step + 1;

    public static PlanStep? Previous(this PlanStep step) => step == PlanStep.Setup ? null : step - 1;
}
