using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Samskapelse.Bot.Planning;
using Samskapelse.Localization;

namespace Samskapelse.Bot.Hosting;

/// <summary>
/// The CloudAdapter with a turn error handler that logs the exception (never the user's text),
/// tells the user in their language, and resets only the conversation's position: plans are
/// stored apart from it, so nothing the user gave is lost.
/// </summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(BotFrameworkAuthentication authentication, ILogger<AdapterWithErrorHandler> logger, PlanningStateAccessors state)
        : base(authentication, logger)
    {
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

                await state.ConversationState.DeleteAsync(turnContext).ConfigureAwait(false);
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
}
