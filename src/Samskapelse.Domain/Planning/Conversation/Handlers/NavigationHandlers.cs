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

/// <summary>
/// A verb that works on the open plan. Without one the user is told how to start or open a plan;
/// a button on a card of another plan first makes that plan the open one.
/// </summary>
internal abstract class ActivePlanHandler : IPlanningHandler
{
    public abstract string Verb { get; }

    public abstract bool NeedsCurrentCard { get; }

    /// <summary>True for verbs on summary cards, which may belong to another plan than the open one.</summary>
    protected virtual bool FollowsCardPlan => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(intent);
        var plan = await Guard.ActivePlanOrHintAsync(turn, cancellationToken, FollowsCardPlan ? intent : null).ConfigureAwait(false);
        if (plan is not null)
        {
            await HandleAsync(turn, plan, intent, cancellationToken).ConfigureAwait(false);
        }
    }

    protected abstract Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken);
}

internal sealed class NextHandler : ActivePlanHandler
{
    public override string Verb => Verbs.Next;

    public override bool NeedsCurrentCard => true;

    protected override async Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        var step = turn.Session.Step;
        var isList = step is PlanStep.Partners or PlanStep.RelatedActivities or PlanStep.Alliances;
        if (!isList && !PlanProgress.IsAnswered(plan, step))
        {
            turn.AskQuestion(plan, new TextReply("Error_NoAnswerYet", CommandParser.Word(turn.Language, Verbs.Skip)));
            return;
        }

        await Progress.AdvanceAsync(turn, plan, cancellationToken).ConfigureAwait(false);
    }
}

internal sealed class BackHandler : ActivePlanHandler
{
    public override string Verb => Verbs.Back;

    public override bool NeedsCurrentCard => true;

    protected override Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        var previous = turn.Session.Step.Previous();
        if (previous == PlanStep.Mobilisation && plan.Partners.IsEmpty)
        {
            previous = PlanStep.Partners;
        }

        if (previous is null)
        {
            turn.AskQuestion(plan, new TextReply("Error_AtFirstStep"));
            return Task.CompletedTask;
        }

        turn.Session = turn.Session with { Step = previous.Value, EditingSingleAnswer = false };
        turn.AskQuestion(plan);

        return Task.CompletedTask;
    }
}

internal sealed class SkipHandler : ActivePlanHandler
{
    public override string Verb => Verbs.Skip;

    public override bool NeedsCurrentCard => true;

    protected override async Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
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

internal sealed class PauseHandler : ActivePlanHandler
{
    public override string Verb => Verbs.Pause;

    public override bool NeedsCurrentCard => false;

    protected override Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        // Raising the card number retires the open question card: a later press on it is answered as stale.
        turn.NextCard();
        turn.Session = turn.Session with { Paused = true };
        turn.Say("Paused", plan.Title, CommandParser.Word(turn.Language, Verbs.Continue));

        return Task.CompletedTask;
    }
}

internal sealed class ContinueHandler : ActivePlanHandler
{
    public override string Verb => Verbs.Continue;

    public override bool NeedsCurrentCard => false;

    protected override Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        turn.Session = turn.Session with { Paused = false };
        if (plan.IsComplete && !turn.Session.EditingSingleAnswer)
        {
            turn.Show(new SummaryReply(plan));
            return Task.CompletedTask;
        }

        turn.AskQuestion(plan, new TextReply("Plan_Resumed", plan.Title));

        return Task.CompletedTask;
    }
}

internal sealed class EditAnswerHandler : ActivePlanHandler
{
    public override string Verb => Verbs.EditAnswer;

    public override bool NeedsCurrentCard => false;

    protected override bool FollowsCardPlan => true;

    protected override Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        var reference = intent.Field(CardData.Step) ?? intent.Field(CardData.Text);
        if (!Answers.TryNumber(reference, out var number) || !PlanSteps.TryFromNumber(number, out var step))
        {
            turn.Say("Edit_Usage", CommandParser.Word(turn.Language, Verbs.EditAnswer));
            return Task.CompletedTask;
        }

        turn.Session = turn.Session with { Step = step, EditingSingleAnswer = plan.IsComplete, Paused = false };
        turn.AskQuestion(plan);

        return Task.CompletedTask;
    }
}
