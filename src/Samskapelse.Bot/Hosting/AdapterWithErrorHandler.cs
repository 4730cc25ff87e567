using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Resilience;
using Samskapelse.Localization;

namespace Samskapelse.Bot.Hosting;

/// <summary>
/// The CloudAdapter with a turn error handler that logs the exception (never the user's text),
/// tells the user in their language, and resets only the conversation's position: plans are
/// stored apart from it, so nothing the user gave is lost. It runs the registered middleware (the
/// flood guard, the storage guard) and paces every send and update by Teams' per-thread limits.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    private readonly SendPacer? pacer;

    public AdapterWithErrorHandler(BotFrameworkAuthentication authentication, ILogger<AdapterWithErrorHandler> logger, PlanningStateAccessors state, SendPacer? pacer = null, IEnumerable<Microsoft.Bot.Builder.IMiddleware>? middleware = null)
        : base(authentication, logger)
    {
        this.pacer = pacer;
        foreach (var step in middleware ?? [])
        {
            Use(step);
        }

        OnTurnError = async (turnContext, exception) =>
        {
            Log.TurnFailed(logger, exception, turnContext.Activity.Conversation?.ConversationType, turnContext.Activity.Type);
            var language = Languages.FromLocale(turnContext.Activity.Locale);
            try
            {
                await turnContext.SendActivityAsync(Texts.Get(language, "Error_Generic")).ConfigureAwait(false);
                // Exception details only to the Bot Framework Emulator on a developer's machine, never to a channel.
                if (turnContext.Activity.ChannelId == Channels.Emulator)
                {
                    await turnContext.TraceActivityAsync("OnTurnError Trace", exception.Message, "https://www.botframework.com/schemas/error", "TurnError").ConfigureAwait(false);
                }

                // A storage fault leaves the position as it was: the answer kept for retry must land there.
                if (exception is not StorageUnavailableException)
                {
                    await state.ConversationState.DeleteAsync(turnContext).ConfigureAwait(false);
                }
            }
#pragma warning disable CA1031 // The error handler must never throw: the original failure is already logged.
            catch (Exception secondary)
#pragma warning restore CA1031
            {
                Log.TurnFailed(logger, secondary, turnContext.Activity.Conversation?.ConversationType, "error-handler");
            }
        };
    }

    /// <summary>Runs the turn of an activity that <see cref="Teams.InboundAuthentication"/> has authenticated.</summary>
    public Task<InvokeResponse> ProcessAuthenticatedAsync(AuthenticateRequestResult authentication, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authentication, activity, callback, cancellationToken);

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (pacer is null)
        {
            return await base.SendActivitiesAsync(turnContext, activities, cancellationToken).ConfigureAwait(false);
        }

        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];

            // Invoke responses and delays never leave the process; only what goes to the connector is paced.
            responses[i] = activity.Type is ActivityTypesEx.InvokeResponse or ActivityTypesEx.Delay or ActivityTypes.Trace
                ? (await base.SendActivitiesAsync(turnContext, [activity], cancellationToken).ConfigureAwait(false)).FirstOrDefault()!
                : await pacer.SendAsync(activity.Conversation?.Id, async () => (await base.SendActivitiesAsync(turnContext, [activity], cancellationToken).ConfigureAwait(false)).FirstOrDefault()!, cancellationToken).ConfigureAwait(false);
        }

        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        pacer is null || activity is null
            ? base.UpdateActivityAsync(turnContext, activity, cancellationToken)
            : pacer.SendAsync(activity.Conversation?.Id, () => base.UpdateActivityAsync(turnContext, activity, cancellationToken), cancellationToken);
}
