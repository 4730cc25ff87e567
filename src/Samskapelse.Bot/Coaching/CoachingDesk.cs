using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Hosting;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Teams;
using Samskapelse.Coaching;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Coaching;

/// <summary>
/// Where the Teams bot hands coaching over: it remembers everyone it meets (for the people list
/// and proactive messages), and takes coaching commands and "coach." card submits before the
/// planning conversation sees them. Messages for others go out proactively after the turn.
/// </summary>
public sealed class CoachingDesk(
    CoachingConversation conversation,
    CoachingStore journeys,
    PeopleDirectory people,
    ProactiveSender sender,
    PlanningStateAccessors state,
    IPlanStore plans,
    IOptions<BotAuthenticationOptions> authentication,
    TimeProvider time,
    ILogger<CoachingDesk> logger)
{
    /// <summary>Stores who sent this activity and how to reach them; delivers an invitation that waited for them.</summary>
    public async Task RememberAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!await people.RememberAsync(turnContext, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // The manager's first personal turn: invitations that waited for the install are shown now.
        var activity = turnContext.Activity;
        var language = Languages.FromLocale(activity.Locale);
        foreach (var journey in await journeys.ForManagerAsync(activity.From.Id, cancellationToken).ConfigureAwait(false))
        {
            if (journey.Status != CoachingStatus.AwaitingInstall)
            {
                continue;
            }

            var invited = await journeys.UpdateAsync(journey.Id, j => j.Status == CoachingStatus.AwaitingInstall ? j with { Status = CoachingStatus.Invited, UpdatedAt = time.GetUtcNow() } : j, cancellationToken).ConfigureAwait(false);
            if (invited is not null)
            {
                await turnContext.SendActivitiesAsync([.. CoachingRenderer.Render([new CoachingInvitationReply(invited)], language, ChatLink())], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Handles the message if it is coaching's: a "coach." card submit or a coaching command. False leaves it to planning.</summary>
    /// <param name="answersFirst">A planning question is open: typed text is coaching's only when it is a coaching command with no argument.</param>
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, Language language, CancellationToken cancellationToken, bool answersFirst = false)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        Intent? intent;
        if (activity.Value is not null)
        {
            if (IntentReader.ReadSubmit(activity.Value) is not MessageInput.Submitted { Intent: var submitted } || !CoachingConversation.IsCoachingVerb(submitted.Verb))
            {
                return false;
            }

            intent = submitted;
        }
        else
        {
            intent = CoachingConversation.ReadCommand(activity.Text ?? string.Empty);
            if (intent is null || (answersFirst && !intent.Fields.IsEmpty))
            {
                return false;
            }
        }

        var from = activity.From;
        var user = new Person(from.Id, from.AadObjectId, from.Name ?? string.Empty);

        // Coaching stays inside the tenant: HR sees, invites and reaches only people of their own tenant.
        var tenantId = TenantBoundary.TenantOf(activity);
        var isHr = await people.IsHrAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var self = await people.FindAsync(tenantId, from.Id, cancellationToken).ConfigureAwait(false);
        var profile = await state.Profile.GetAsync(turnContext, () => new PlannerProfile(), cancellationToken).ConfigureAwait(false);
        var turn = new CoachingTurn(user, language, isHr, self, journeys.In(tenantId), people.In(tenantId), await MyPlansAsync(profile, from.Id, cancellationToken).ConfigureAwait(false), time, profile.SelfAssessment);
        await conversation.HandleAsync(turn, intent, cancellationToken).ConfigureAwait(false);
        Log.Handled(logger, intent.Verb);

        var link = ChatLink();
        var replies = CoachingRenderer.Render(turn.Replies, language, link).ToList();
        foreach (var message in turn.Outgoing)
        {
            var delivered = await sender.SendAsync(tenantId, message.RecipientUserId, reader => CoachingRenderer.Render([message.Reply], reader, link), cancellationToken).ConfigureAwait(false);
            if (!delivered && message.IfUndelivered is { } fallback)
            {
                replies.AddRange(CoachingRenderer.Render([fallback], language, link));
            }
        }

        if (replies.Count > 0)
        {
            await turnContext.SendActivitiesAsync([.. replies], cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<IReadOnlyList<Plan>> MyPlansAsync(PlannerProfile profile, string userId, CancellationToken cancellationToken)
    {
        var found = await plans.FindManyAsync(profile.PlanIds, cancellationToken).ConfigureAwait(false);
        return [.. found.Where(p => p.OwnerId == userId)];
    }

    private string? ChatLink() =>
        string.IsNullOrWhiteSpace(authentication.Value.MicrosoftAppId) ? null : "https://teams.microsoft.com/l/chat/0/0?users=28:" + authentication.Value.MicrosoftAppId;
}
