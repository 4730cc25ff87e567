using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Assistant;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Documents;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Tests.Support;

/// <summary>
/// Drives the real bot through Bot Builder's TestAdapter, as one user in one conversation, and
/// collects what the bot sends back. A new driver over the same storage is a restarted bot.
/// </summary>
public sealed class BotDriver
{
    private readonly RecordingAdapter adapter;
    private readonly SamskapelseBot bot;

    /// <param name="assistant">The assistant's options; with none, the bot runs without an assistant, as before it had one.</param>
    /// <param name="middleware">Middleware the adapter runs before the bot, as AdapterWithErrorHandler runs the registered ones.</param>
    /// <param name="tenantId">The tenant the conversation names (<c>conversation.tenantId</c>); none by default.</param>
    public BotDriver(IStorage storage, string conversationId, string locale = "en-US", string userId = "user-1", string userName = "Kari Nordmann", FakeTimeProvider? time = null, string conversationType = "personal", ConversationTurnLocks? locks = null, PlanLinkIssuer? documents = null, AssistantOptions? assistant = null, bool privacy = false, IEnumerable<IMiddleware>? middleware = null, Samskapelse.Bot.Resilience.PendingAnswers? pendingAnswers = null, Samskapelse.Bot.Coaching.CoachingOptions? coaching = null, string? tenantId = null)
    {
        Storage = storage;
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://test.invalid/",
            User = new ChannelAccount(userId, userName),
            Bot = new ChannelAccount("bot-id", "Samskapelse"),
            Conversation = new ConversationAccount(isGroup: conversationType != "personal", conversationType: conversationType, id: conversationId, tenantId: tenantId),
        };
        adapter = new RecordingAdapter(reference) { Locale = locale };
        adapter.Use(new RecordUpdates(Updates));
        adapter.Use(new PlainTextMessages());
        foreach (var step in middleware ?? [])
        {
            adapter.Use(step);
        }

        // Each driver is its own instance, so drivers sharing a storage meet real ETag conflicts; their short backoff
        // waits on the real clock, which no test would otherwise advance (PlanStoreBackoffTests pins the clock's use).
        Plans = new PlanStore(storage, TimeProvider.System, NullLogger<PlanStore>.Instance);
        var state = new PlanningStateAccessors(new ConversationState(storage), new UserState(storage));
        var handlers = PlanningHandlers.All().AsEnumerable();
        if (assistant is not null)
        {
            Delivery = AssistantWiring.Create(adapter, storage, Time, assistant);
            handlers = handlers.Concat(new AssistantHandlerSource(Delivery.Service).Handlers());
        }

        if (privacy)
        {
            Privacy = new PrivacyWiring(storage, state, Plans, Time, pendingAnswers);
        }

