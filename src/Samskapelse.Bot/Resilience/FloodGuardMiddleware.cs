using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Samskapelse.Localization;

namespace Samskapelse.Bot.Resilience;

/// <summary>
/// Protects the bot from someone who floods it: messages and invokes over a person's allowance in a
/// conversation never reach the bot or the storage. The first one over gets a short "slow down" in the
/// user's language, the rest are ignored until the allowance refills. An invoke always gets an invoke
/// response, as Teams requires: a card action shows the same words under the card.
/// </summary>
public sealed class FloodGuardMiddleware(ConversationRateLimiter limiter, ILogger<FloodGuardMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public const string CardActionInvoke = "adaptiveCard/action";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var verdict = limiter.TryTake(activity.ChannelId + "/" + activity.Conversation?.Id + "/" + activity.From?.Id);
        if (verdict == FloodVerdict.Allowed)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (verdict == FloodVerdict.FirstRefused)
        {
            Log.Flooded(logger, activity.Conversation?.ConversationType, activity.Type);
        }

        var text = Texts.Get(Languages.FromLocale(activity.Locale), "Flood_SlowDown");
        if (activity.Type == ActivityTypes.Invoke)
        {
            await turnContext.SendActivityAsync(InvokeResponses.Message(activity, text), cancellationToken).ConfigureAwait(false);
        }
        else if (verdict == FloodVerdict.FirstRefused)
        {
            await turnContext.SendActivityAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Invoke responses for a turn the bot did not run: the only answer Teams accepts to an invoke.</summary>
internal static class InvokeResponses
{
    /// <summary>
    /// For a card action, 200 with a message Teams shows under the card; any other invoke is told 503,
    /// so the client knows it was not handled.
    /// </summary>
    public static Activity Message(IActivity invoke, string text) => new()
    {
        Type = ActivityTypesEx.InvokeResponse,
        Value = invoke is Activity { Name: FloodGuardMiddleware.CardActionInvoke }
            ? new InvokeResponse { Status = 200, Body = new AdaptiveCardInvokeResponse { StatusCode = 200, Type = "application/vnd.microsoft.activity.message", Value = text } }
            : new InvokeResponse { Status = 503 },
    };
}
