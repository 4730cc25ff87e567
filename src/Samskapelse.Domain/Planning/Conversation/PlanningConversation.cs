namespace Samskapelse.Planning.Conversation;

/// <summary>Routes each intent to the one handler registered for its verb.</summary>
public sealed class PlanningConversation
{
    private readonly VerbRegistry<IPlanningHandler> handlers;

    public PlanningConversation(IEnumerable<IPlanningHandler> handlers) =>
        this.handlers = new VerbRegistry<IPlanningHandler>(handlers, h => h.Verb);

    public IEnumerable<string> Verbs => handlers.Verbs;

    /// <summary>Reads typed text as a command, a confirmation, or an answer to the current question.</summary>
    public static Intent ReadText(string text, PlanningSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var command = CommandParser.Parse(text, expectingConfirmation: session.PendingDeletePlanId is not null);
        if (command is not null)
        {
            return command;
        }

        return session.ActivePlanId is not null || session.AwaitingNewPlan
            ? Intent.Of(Conversation.Verbs.TypedAnswer, (CardData.Text, text))
            : Intent.Of(Conversation.Verbs.Unknown, (CardData.Text, text));
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

        // A pending deletion lapses as soon as the user does anything but answer it.
        if (intent.Verb is not (Conversation.Verbs.ConfirmDelete or Conversation.Verbs.CancelDelete))
        {
            turn.Session = turn.Session with { PendingDeletePlanId = null };
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
