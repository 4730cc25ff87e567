using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Hosting;
using Samskapelse.Bot.Planning;
using Samskapelse.Cards.Model;
using Samskapelse.Cards.Review;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Review;

namespace Samskapelse.Bot.Review;

/// <summary>
/// Plans shared into channels and group chats: posting the review card on "@Samskapelse share",
/// and answering the Universal Actions on it with the viewer's current card, while updating the
/// posted card in place so everyone who does not refresh sees the change too.
/// </summary>
public sealed partial class SharedCards(
    IStorage storage,
    IPlanStore plans,
    ReviewActions actions,
    PlanningStateAccessors state,
    TimeProvider time,
    IOptions<BotAuthenticationOptions> authentication,
    ILogger<SharedCards> logger,
    Documents.PlanLinkIssuer? documents = null)
{
    public const string InvokeCardType = "application/vnd.microsoft.card.adaptive";
    public const string InvokeMessageType = "application/vnd.microsoft.activity.message";

    private const string NotSharedHere = "Review_NotSharedHere";

    // The plans whose posted cards are being updated in this process, and whether another pass is wanted.
    private static readonly Dictionary<string, bool> Running = new(StringComparer.Ordinal);
    private static readonly Lock RunningGate = new();

    public static bool IsShareCommand(string text) =>
        Languages.All.SelectMany(l => Texts.Alternatives(l, "Cmd_Share"))
            .Any(word => text.Equals(word, StringComparison.OrdinalIgnoreCase) || text.StartsWith(word + " ", StringComparison.OrdinalIgnoreCase));

    public static bool IsCoOwnerCommand(string text) =>
        Languages.All.SelectMany(l => Texts.Alternatives(l, "Cmd_CoOwner"))
            .Any(word => text.Equals(word, StringComparison.OrdinalIgnoreCase) || text.StartsWith(word + " ", StringComparison.OrdinalIgnoreCase));

    /// <summary>"co-owner @Anna @Bo [plan]": the owner names people who may change the plan shared here.</summary>
    public async Task AddCoOwnersAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(text);
        var activity = turnContext.Activity;
        var language = Languages.FromLocale(activity.Locale);
        var people = activity.GetMentions().Select(m => m.Mentioned).Where(m => m is not null && m.Id != activity.Recipient.Id && m.Id != activity.From.Id).DistinctBy(m => m.Id).ToList();
        if (people.Count == 0)
        {
            await turnContext.SendActivityAsync(Texts.Get(language, "CoOwner_Usage"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var profile = await state.Profile.GetAsync(turnContext, () => new PlannerProfile(), cancellationToken).ConfigureAwait(false);
        var sharedHere = (await plans.FindManyAsync(profile.PlanIds, cancellationToken).ConfigureAwait(false))
            .Where(p => p.OwnerId == activity.From.Id && p.Review.SharedTo.Any(s => s.ConversationId == activity.Conversation.Id))
            .ToList();
        if (sharedHere.Count == 0)
        {
            await turnContext.SendActivityAsync(Texts.Get(language, "CoOwner_NoSharedPlan"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        // With several plans shared here, the newest share is meant unless a title follows the mentions.
        var words = text.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var rest = words.Length > 1 ? MentionTags().Replace(words[1], string.Empty).Trim() : string.Empty;
        var plan = PlanLookup.Find(sharedHere, rest) ?? sharedHere.OrderByDescending(p => p.Review.SharedTo.Max(s => s.At)).First();
        var ids = people.Select(p => p.Id).ToList();
        var updated = await plans.UpdateAsync(plan.Id, p => (p with { Review = p.Review with { CoOwnerIds = [.. p.Review.CoOwnerIds.Union(ids)] } }).Touched(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (updated is not null)
        {
            await UpdatePostedCardsAsync(turnContext, updated, cancellationToken).ConfigureAwait(false);
        }

        await turnContext.SendActivityAsync(Texts.Format(language, "CoOwner_Added", string.Join(", ", people.Select(p => p.Name)), plan.Title, activity.From.Name), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The conversation reference of a channel or group chat, kept so a plan can be shared into it later.</summary>
    public sealed class ChatReference : IStoreItem
    {
        public required ConversationReference Reference { get; init; }

        public string? ETag { get; set; }
    }

    /// <summary>A chat's reference as written before the tenant went into the keys (and for activities that name no tenant).</summary>
    public static string ChatKey(string conversationId) => "chats/" + conversationId;

    /// <summary>A chat's reference in its tenant: <c>chats/{tenantId}/{conversationId}</c>.</summary>
    public static string ChatKey(string? tenantId, string conversationId) => tenantId is null ? ChatKey(conversationId) : "chats/" + tenantId + "/" + conversationId;

    /// <summary>A chat's stored reference in the tenant, or under its key from before the tenant went in.</summary>
    private async Task<ConversationReference?> ReadChatAsync(string? tenantId, string conversationId, CancellationToken cancellationToken)
    {
        string[] keys = tenantId is null ? [ChatKey(conversationId)] : [ChatKey(tenantId, conversationId), ChatKey(conversationId)];
        var stored = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            // An old entry counts only when it does not name another tenant.
            if (stored.TryGetValue(key, out var value) && Storage.StorageJson.As<ChatReference>(value)?.Reference is { } reference
                && (key == keys[0] || Teams.TenantBoundary.TenantOf(new Activity { Conversation = reference.Conversation }) is not { } other || other == tenantId))
            {
                return reference;
            }
        }

        return null;
    }

    /// <summary>In a channel or group chat: keep its reference, and remember it among the sender's team chats.</summary>
    public async Task RememberChatAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var reference = activity.GetConversationReference();

        // The reference names who wrote: that person's index learns the chat first (Storage/PersonIndex).
        var chatKey = ChatKey(Teams.TenantBoundary.TenantOf(activity), activity.Conversation.Id);
        await new Storage.PersonIndex(storage).AddChatAsync(activity.From.Id, chatKey, cancellationToken).ConfigureAwait(false);
        await storage.WriteAsync(new Dictionary<string, object> { [chatKey] = new ChatReference { Reference = reference, ETag = "*" } }, cancellationToken).ConfigureAwait(false);

        var language = Languages.FromLocale(activity.Locale);
        var title = activity.Conversation.Name
            ?? activity.GetChannelData<Microsoft.Bot.Schema.Teams.TeamsChannelData>()?.Channel?.Name
            ?? Texts.Get(language, activity.Conversation.ConversationType == "channel" ? "Chat_Channel" : "Chat_GroupChat");
        var profile = await state.Profile.GetAsync(turnContext, () => new PlannerProfile(), cancellationToken).ConfigureAwait(false);
        var chats = profile.TeamChats.RemoveAll(c => c.ConversationId == activity.Conversation.Id).Add(new KnownChat(activity.Conversation.Id, title, time.GetUtcNow()));
        await state.Profile.SetAsync(turnContext, profile with { TeamChats = chats.Count > 20 ? chats.RemoveAt(0) : chats }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>From the personal chat: posts a plan's card into a team chat the owner picked, as a proactive message.</summary>
    public async Task<TextReply> ShareIntoAsync(ITurnContext turnContext, ShareRequest request, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(request);
        var profile = await state.Profile.GetAsync(turnContext, () => new PlannerProfile(), cancellationToken).ConfigureAwait(false);
        var chat = profile.TeamChats.Find(c => c.ConversationId == request.ConversationId);
        var reference = await ReadChatAsync(Teams.TenantBoundary.TenantOf(turnContext.Activity), request.ConversationId, cancellationToken).ConfigureAwait(false);
        var plan = await plans.FindAsync(request.PlanId, cancellationToken).ConfigureAwait(false);
        var chatTitle = chat?.Title ?? request.ConversationId;
        if (reference is null || plan is null || plan.OwnerId != turnContext.Activity.From.Id)
        {
            return new TextReply("Share_Failed", chatTitle);
        }

        var kind = Enum.TryParse<SharedCardKind>(request.Kind, out var parsed) ? parsed : SharedCardKind.Plan;
        var actor = ActorOf(turnContext.Activity);
        try
        {
            await turnContext.Adapter.ContinueConversationAsync(authentication.Value.MicrosoftAppId ?? string.Empty, reference, (chatContext, token) => PostAsync(chatContext, plan.Id, kind, language, actor, token), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The bot may have been removed from the chat: the owner is told, nothing is recorded.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogUpdateFailed(logger, exception, plan.Id);
            return new TextReply("Share_Failed", chatTitle);
        }

        return new TextReply("Share_PostedElsewhere", plan.Title, chatTitle);
    }

    /// <summary>"share [partners|alliances|code] [plan number or title]", typed in a channel or group chat.</summary>
    public async Task ShareHereAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(text);
        var activity = turnContext.Activity;
        var language = await LanguageOfAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var words = text.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var rest = words.Length > 1 ? words[1] : string.Empty;
        var kind = ReadKind(ref rest);

        var profile = await state.Profile.GetAsync(turnContext, () => new PlannerProfile(), cancellationToken).ConfigureAwait(false);
        var mine = (await plans.FindManyAsync(profile.PlanIds, cancellationToken).ConfigureAwait(false)).Where(p => p.OwnerId == activity.From.Id).ToList();
        var plan = mine.Count == 1 && rest.Length == 0 ? mine[0] : PlanLookup.Find(mine, rest);
        if (plan is null)
        {
            var reply = mine.Count == 0
                ? Texts.Format(language, profile.PlanIds.IsEmpty ? "Share_NoPlans" : "Share_NotOwner", CommandParser.Word(language, Verbs.ListPlans))
                : Texts.Format(language, "Share_WhichPlan", string.Join(", ", mine.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {p.Title}"))));
            await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await PostAsync(turnContext, plan.Id, kind, language, ActorOf(activity), cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(Texts.Format(language, "Share_Posted_" + kind, plan.Title), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the share on the plan, posts the card, and records the posted card's id for in-place updates.</summary>
    private async Task PostAsync(ITurnContext turnContext, string planId, SharedCardKind kind, Language language, Actor actor, CancellationToken cancellationToken)
    {
        var conversationId = turnContext.Activity.Conversation.Id;
        var shared = await plans.UpdateAsync(planId, p => (p with { Review = p.Review with { SharedTo = p.Review.SharedTo.RemoveAll(s => s.ConversationId == conversationId && s.Kind == kind).Add(new SharedConversation(conversationId, null, kind, language.Code(), actor, time.GetUtcNow(), Teams.TenantBoundary.TenantOf(turnContext.Activity))) } }).Touched(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (shared is null)
        {
            return;
        }

        var card = ReviewCards.Shared(language, shared, kind, ReviewRole.Member, null, null, EditLink());
        var posted = await turnContext.SendActivityAsync(ReplyRenderer.CardActivity(card), cancellationToken).ConfigureAwait(false);
        await plans.UpdateAsync(planId, p => p with { Review = p.Review with { SharedTo = [.. p.Review.SharedTo.Select(s => s.ConversationId == conversationId && s.Kind == kind ? s with { ActivityId = posted?.Id } : s)] } }, cancellationToken).ConfigureAwait(false);
        LogShared(logger, planId, turnContext.Activity.Conversation.ConversationType);
    }

    /// <summary>Answers an adaptiveCard/action invoke from a shared card.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnActionAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invoke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(invoke);
        var activity = turnContext.Activity;
        var language = await LanguageOfAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var verb = invoke.Action?.Verb ?? string.Empty;
        var data = invoke.Action?.Data as JObject ?? (invoke.Action?.Data is null ? new JObject() : JObject.FromObject(invoke.Action.Data));
        var planId = (string?)data[ReviewFields.Plan];
        if (!actions.Knows(verb) || string.IsNullOrEmpty(planId))
        {
            return Message(Texts.Get(language, "Error_UnknownAction"));
        }

        var kind = Enum.TryParse<SharedCardKind>((string?)data[ReviewFields.Kind], out var parsed) && Enum.IsDefined(parsed) ? parsed : SharedCardKind.Plan;
        var actor = ActorOf(activity);
        var fields = data.Properties().Where(p => p.Value is JValue { Value: not null }).ToImmutableDictionary(p => p.Name, p => Convert.ToString(((JValue)p.Value).Value, CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal);
        var command = new ReviewCommand(verb, actor, activity.Conversation.Id, fields, time.GetUtcNow()) { Kind = kind };

        ReviewResult? result = null;
        var plan = await plans.UpdateAsync(planId, p => (result = actions.Execute(p, command)).Plan, cancellationToken).ConfigureAwait(false);
        var role = plan is null ? ReviewRole.None : ReviewActions.RoleOf(plan, actor, activity.Conversation.Id, kind);
        if (plan is null || result is null || role == ReviewRole.None || result.Notice?.Key == NotSharedHere)
        {
            // Refused for want of a share: a short message and nothing of the plan, the same whether it exists or not.
            LogAction(logger, verb, changed: false, refused: true);
            return Message(Texts.Get(language, NotSharedHere));
        }

        LogAction(logger, verb, result.Changed, result.Refused);
        if (result.Changed)
        {
            await UpdatePostedCardsAsync(turnContext, plan, cancellationToken).ConfigureAwait(false);
            if (verb is ReviewVerbs.Approve or ReviewVerbs.Decline && result.Notice is { } decided)
            {
                // The proposer is told in the conversation where the proposal was made.
                await turnContext.SendActivityAsync(Texts.Format(language, decided.Key, decided.Args), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        var links = documents is null ? null : await documents.ForSharedCardAsync(plan, actor.UserId, activity.Conversation.Id, kind, language, cancellationToken).ConfigureAwait(false);
        var card = ReviewCards.Shared(language, plan, kind, role, actor.UserId, result.Notice, EditLink(), result.Refused, links);
        return new AdaptiveCardInvokeResponse { StatusCode = 200, Type = InvokeCardType, Value = ReplyRenderer.CardContent(card) };
    }

    /// <summary>
    /// Brings every posted card of a plan up to date: in this conversation directly, elsewhere proactively.
    /// Inside a turn of <see cref="Teams.SamskapelseBot"/> this is queued and done when the turn lock is released
    /// (<see cref="RunDeferredCardUpdatesAsync"/>), with the plan as it is then.
    /// </summary>
    public Task UpdatePostedCardsAsync(ITurnContext turnContext, Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return QueueOrRunAsync(turnContext, new CardUpdate(plan.Id, null, (language, shared, current) => ReviewCards.Shared(language, current, shared.Kind, ReviewRole.Member, null, null, EditLink())), cancellationToken);
    }

    /// <summary>Replaces every posted card of a plan with the card <paramref name="card"/> makes in that card's language (queued as above).</summary>
    public Task ReplacePostedCardsAsync(ITurnContext turnContext, Plan plan, Func<Language, SharedConversation, AdaptiveCard> card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(card);
        return QueueOrRunAsync(turnContext, new CardUpdate(plan.Id, plan, (language, shared, _) => card(language, shared)), cancellationToken);
    }

    /// <summary>From now on in this turn, posted-card updates wait for <see cref="RunDeferredCardUpdatesAsync"/>.</summary>
    public static void DeferCardUpdates(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Set(new DeferredCardUpdates());
    }

    /// <summary>
    /// Does the posted-card updates the turn queued, in order, once per plan, after the conversation's turn lock
    /// is released: a plan shared to many chats no longer holds up the next turn of this chat while every card is
    /// updated. One pass per plan runs at a time and reads the plan afresh, so the last one shows the newest version.
    /// </summary>
    public async Task RunDeferredCardUpdatesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<DeferredCardUpdates>() is not { } deferred)
        {
            return;
        }

        turnContext.TurnState.Remove(typeof(DeferredCardUpdates).FullName!);
        foreach (var update in deferred.Updates)
        {
            await RunAsync(turnContext, update, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task QueueOrRunAsync(ITurnContext turnContext, CardUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<DeferredCardUpdates>() is { } deferred)
        {
            deferred.Add(update);
            return Task.CompletedTask;
        }

        return RunAsync(turnContext, update, cancellationToken);
    }

    /// <summary>
    /// One update of a plan's posted cards at a time in this process: a turn that finds one running marks the plan
    /// for another pass and goes on; the running one reads the plan again and updates once more. So no turn waits
    /// for another's updates, and the last pass always shows the newest version.
    /// </summary>
    private async Task RunAsync(ITurnContext turnContext, CardUpdate update, CancellationToken cancellationToken)
    {
        if (update.Snapshot is { } snapshot)
        {
            // The plan is gone: its cards say so, whatever else is under way.
            await ReplaceAsync(turnContext, snapshot, (language, shared) => update.Card(language, shared, snapshot), cancellationToken).ConfigureAwait(false);
            return;
        }

        lock (RunningGate)
        {
            if (Running.ContainsKey(update.PlanId))
            {
                Running[update.PlanId] = true;
                return;
            }

            Running[update.PlanId] = false;
        }

        var done = false;
        try
        {
            while (!done)
            {
                if (await plans.FindAsync(update.PlanId, cancellationToken).ConfigureAwait(false) is { } plan)
                {
                    await ReplaceAsync(turnContext, plan, (language, shared) => update.Card(language, shared, plan), cancellationToken).ConfigureAwait(false);
                }

                lock (RunningGate)
                {
                    // Done only when nobody asked for another pass since this one read the plan; else read it again.
                    done = !Running[update.PlanId];
                    if (done)
                    {
                        Running.Remove(update.PlanId);
                    }
                    else
                    {
                        Running[update.PlanId] = false;
                    }
                }
            }
        }
        finally
        {
            if (!done)
            {
                lock (RunningGate)
                {
                    Running.Remove(update.PlanId);
                }
            }
        }
    }

    private async Task ReplaceAsync(ITurnContext turnContext, Plan plan, Func<Language, SharedConversation, AdaptiveCard> card, CancellationToken cancellationToken)
    {
        foreach (var shared in plan.Review.SharedTo.Where(s => s.ActivityId is not null))
        {
            var language = Languages.FromLocale(shared.Language);
            var update = (Activity)ReplyRenderer.CardActivity(card(language, shared));
            update.Id = shared.ActivityId;
            try
            {
                if (shared.ConversationId == turnContext.Activity.Conversation.Id)
                {
                    update.Conversation = turnContext.Activity.Conversation;
                    await turnContext.UpdateActivityAsync(update, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var reference = await ReadChatAsync(Teams.TenantBoundary.TenantOf(turnContext.Activity), shared.ConversationId, cancellationToken).ConfigureAwait(false);
                if (reference is not null)
                {
                    update.Conversation = reference.Conversation;
                    await turnContext.Adapter.ContinueConversationAsync(authentication.Value.MicrosoftAppId ?? string.Empty, reference, (chat, token) => chat.UpdateActivityAsync(update, token), cancellationToken).ConfigureAwait(false);
                }
            }
#pragma warning disable CA1031 // A card that cannot be updated (deleted, bot removed) must not fail the turn that changed the plan.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogUpdateFailed(logger, exception, plan.Id);
            }
        }
    }

    /// <summary>Outside a turn (the retention sweep): replaces every posted card of a plan through its chat's stored reference. Returns how many were replaced.</summary>
    public async Task<int> ReplacePostedCardsAsync(BotAdapter adapter, Plan plan, Func<Language, SharedConversation, AdaptiveCard> card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(card);
        var replaced = 0;
        foreach (var shared in plan.Review.SharedTo.Where(s => s.ActivityId is not null))
        {
            var update = (Activity)ReplyRenderer.CardActivity(card(Languages.FromLocale(shared.Language), shared));
            update.Id = shared.ActivityId;
            try
            {
                // Outside a turn: the chat's tenant is the one noted when the card was shared.
                if (await ReadChatAsync(shared.TenantId, shared.ConversationId, cancellationToken).ConfigureAwait(false) is { } reference)
                {
                    update.Conversation = reference.Conversation;
                    await adapter.ContinueConversationAsync(authentication.Value.MicrosoftAppId ?? string.Empty, reference, (chat, token) => chat.UpdateActivityAsync(update, token), cancellationToken).ConfigureAwait(false);
                    replaced++;
                }
            }
#pragma warning disable CA1031 // A card that cannot be updated (deleted, bot removed) must not stop the sweep.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogUpdateFailed(logger, exception, plan.Id);
            }
        }

        return replaced;
    }

    /// <summary>The language the user chose in the personal chat, else their Teams locale.</summary>
    private async Task<Language> LanguageOfAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await state.Profile.GetAsync(turnContext, () => new PlannerProfile(), cancellationToken).ConfigureAwait(false);
        return profile.PreferredLanguage ?? Languages.FromLocale(turnContext.Activity.Locale);
    }

    private string? EditLink() =>
        string.IsNullOrWhiteSpace(authentication.Value.MicrosoftAppId) ? null : "https://teams.microsoft.com/l/chat/0/0?users=28:" + authentication.Value.MicrosoftAppId;

    private static SharedCardKind ReadKind(ref string rest)
    {
        var words = rest.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return SharedCardKind.Plan;
        }

        foreach (var kind in new[] { SharedCardKind.Partners, SharedCardKind.Alliances, SharedCardKind.CodeOfConduct })
        {
            if (Languages.All.Any(l => Texts.Alternatives(l, "Share_Kind_" + kind).Contains(words[0], StringComparer.OrdinalIgnoreCase)))
            {
                rest = words.Length > 1 ? words[1] : string.Empty;
                return kind;
            }
        }

        return SharedCardKind.Plan;
    }

    private static Actor ActorOf(Activity activity) => new(activity.From.Id, activity.From.AadObjectId, activity.From.Name ?? string.Empty);

    private static AdaptiveCardInvokeResponse Message(string text) => new() { StatusCode = 200, Type = InvokeMessageType, Value = text };

    /// <summary>A queued update of a plan's posted cards: the newest plan when <see cref="Snapshot"/> is null (a deleted plan has none).</summary>
    private sealed record CardUpdate(string PlanId, Plan? Snapshot, Func<Language, SharedConversation, Plan, AdaptiveCard> Card);

    private sealed class DeferredCardUpdates
    {
        public List<CardUpdate> Updates { get; } = [];

        public void Add(CardUpdate update)
        {
            // An update that reads the newest plan is needed once: the queued one will show this change too.
            if (update.Snapshot is null && Updates.Exists(u => u.PlanId == update.PlanId && u.Snapshot is null))
            {
                return;
            }

            Updates.Add(update);
        }
    }

    [LoggerMessage(EventId = 5001, EventName = "PlanShared", Level = LogLevel.Information, Message = "Plan {PlanId} shared into a {ConversationType} conversation.")]
    private static partial void LogShared(ILogger logger, string planId, string? conversationType);

    [LoggerMessage(EventId = 5002, EventName = "ReviewAction", Level = LogLevel.Information, Message = "Review action {Verb}: changed {Changed}, refused {Refused}.")]
    private static partial void LogAction(ILogger logger, string verb, bool changed, bool refused);

    [LoggerMessage(EventId = 5003, EventName = "SharedCardUpdateFailed", Level = LogLevel.Warning, Message = "The posted card of plan {PlanId} could not be updated in place.")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, string planId);

    [System.Text.RegularExpressions.GeneratedRegex("<at>[^<]*</at>")]
    private static partial System.Text.RegularExpressions.Regex MentionTags();
}
