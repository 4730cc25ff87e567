using System.Globalization;
using Microsoft.Bot.Builder;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Review;
using Samskapelse.Cards.Privacy;
using Samskapelse.Localization;
using Samskapelse.Planning.Conversation;
using Samskapelse.Review;

namespace Samskapelse.Bot.Privacy;

/// <summary>
/// "my data" and "delete my data" in the personal chat: the export card with its download link, and the
/// deletion after a confirmation on a card. Taken before coaching and planning see the message
/// ("delete my data" would otherwise read as deleting a plan called "my data").
/// </summary>
public sealed class PrivacyDesk(PersonalDataEraser eraser, PersonalDataLinks links, PlanningStateAccessors state, SharedCards sharedCards, TimeProvider time)
{
    /// <summary>How long the confirmation card may be pressed: an old card found days later deletes nothing.</summary>
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(1);

    private enum Request
    {
        Export,
        Delete,
        ConfirmDelete,
        CancelDelete,
    }

    public async Task<bool> TryHandleAsync(ITurnContext turnContext, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        Intent? submitted = null;
        Request? request;
        if (activity.Value is not null)
        {
            if (IntentReader.ReadSubmit(activity.Value) is not MessageInput.Submitted { Intent: var intent } || !intent.Verb.StartsWith(PrivacyVerbs.Prefix, StringComparison.Ordinal))
            {
                return false;
            }

            submitted = intent;
            request = intent.Verb switch
            {
                PrivacyVerbs.ConfirmDelete => Request.ConfirmDelete,
                PrivacyVerbs.CancelDelete => Request.CancelDelete,
                _ => null,
            };
        }
        else
        {
            request = ReadCommand(activity.Text);
        }

        if (request is null)
        {
            return false;
        }

        var reply = request switch
        {
            Request.Export => ReplyRenderer.CardActivity(PrivacyCards.Export(language, links.For(new PersonalDataScope(activity.ChannelId, activity.Conversation.Id, Teams.TenantBoundary.TenantOf(activity)), activity.From.Id, language))),
            Request.Delete => ReplyRenderer.CardActivity(PrivacyCards.ConfirmDelete(language, time.GetUtcNow() + ConfirmationLifetime)),
            Request.CancelDelete => MessageFactory.Text(Texts.Get(language, "Privacy_DeleteCancelled")),
            _ => await DeleteAsync(turnContext, submitted!, language, cancellationToken).ConfigureAwait(false),
        };
        await turnContext.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<Microsoft.Bot.Schema.IActivity> DeleteAsync(ITurnContext turnContext, Intent confirmation, Language language, CancellationToken cancellationToken)
    {
        var expires = long.TryParse(confirmation.Field(PrivacyVerbs.Expires), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
        if (time.GetUtcNow() > expires)
        {
            return MessageFactory.Text(Texts.Format(language, "Privacy_DeleteExpired", Texts.Alternatives(language, "Cmd_DeleteMyData")[0]));
        }

        var from = turnContext.Activity.From;
        var subject = new DataSubject(from.Id, string.IsNullOrWhiteSpace(from.AadObjectId) ? null : from.AadObjectId);
        var result = await eraser.EraseAsync(
            subject,
            plan => sharedCards.ReplacePostedCardsAsync(turnContext, plan, (cardLanguage, _) => PrivacyCards.PlanDeleted(cardLanguage), cancellationToken),
            plan => sharedCards.UpdatePostedCardsAsync(turnContext, plan, cancellationToken),
            cancellationToken,
            Teams.TenantBoundary.TenantOf(turnContext.Activity)).ConfigureAwait(false);

        // Deleted through the accessors, so the end of the turn does not write the cached state back.
        await state.UserState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await state.ConversationState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await eraser.ForgetConversationAsync(new PersonalDataScope(turnContext.Activity.ChannelId, turnContext.Activity.Conversation.Id), from.Id, cancellationToken).ConfigureAwait(false);
        await eraser.PurgeAsync(cancellationToken).ConfigureAwait(false);
        return MessageFactory.Text(Texts.Format(language, "Privacy_Deleted", result.OwnPlans, result.AnonymisedPlans));
    }

    private static Request? ReadCommand(string? text)
    {
        var normalized = string.Join(' ', (text ?? string.Empty).Trim().TrimEnd('.', '!', '?').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (Matches(normalized, "Cmd_DeleteMyData"))
        {
            return Request.Delete;
        }

        return Matches(normalized, "Cmd_MyData") ? Request.Export : null;
    }

    private static bool Matches(string normalized, string key) =>
        Languages.All.SelectMany(l => Texts.Alternatives(l, key)).Any(a => string.Equals(normalized, a, StringComparison.OrdinalIgnoreCase));
}
