using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Planning;
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
    TimeProvider time,
    AssistantDelivery? assistant = null) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await state.SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var turn = await BeginAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var activity = turnContext.Activity;

        // In channels and group chats Teams delivers "<at>Samskapelse</at> text"; read only the text.
        activity.RemoveRecipientMention();

        switch (IntentReader.Read(activity))
        {
            case MessageInput.Typed typed:
                await conversation.HandleAsync(turn, PlanningConversation.ReadText(typed.Text, turn.Session), cancellationToken).ConfigureAwait(false);
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
        turn.Show(new WelcomeReply(await turn.ActivePlanAsync(cancellationToken).ConfigureAwait(false)));
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
        var activities = ReplyRenderer.Render(turn.Replies, turn.Language, assistant?.ShowsButtons ?? false);
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
