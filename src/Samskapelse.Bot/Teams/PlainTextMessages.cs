using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// Every text message the bot sends is plain text: Teams renders a message's text as Markdown unless told
/// otherwise, and the bot's messages quote what people wrote (a plan's title, a proposal, a name), which
/// must never become a link or markup. The bot's own texts use no Markdown, so nothing is lost.
/// </summary>
public sealed class PlainTextMessages : Microsoft.Bot.Builder.IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        turnContext.OnSendActivities((context, activities, nextSend) =>
        {
            foreach (var activity in activities)
            {
                MakePlain(activity);
            }

            return nextSend();
        });
        turnContext.OnUpdateActivity((context, activity, nextUpdate) =>
        {
            MakePlain(activity);
            return nextUpdate();
        });
        return next(cancellationToken);
    }

    public static void MakePlain(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.Message && !string.IsNullOrEmpty(activity.Text) && activity.TextFormat is null)
        {
            activity.TextFormat = TextFormatTypes.Plain;
        }
    }
}
