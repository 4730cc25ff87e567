namespace Samskapelse.Coaching;

/// <summary>
/// The journey, card by card: a self-assessment of each competence, the leader's special role,
/// the maturity ladder, where it can go wrong, then goals and next steps.
/// </summary>
public enum JourneyStep
{
    Competence1 = 1,
    Competence2 = 2,
    Competence3 = 3,
    Competence4 = 4,
    Competence5 = 5,
    Competence6 = 6,
    SpecialRole = 7,
    Maturity = 8,
    Risks = 9,
    Goals = 10,
    Done = 11,
}

public static class JourneySteps
{
    public const int Count = 10;

    /// <summary>
    /// The sittings: short card conversations, one per reminder. A sitting ends at one of these steps;
    /// the manager may go on at once or wait for the next reminder.
    /// </summary>
    private static readonly JourneyStep[] SittingEnds = [JourneyStep.Competence3, JourneyStep.Competence6, JourneyStep.SpecialRole, JourneyStep.Risks, JourneyStep.Goals];

    public static int SittingCount => SittingEnds.Length;

    public static int Number(this JourneyStep step) => (int)step;

    public static bool IsCompetence(this JourneyStep step) => step is >= JourneyStep.Competence1 and <= JourneyStep.Competence6;

    public static Competence AsCompetence(this JourneyStep step) =>
        step.IsCompetence() ? (Competence)(int)step : throw new ArgumentOutOfRangeException(nameof(step), step, "Not a competence step.");

    public static JourneyStep Next(this JourneyStep step) => step == JourneyStep.Done ? JourneyStep.Done : step + 1;

    public static JourneyStep? Previous(this JourneyStep step) => step == JourneyStep.Competence1 ? null : step - 1;

    public static bool EndsSitting(this JourneyStep step) => Array.IndexOf(SittingEnds, step) >= 0;

    /// <summary>The sitting (1-based) a step belongs to.</summary>
    public static int Sitting(this JourneyStep step)
    {
        for (var i = 0; i < SittingEnds.Length; i++)
        {
            if (step <= SittingEnds[i])
            {
                return i + 1;
            }
        }

        return SittingEnds.Length;
    }

    public static bool TryParse(string? text, out JourneyStep step) =>
        Enum.TryParse(text, ignoreCase: false, out step) && Enum.IsDefined(step) && step != JourneyStep.Done;
}

/// <summary>
/// What HR may know about a journey, and nothing more: who, the status, and how far. HR-facing
/// cards are built from this projection only, so no answer can reach them by mistake.
/// </summary>
public sealed record CoachingProgress(string JourneyId, string ManagerName, CoachingProgressStatus Status, int StepNumber, DateOnly StartDate, Rhythm Rhythm, bool SummaryShared)
{
    public static CoachingProgress Of(CoachingJourney journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var status = journey.Status switch
        {
            CoachingStatus.Invited => CoachingProgressStatus.Invited,
            CoachingStatus.AwaitingInstall => CoachingProgressStatus.NotReachedYet,
            CoachingStatus.Declined => CoachingProgressStatus.Declined,
            CoachingStatus.Stopped => CoachingProgressStatus.Stopped,
            CoachingStatus.Completed => CoachingProgressStatus.Completed,

            // A pause is the manager's business: HR sees the journey in progress.
            _ => CoachingProgressStatus.InProgress,
        };
        var step = status is CoachingProgressStatus.InProgress ? Math.Min(journey.Step.Number(), JourneySteps.Count) : 0;
        return new CoachingProgress(journey.Id, journey.Manager.Name, status, step, journey.StartDate, journey.Rhythm, journey.SharedWithHr);
    }
}

public enum CoachingProgressStatus
{
    NotReachedYet,
    Invited,
    InProgress,
    Declined,
    Stopped,
    Completed,
}
