using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Documents;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Review;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// The Teams entry point. It only translates: activities in, intents to the planning conversation,
/// replies back out as activities. State is loaded lazily by the accessors and saved once per turn.
/// </summary>
public sealed class SamskapelseBot(
    PlanningConversation conversation,
    PlanningStateAccessors state,
    IPlanStore plans,
    SharedCards sharedCards,
    ConversationTurnLocks turnLocks,
    TimeProvider time,
    PlanLinkIssuer? documents = null,
    AssistantDelivery? assistant = null,
    CoachingDesk? coaching = null,
    Privacy.PrivacyDesk? privacy = null,
    WelcomeClaims? welcomes = null) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        SharedCards.DeferCardUpdates(turnContext);
        using (await turnLocks.EnterAsync(activity.ChannelId + "/" + activity.Conversation?.Id, cancellationToken).ConfigureAwait(false))
        {
            // Coaching (issue 5): remember who this is and how to reach them in the personal chat.
            if (coaching is not null)
            {
                await coaching.RememberAsync(turnContext, cancellationToken).ConfigureAwait(false);
            }

            await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await state.SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }

        // The plan's cards in every chat it is shared to are updated with the lock released (issue 14).
        await sharedCards.RunDeferredCardUpdatesAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var turn = await BeginAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var activity = turnContext.Activity;

        // In channels and group chats Teams delivers "<at>Samskapelse</at> text"; read only the text.
        activity.Text = Mentions.TextWithoutBotMention(activity);

        // Planning is personal: in a channel or group chat the conversation state would be shared by everyone.
        // There the bot shares plans for review, and points to the personal chat for the rest.
        if (activity.Conversation?.ConversationType is "channel" or "groupChat")
        {
            await sharedCards.RememberChatAsync(turnContext, cancellationToken).ConfigureAwait(false);
            var text = activity.Text?.Trim() ?? string.Empty;
            if (SharedCards.IsShareCommand(text))
            {
                await sharedCards.ShareHereAsync(turnContext, text, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (SharedCards.IsCoOwnerCommand(text))
            {
                await sharedCards.AddCoOwnersAsync(turnContext, text, cancellationToken).ConfigureAwait(false);
                return;
            }

            turn.Say("Group_PlanInPersonalChat");
            await EndAsync(turnContext, turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A suggested command's button ("Did you mean 'veiledning Kari'?") is read as that command typed, by whichever feature owns it.
        var commandOnly = false;
        if (activity.Value is not null && IntentReader.ReadSubmit(activity.Value) is MessageInput.Submitted { Intent: { Verb: Verbs.RunCommand } run })
        {
            activity.Text = run.Field(CardData.Text) ?? string.Empty;
            activity.Value = null;
            commandOnly = true;
        }

        // Answers first: while a question is open, typed text is the answer unless it is exactly a command.
        var questionOpen = activity.Value is null && !commandOnly && await PlanningConversation.IsQuestionOpenAsync(turn, cancellationToken).ConfigureAwait(false);

        // Privacy (issue 8): "my data", "delete my data" and "privacy." card submits, before anything reads them as a plan command.
        if (privacy is not null && await privacy.TryHandleAsync(turnContext, turn.Language, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // Coaching (issue 5): coaching commands and "coach." card submits go there before planning; while a question
        // is open, "coaching av ledere" is an answer, and only the bare coaching commands are coaching's.
        if (coaching is not null && await coaching.TryHandleAsync(turnContext, turn.Language, cancellationToken, answersFirst: questionOpen).ConfigureAwait(false))
        {
            return;
        }

        switch (IntentReader.Read(activity))
        {
            case MessageInput.Typed typed:
                await conversation.HandleAsync(turn, conversation.ReadText(typed.Text, turn.Session, questionOpen, commandOnly), cancellationToken).ConfigureAwait(false);
                break;
            case MessageInput.Submitted submitted:
                await conversation.HandleAsync(turn, submitted.Intent, cancellationToken).ConfigureAwait(false);
                break;
            case MessageInput.MalformedSubmit:
                turn.Say("Error_MalformedSubmit");
                await PlanningConversation.ReaskAsync(turn, cancellationToken).ConfigureAwait(false);
                break;
            default:
                turn.Say("Error_NothingToRead");
                break;
        }

        await EndAsync(turnContext, turn, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        sharedCards.OnActionAsync(turnContext, invokeValue, cancellationToken);

    /// <summary>
    /// Handled here rather than in TeamsActivityHandler's dispatch, which looks every added member
    /// up through the connector: a network call per member that the welcome does not need.
    /// </summary>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var added = activity.MembersAdded ?? [];
        if (added.Any(m => m.Id == activity.Recipient?.Id) || (added.Count > 0 && activity.Conversation?.ConversationType == "personal"))
        {
            await WelcomeOnceAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        WelcomeOnceAsync(turnContext, cancellationToken);

    /// <summary>
    /// Teams sends both installationUpdate and conversationUpdate on install, and the emulator sends
    /// them again on every page load: the welcome is shown once per conversation.
    /// </summary>
    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var turn = await BeginAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (turn.Session.Welcomed)
        {
            return;
        }

        turn.Session = turn.Session with { Welcomed = true };
        var activity = turnContext.Activity;
        if (welcomes is not null && !await welcomes.TryClaimAsync(activity.ChannelId, TenantBoundary.TenantOf(activity), activity.Conversation?.Id ?? string.Empty, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            // Another instance welcomed this conversation at the same moment.
            await EndAsync(turnContext, turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (activity.Conversation?.ConversationType is "channel" or "groupChat")
        {
            await sharedCards.RememberChatAsync(turnContext, cancellationToken).ConfigureAwait(false);
            turn.Say("Group_Welcome");
        }
        else
        {
            turn.Show(new WelcomeReply(await turn.ActivePlanAsync(cancellationToken).ConfigureAwait(false)));
        }

        await EndAsync(turnContext, turn, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PlanningTurn> BeginAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var session = await state.Session.GetAsync(turnContext, () => new PlanningSession(), cancellationToken).ConfigureAwait(false);
        var profile = await state.Profile.GetAsync(turnContext, () => new PlannerProfile(), cancellationToken).ConfigureAwait(false);
        var from = turnContext.Activity.From;
        var language = profile.PreferredLanguage ?? Languages.FromLocale(turnContext.Activity.Locale);
        return new PlanningTurn(from?.Id ?? "unknown", from?.Name ?? string.Empty, language, session, profile, plans, time);
    }

    private async Task EndAsync(ITurnContext turnContext, PlanningTurn turn, CancellationToken cancellationToken)
    {
        await state.Session.SetAsync(turnContext, turn.Session, cancellationToken).ConfigureAwait(false);
        await state.Profile.SetAsync(turnContext, turn.Profile, cancellationToken).ConfigureAwait(false);
        foreach (var request in turn.Replies.OfType<ShareRequest>().ToList())
        {
            turn.Show(await sharedCards.ShareIntoAsync(turnContext, request, turn.Language, cancellationToken).ConfigureAwait(false));
        }

        // A plan changed in the personal chat shows the change on its cards in the team chats too.
        foreach (var planId in turn.ChangedPlanIds)
        {
            // Most plans are never shared: the version this turn wrote says so without reading the plan again.
            if (turn.WrittenPlan(planId) is { Review.SharedTo.IsEmpty: true })
            {
                continue;
            }

            if (await plans.FindAsync(planId, cancellationToken).ConfigureAwait(false) is { Review.SharedTo.IsEmpty: false } changed)
            {
                await sharedCards.UpdatePostedCardsAsync(turnContext, changed, cancellationToken).ConfigureAwait(false);
            }
        }

        var links = documents is null ? null : await documents.ForSummariesAsync(turn.Replies, turn.UserId, turn.Language, cancellationToken).ConfigureAwait(false);
        var activities = ReplyRenderer.Render(turn.Replies, turn.Language, links, assistant?.ShowsButtons ?? false);
        if (activities.Count > 0)
        {
            await turnContext.SendActivitiesAsync([.. activities], cancellationToken).ConfigureAwait(false);
        }

        if (assistant is not null)
        {
            await assistant.StartRequestedAsync(turnContext, turn, cancellationToken).ConfigureAwait(false);
        }
    }
}