        // With coaching options the bot has the coaching desk too, as Program.cs wires it: coaching reads typed text before planning.
        var coachingDesk = coaching is null ? null : TestBots.Coaching(storage, state, Plans, Time, adapter, coaching);
        bot = TestBots.Create(storage, state, Plans, Time, locks, documents, handlers, Delivery, coachingDesk, Privacy?.Desk);
    }

    /// <summary>The privacy desk and its export, when the driver was made with privacy.</summary>
    public PrivacyWiring? Privacy { get; }

    /// <summary>The assistant's background delivery, when the driver has an assistant.</summary>
    public AssistantDelivery? Delivery { get; }

    /// <summary>When true, updating a sent card fails as Teams does for a card it no longer has: the bot must post instead.</summary>
    public bool RefuseUpdates
    {
        get => adapter.RefuseUpdates;
        set => adapter.RefuseUpdates = value;
    }

    public IStorage Storage { get; }

    public PlanStore Plans { get; }

    public FakeTimeProvider Time { get; }

    public string Locale
    {
        get => adapter.Locale;
        set => adapter.Locale = value;
    }

    /// <summary>The newest card the bot sent that asks for input (has a card number in its submit data).</summary>
    public JObject? LastInputCard { get; private set; }

    /// <summary>Types a message; "&lt;at&gt;Samskapelse&lt;/at&gt; …" carries the mention entity Teams adds in group chats.</summary>
    public Task<Replies> SayAsync(string text)
    {
        var activity = adapter.MakeActivity(text);
        if (text.StartsWith("<at>", StringComparison.Ordinal))
        {
            var mention = text[..(text.IndexOf("</at>", StringComparison.Ordinal) + 5)];
            activity.Entities = [new Mention(activity.Recipient, mention, "mention")];
        }

        return SendAsync(activity);
    }

    /// <summary>
    /// Waits for the assistant's background jobs, then returns what they did: working cards replaced in place
    /// (<see cref="Delivered.Updates"/>) and messages posted proactively (<see cref="Delivered.Posted"/>).
    /// </summary>
    public async Task<Delivered> DeliveredAsync()
    {
        var delivery = Delivery ?? throw new InvalidOperationException("This driver has no assistant.");
        await delivery.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        var posted = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply)
        {
            posted.Add(reply);
        }

        return new Delivered(new Replies(adapter.TakeUpdates()), new Replies(posted));
    }

    /// <summary>Presses a button on the newest input card, with input values the way Teams merges them into the data.</summary>
    public Task<Replies> PressAsync(string buttonTitle, params (string Id, string Value)[] inputs)
    {
        var card = LastInputCard ?? throw new InvalidOperationException("No input card yet.");
        return PressOnAsync(card, buttonTitle, inputs);
    }

    public Task<Replies> PressOnAsync(JObject card, string buttonTitle, params (string Id, string Value)[] inputs)
    {
        var action = CardReader.FindSubmit(card, buttonTitle) ?? throw new InvalidOperationException($"No button '{buttonTitle}' on the card. Buttons: {string.Join(", ", CardReader.ButtonTitles(card))}");
        return PressActionAsync(card, action, inputs);
    }

    /// <summary>Presses the button of one item on a card of items that share button titles (the assistant's Accept and Discard).</summary>
    public Task<Replies> PressItemAsync(JObject card, string buttonTitle, string item, params (string Id, string Value)[] inputs)
    {
        var action = CardReader.Actions(card).FirstOrDefault(a => (string?)a["title"] == buttonTitle && (string?)a["data"]?["item"] == item)
            ?? throw new InvalidOperationException($"No button '{buttonTitle}' for item '{item}' on the card.");
        return PressActionAsync(card, action, inputs);
    }

    private Task<Replies> PressActionAsync(JObject card, JObject action, (string Id, string Value)[] inputs) =>
        SubmitAsync(CardReader.SubmitValue(card, action, inputs));

    public Task<Replies> SubmitAsync(object value)
    {
        var activity = adapter.MakeActivity();
        activity.Value = value;
        return SendAsync(activity);
    }

    /// <summary>A message from this driver's user, to adjust before sending.</summary>
    public Activity Message(string text) => adapter.MakeActivity(text);

    /// <summary>Presses an Action.Execute button: an adaptiveCard/action invoke, as Teams sends it.</summary>
    public Task<Replies> InvokeAsync(string verb, JObject data, string? replyToId = null)
    {
        var activity = adapter.MakeActivity();
        activity.Type = ActivityTypes.Invoke;
        activity.Name = "adaptiveCard/action";
        activity.Text = null;
        activity.ReplyToId = replyToId;
        activity.Value = new JObject
        {
            ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return ProcessAsync(activity);
    }

    /// <summary>Every activity the bot updated in place (UpdateActivityAsync), oldest first.</summary>
    public List<Activity> Updates { get; } = [];

    /// <summary>The adapter, for work the bot does outside a turn (proactive updates of posted cards).</summary>
    public BotAdapter Adapter => adapter;

    public Task<Replies> SendAsync(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);

        // Entities arrive from Teams as JSON, not as typed objects: send them the way the bot receives them.
        activity.Entities = activity.Entities?.Select(e => JObject.FromObject(e).ToObject<Entity>()!).ToList();
        return ProcessAsync(activity);
    }

    public async Task<Replies> ConversationUpdateAsync(string type)
    {
        var activity = adapter.MakeActivity();
        activity.Type = type;
        activity.Text = null;
        if (type == ActivityTypes.ConversationUpdate)
        {
            activity.MembersAdded = [activity.Recipient, activity.From];
        }
        else
        {
            activity.Action = "add";
        }

        return await ProcessAsync(activity).ConfigureAwait(false);
    }

    private async Task<Replies> ProcessAsync(Activity activity)
    {
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
        var replies = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        var result = new Replies(replies);
        foreach (var card in result.Cards)
        {
            if (CardReader.CardNumber(card) is not null)
            {
                LastInputCard = card;
            }
        }

        return result;
    }
}

public sealed record Delivered(Replies Updates, Replies Posted);

/// <summary>A TestAdapter that records card updates and awaits proactive turns to their end.</summary>
internal sealed class RecordingAdapter(ConversationReference reference) : TestAdapter(reference)
{
    private readonly List<IActivity> updates = [];

    public bool RefuseUpdates { get; set; }

    public IReadOnlyList<IActivity> TakeUpdates()
    {
        lock (updates)
        {
            var taken = updates.ToList();
            updates.Clear();
            return taken;
        }
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext context, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (RefuseUpdates)
        {
            throw new InvalidOperationException("The channel refused to update the activity.");
        }

        lock (updates)
        {
            updates.Add(activity);
        }

        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public override async Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        using var context = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }
}

public sealed class Replies(IReadOnlyList<IActivity> activities)
{
    public IReadOnlyList<IActivity> Activities { get; } = activities;

    /// <summary>The body of the invoke response (status 200 and the refreshed card, or a message).</summary>
    public InvokeResponse? InvokeResponse => Activities.Where(a => a.Type == "invokeResponse").Select(a => (InvokeResponse)((Activity)a).Value).FirstOrDefault();

    public IEnumerable<string> Texts => Activities.OfType<IMessageActivity>().Select(a => a.Text).Where(t => !string.IsNullOrEmpty(t));

    public IReadOnlyList<JObject> Cards => Activities.OfType<IMessageActivity>()
        .SelectMany(a => a.Attachments ?? [])
        .Where(a => a.ContentType == "application/vnd.microsoft.card.adaptive")
        .Select(a => CardReader.Card(a.Content))
        .ToList();

    /// <summary>All the text a person would read: message texts and every text on the cards.</summary>
    public string AllText => string.Join("\n", Texts.Concat(Cards.Select(CardReader.AllText)));
}

/// <summary>Records the bot's in-place card updates, which TestAdapter does not keep.</summary>
internal sealed class RecordUpdates(List<Activity> updates) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        turnContext.OnUpdateActivity((context, activity, nextUpdate) =>
        {
            lock (updates)
            {
                // A copy: TestAdapter reuses the activity object after the turn.
                updates.Add(Newtonsoft.Json.JsonConvert.DeserializeObject<Activity>(Newtonsoft.Json.JsonConvert.SerializeObject(activity))!);
            }

            return nextUpdate();
        });
        return next(cancellationToken);
    }
}
