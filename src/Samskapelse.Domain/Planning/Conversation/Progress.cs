namespace Samskapelse.Planning.Conversation;

/// <summary>Moves the conversation through the questions; the one place that knows the order.</summary>
internal static class Progress
{
    /// <summary>After an answer: the next question, the summary when done, or back to the summary after an edit.</summary>
    public static async Task AdvanceAsync(PlanningTurn turn, Plan plan, CancellationToken cancellationToken, TextReply? notice = null)
    {
        var next = NextStep(plan, turn.Session.Step);
        if (turn.Session.EditingSingleAnswer || next is null)
        {
            await CompleteAsync(turn, plan, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (next == PlanStep.Collaboration && turn.Session.Step < PlanStep.Mobilisation && plan.Partners.IsEmpty)
        {
            notice = new TextReply("Question_MobilisationSkippedNoPartners");
        }

        turn.Session = turn.Session with { Step = next.Value, Paused = false };
        turn.AskQuestion(plan, notice);
    }

    public static async Task CompleteAsync(PlanningTurn turn, Plan plan, CancellationToken cancellationToken)
    {
        var wasComplete = plan.IsComplete;
        var completed = plan.IsComplete && !plan.CodeOfConduct.IsEmpty
            ? plan
            : await turn.ChangeActivePlanAsync(
                p => p with { IsComplete = true, CodeOfConduct = p.CodeOfConduct.IsEmpty ? CodeOfConductDrafter.Draft(p) : p.CodeOfConduct },
                cancellationToken).ConfigureAwait(false) ?? plan;

        turn.Session = turn.Session with { EditingSingleAnswer = false, Step = PlanStep.Alliances, Paused = false };
        turn.Say(wasComplete ? "Plan_Updated" : "Plan_Completed", completed.Title);
        turn.Show(new SummaryReply(completed));
    }

    /// <summary>Opens a plan where it left off: the first unanswered question, or its summary when complete.</summary>
    public static void Resume(PlanningTurn turn, Plan plan, string noticeKey)
    {
        turn.Session = turn.Session with
        {
            ActivePlanId = plan.Id,
            AwaitingNewPlan = false,
            EditingSingleAnswer = false,
            Paused = false,
            Step = plan.IsComplete ? PlanStep.Alliances : FirstOpenStep(plan),
        };

        if (plan.IsComplete)
        {
            turn.Say(noticeKey, plan.Title);
            turn.Show(new SummaryReply(plan));
        }
        else
        {
            turn.AskQuestion(plan, new TextReply(noticeKey, plan.Title));
        }
    }

    public static PlanStep FirstOpenStep(Plan plan)
    {
        for (var step = PlanStep.Goal; step <= PlanStep.Alliances; step++)
        {
            if (!PlanProgress.IsAnswered(plan, step) && !plan.SkippedQuestions.Contains(step.Number()))
            {
                return step;
            }
        }

        return PlanStep.Alliances;
    }

    private static PlanStep? NextStep(Plan plan, PlanStep step)
    {
        var next = step.Next();
        return next == PlanStep.Mobilisation && plan.Partners.IsEmpty ? PlanStep.Collaboration : next;
    }
}
