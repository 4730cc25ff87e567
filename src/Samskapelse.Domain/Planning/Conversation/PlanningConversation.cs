using Samskapelse.Assistant;

namespace Samskapelse.Planning.Conversation;

/// <summary>Routes each intent to the one handler registered for its verb.</summary>
public sealed class PlanningConversation
{
    private readonly VerbRegistry<IPlanningHandler> handlers;

    public PlanningConversation(IEnumerable<IPlanningHandler> handlers) =>
        this.handlers = new VerbRegistry<IPlanningHandler>(handlers, h => h.Verb);

    public IEnumerable<string> Verbs => handlers.Verbs;

    /// <summary>
    /// Reads typed text as a command, a confirmation, or an answer to the open question. While a question is open
    /// (<paramref name="questionOpen"/>) answers come first: the text is a command only when it is exactly one or has
    /// the argument its command takes, and one that could honestly be both is asked about.
    /// </summary>
    /// <param name="commandOnly">The text comes from a suggested command's button: it is a command or nothing.</param>
    public Intent ReadText(string text, PlanningSession session, bool questionOpen, bool commandOnly = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        var answersFirst = questionOpen && !commandOnly;
        if (answersFirst && CommandParser.IsSuggestWord(text) && AssistantVerbs.KindFor(session.Step) is { } kind
            && handlers.TryGet(AssistantVerbs.For(kind), out _))
        {
            return Intent.Of(AssistantVerbs.For(kind));
        }

        var reading = CommandParser.Read(text, expectingConfirmation: session.PendingDeletePlanId is not null, answersFirst);
        if (reading is not null)
        {
            return reading.Ambiguous ? Intent.Of(Conversation.Verbs.AnswerOrCommand, (CardData.Text, text)) : reading.Intent;
        }

        return !commandOnly && (session.ActivePlanId is not null || session.AwaitingNewPlan)
            ? Intent.Of(Conversation.Verbs.TypedAnswer, (CardData.Text, text))
            : Intent.Of(Conversation.Verbs.Unknown, (CardData.Text, text));
    }

    /// <summary>
    /// True when a question waits for its answer: the new plan's title, or a question of an unfinished plan (or of one
    /// being edited). A paused plan's question is not open: its card was retired, and commands come first again.
    /// </summary>
    public static async Task<bool> IsQuestionOpenAsync(PlanningTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Session.Paused)
        {
            return false;
        }

        if (turn.Session.ActivePlanId is null)
        {
            return turn.Session.AwaitingNewPlan;
        }

        var plan = await turn.ActivePlanAsync(cancellationToken).ConfigureAwait(false);
        return plan is not null && (!plan.IsComplete || turn.Session.EditingSingleAnswer);
    }

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(intent);

        if (!handlers.TryGet(intent.Verb, out var handler))
        {
            turn.Say("Error_UnknownAction");
            await ReaskAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A pending deletion lapses as soon as the user does anything but answer it; so does a pending answer-or-command choice.
        if (intent.Verb is not (Conversation.Verbs.ConfirmDelete or Conversation.Verbs.CancelDelete))
        {
            turn.Session = turn.Session with { PendingDeletePlanId = null };
        }

        if (intent.Verb is not (Conversation.Verbs.ChooseAnswer or Conversation.Verbs.ChooseCommand))
        {
            turn.Session = turn.Session with { PendingAnswerOrCommand = null };
        }

        if (handler.NeedsCurrentCard && intent.FromCard && IsStale(turn.Session, intent))
        {
            // A double click sends the card just answered once more: its answer is in, say nothing.
            if (intent.CardSequence == turn.Session.LastAnsweredCard)
            {
                return;
            }

            turn.Say("Error_StaleCard");
            await ReaskAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        await handler.HandleAsync(turn, intent, cancellationToken).ConfigureAwait(false);
        if (handler.NeedsCurrentCard && intent.FromCard)
        {
            turn.Session = turn.Session with { LastAnsweredCard = intent.CardSequence };
        }

        if (turn.FollowUp is { } next)
        {
            turn.FollowUp = null;
            await HandleAsync(turn, next, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Shows the question the conversation stands at, so a refused input is never a dead end.</summary>
    public static async Task ReaskAsync(PlanningTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var plan = await turn.ActivePlanAsync(cancellationToken).ConfigureAwait(false);
        if (plan is not null)
        {
            if (plan.IsComplete && !turn.Session.EditingSingleAnswer)
            {
                turn.Say("Plan_CompleteHint", plan.Title);
                return;
            }

            turn.AskQuestion(plan);
        }
        else if (turn.Session.AwaitingNewPlan)
        {
            turn.Show(new SetupReply(turn.NextCard(), null));
        }
        else
        {
            turn.Say("NoPlan_Hint");
        }
    }

    private static bool IsStale(PlanningSession session, Intent intent) =>
        intent.CardSequence != session.CardSequence
        || (intent.PlanId is not null && intent.PlanId != session.ActivePlanId);
}
