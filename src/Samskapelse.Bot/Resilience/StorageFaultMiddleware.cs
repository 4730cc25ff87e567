using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Samskapelse.Localization;

namespace Samskapelse.Bot.Resilience;

/// <summary>
/// A storage fault in a turn never loses what the user sent. The turn stops, nothing of it is saved,
/// the user is told in their language that their answer is kept, and the answer waits in
/// <see cref="PendingAnswers"/>; writing "retry" runs the turn again with it, against the state as it
/// was. Caught here rather than in the adapter's turn error handler, which resets the conversation's
/// position: the kept answer must land where the user gave it. A card action (invoke) gets an invoke
/// response asking to press again; its inputs are still on the user's card.
/// </summary>
public sealed class StorageFaultMiddleware(PendingAnswers pending, ILogger<StorageFaultMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    private static readonly HashSet<string> RetryWords = new(
        Languages.All.SelectMany(l => Texts.Alternatives(l, "Cmd_Retry")),
        StringComparer.OrdinalIgnoreCase);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var language = Languages.FromLocale(activity.Locale);
        var key = PendingAnswers.KeyOf(activity);
        PendingAnswer? answer = null;
        if (activity.Type == ActivityTypes.Message)
        {
            if (activity.Value is null && RetryWords.Contains(activity.Text?.Trim() ?? string.Empty))
            {
                answer = pending.Take(key);
                if (answer is null)
                {
                    await turnContext.SendActivityAsync(Texts.Get(language, "Storage_NothingToRetry"), cancellationToken: cancellationToken).ConfigureAwait(false);
                    return;
                }

                Log.RetryingKeptAnswer(logger, activity.Conversation?.ConversationType);
                activity.Text = answer.Text;
                activity.Value = answer.Value;
            }
            else
            {
                answer = pending.AnswerIn(activity);
                if (answer is not null && pending.Peek(key)?.Matches(activity) == true)
                {
                    // The user sent the kept answer again themselves: it must not be applied twice.
                    pending.Forget(key);
                }
            }
        }

        try
        {
            await next(cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException exception) when (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke)
        {
            Log.StorageFault(logger, exception.InnerException ?? exception, activity.Conversation?.ConversationType, activity.Type, answer is not null);
            if (activity.Type == ActivityTypes.Invoke)
            {
                await turnContext.SendActivityAsync(InvokeResponses.Message(activity, Texts.Get(language, "Storage_Unavailable_PressAgain")), cancellationToken).ConfigureAwait(false);
                return;
            }

            if (answer is null)
            {
                await turnContext.SendActivityAsync(Texts.Get(language, "Storage_Unavailable"), cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }

            pending.Keep(key, answer);
            await turnContext.SendActivityAsync(Texts.Format(language, "Storage_Unavailable_AnswerKept", Texts.Alternatives(language, "Cmd_Retry")[0]), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
