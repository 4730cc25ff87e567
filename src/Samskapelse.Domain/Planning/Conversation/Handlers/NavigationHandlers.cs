namespace Samskapelse.Planning.Conversation.Handlers;

/// <summary>Shared guard: the navigation verbs need an open plan.</summary>
internal static class Guard
{
    public static async Task<Plan?> ActivePlanOrHintAsync(PlanningTurn turn, CancellationToken cancellationToken, Intent? intent = null)
    {
        // A button on a summary card of another plan makes that plan the active one first.
        if (intent?.PlanId is { } planId && planId != turn.Session.ActivePlanId && turn.Profile.PlanIds.Contains(planId))
        {
            turn.Session = turn.Session with { ActivePlanId = planId, AwaitingNewPlan = false, Step = PlanStep.Setup };
            var switched = await turn.ActivePlanAsync(cancellationToken).ConfigureAwait(false);
            if (switched is not null)
            {
                turn.Session = turn.Session with { Step = switched.IsComplete ? PlanStep.Alliances : Progress.FirstOpenStep(switched) };
            }
        }

        var plan = await turn.ActivePlanAsync(cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            if (turn.Session.AwaitingNewPlan)
            {
                turn.Show(new SetupReply(turn.NextCard(), null, new TextReply("Setup_TitleFirst")));
            }
            else
            {
                turn.Say("NoPlan_Hint");
            }
        }

        return plan;
    }
}

internal sealed class NextHandler : IPlanningHandler
{
    public string Verb => Verbs.Next;

    public bool NeedsCurrentCard => true;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plan = await Guard.ActivePlanOrHintAsync(turn, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        var step = turn.Session.Step;
        var isList = step is PlanStep.Partners or PlanStep.RelatedActivities or PlanStep.Alliances;
        if (!isList && !Progress.IsAnswered(plan, step))
        {
            turn.AskQuestion(plan, new TextReply("Error_NoAnswerYet", CommandParser.Word(turn.Language, Verbs.Skip)));
            return;
        }

        await Progress.AdvanceAsync(turn, plan, cancellationToken).ConfigureAwait(false);
    }
}

internal sealed class BackHandler : IPlanningHandler
{
    public string Verb => Verbs.Back;

    public bool NeedsCurrentCard => true;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plan = await Guard.ActivePlanOrHintAsync(turn, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        var previous = turn.Session.Step.Previous();
        if (previous == PlanStep.Mobilisation && plan.Partners.IsEmpty)
        {
            previous = PlanStep.Partners;
        }

        if (previous is null)
        {
            turn.AskQuestion(plan, new TextReply("Error_AtFirstStep"));
            return;
        }

        turn.Session = turn.Session with { Step = previous.Value, EditingSingleAnswer = false };
        turn.AskQuestion(plan);
    }
}

internal sealed class SkipHandler : IPlanningHandler
{
    public string Verb => Verbs.Skip;

    public bool NeedsCurrentCard => true;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plan = await Guard.ActivePlanOrHintAsync(turn, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        var step = turn.Session.Step;
        if (step == PlanStep.Setup)
        {
            // The title cannot be skipped, but the optional setup choices can: keep the plan as it is.
            await Progress.AdvanceAsync(turn, plan, cancellationToken).ConfigureAwait(false);
            return;
        }

        var updated = await turn.ChangeActivePlanAsync(p => p with { SkippedQuestions = p.SkippedQuestions.Add(step.Number()) }, cancellationToken).ConfigureAwait(false) ?? plan;
        turn.Say("Question_Skipped", step.Number());
        await Progress.AdvanceAsync(turn, updated, cancellationToken).ConfigureAwait(false);
    }
}

internal sealed class PauseHandler : IPlanningHandler
{
    public string Verb => Verbs.Pause;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plan = await Guard.ActivePlanOrHintAsync(turn, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        // Raising the card number retires the open question card: a later press on it is answered as stale.
        turn.NextCard();
        turn.Session = turn.Session with { Paused = true };
        turn.Say("Paused", plan.Title, CommandParser.Word(turn.Language, Verbs.Continue));
    }
}

internal sealed class ContinueHandler : IPlanningHandler
{
    public string Verb => Verbs.Continue;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plan = await Guard.ActivePlanOrHintAsync(turn, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        turn.Session = turn.Session with { Paused = false };
        if (plan.IsComplete && !turn.Session.EditingSingleAnswer)
        {
            turn.Show(new SummaryReply(plan));
            return;
        }

        turn.AskQuestion(plan, new TextReply("Plan_Resumed", plan.Title));
    }
}

internal sealed class EditAnswerHandler : IPlanningHandler
{
    public string Verb => Verbs.EditAnswer;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plan = await Guard.ActivePlanOrHintAsync(turn, cancellationToken, intent).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        var reference = intent.Field(CardData.Step) ?? intent.Field(CardData.Text);
        if (!Answers.TryNumber(reference, out var number) || !PlanSteps.TryFromNumber(number, out var step))
        {
            turn.Say("Edit_Usage", CommandParser.Word(turn.Language, Verbs.EditAnswer));
            return;
        }

        turn.Session = turn.Session with { Step = step, EditingSingleAnswer = plan.IsComplete, Paused = false };
        turn.AskQuestion(plan);
    }
}
