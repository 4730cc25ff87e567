namespace Samskapelse.Planning.Conversation.Handlers;

/// <summary>
/// Typed text that could be the answer to the open question or a command ("start Ny plan for eldre" at question 4):
/// nothing changes; the text is kept in the session and the user picks on a card.
/// </summary>
internal sealed class AnswerOrCommandHandler : IPlanningHandler
{
    public string Verb => Verbs.AnswerOrCommand;

    public bool NeedsCurrentCard => false;

    public Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var text = intent.Field(CardData.Text) ?? string.Empty;
        var command = CommandParser.Read(text, expectingConfirmation: false, answersFirst: false);
        var question = turn.Session.ActivePlanId is null ? 0 : turn.Session.Step.Number();
        turn.Session = turn.Session with { PendingAnswerOrCommand = text };
        turn.Show(new AnswerOrCommandReply(text.Trim(), command?.Intent.Field(CardData.Text) ?? string.Empty, question, turn.NextCard()));
        return Task.CompletedTask;
    }
}

/// <summary>The choice on the answer-or-command card: the kept text goes on as an answer or as the command. The card works once.</summary>
internal sealed class ChooseAnswerOrCommandHandler(bool asCommand) : IPlanningHandler
{
    public string Verb => asCommand ? Verbs.ChooseCommand : Verbs.ChooseAnswer;

    public bool NeedsCurrentCard => true;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var pending = turn.Session.PendingAnswerOrCommand;
        turn.Session = turn.Session with { PendingAnswerOrCommand = null };
        var command = pending is null ? null : CommandParser.Read(pending, expectingConfirmation: false, answersFirst: false);
        if (pending is null || (asCommand && command is null))
        {
            turn.Say("Error_StaleCard");
            await PlanningConversation.ReaskAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        turn.FollowUp = asCommand ? command!.Intent : Intent.Of(Verbs.TypedAnswer, (CardData.Text, pending));
    }
}

/// <summary>
/// A suggested command's button. The bot reads its text as a typed command before any feature sees it; this
/// handler only meets it when planning is run on its own, and runs it as a planning command.
/// </summary>
internal sealed class RunCommandHandler : IPlanningHandler
{
    public string Verb => Verbs.RunCommand;

    public bool NeedsCurrentCard => false;

    public Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var text = intent.Field(CardData.Text) ?? string.Empty;
        turn.FollowUp = CommandParser.Parse(text, expectingConfirmation: false) ?? Intent.Of(Verbs.Unknown, (CardData.Text, text));
        return Task.CompletedTask;
    }
}
