using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Hosting;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;
using Samskapelse.Coaching;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Coaching;

/// <summary>
/// HR, managers and the bot over one storage and one fake clock. Each person chats through their
/// own TestAdapter; the bot's proactive messages go through a separate TestAdapter (its
/// ContinueConversationAsync runs the real pipeline) and are handed to the person they address.
/// <see cref="Restart"/> builds a new bot and reminder service over the same storage.
/// </summary>
public sealed class CoachingWorld
{
    public const string HrAadObjectId = "aaaaaaaa-0000-0000-0000-000000000001";

    /// <summary>The bot's own tenant (MicrosoftAppTenantId); every person writes from it unless told otherwise.</summary>
    public const string TenantId = "0a0a0a0a-1111-4222-8333-444455556666";

    /// <summary>Another municipality's tenant, which the bot also serves when a test allows it.</summary>
    public const string OtherTenantId = "0b0b0b0b-1111-4222-8333-444455556666";

    /// <summary>The HR team in Teams: its id in the connector and its Entra group.</summary>
    public const string HrTeamId = "19:hr-team@thread.tacv2";
    public const string HrGroupId = "dddddddd-0000-0000-0000-000000000004";

    /// <summary>Monday 2 November 2026, 09:00 in Oslo (UTC+1).</summary>
    public static readonly DateTimeOffset MondayNineOslo = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly List<ChatUser> users = [];

    public CoachingWorld(DateTimeOffset? start = null, IStorage? storage = null)
    {
        Storage = storage ?? new MemoryStorage();
        Time = new FakeTimeProvider(start ?? MondayNineOslo);
        Options.HrUserAadObjectIds.Add(HrAadObjectId);
        Restart();
    }

    public IStorage Storage { get; private set; }

    public FakeTimeProvider Time { get; }

    public CoachingOptions Options { get; } = new();

    /// <summary>The tenants the bot serves: its own, plus <see cref="TenantOptions.AllowedTenants"/> a test adds.</summary>
    public TenantOptions Tenants { get; } = new();

    /// <summary>The HR team's roster on a loopback connector, once <see cref="UseTeamRosterAsync"/> started it.</summary>
    public TeamRosterStub? Roster { get; private set; }

    public async Task<TeamRosterStub> UseTeamRosterAsync()
    {
        Roster = await TeamRosterStub.StartAsync();
        return Roster;
    }

    /// <summary>Where the bot's proactive messages land.</summary>
    public FlakyAdapter Proactive { get; } = new();

    public SamskapelseBot Bot { get; private set; } = null!;

    public ReminderService Reminders { get; private set; } = null!;

    public CoachingStore Journeys { get; private set; } = null!;

    /// <summary>A new bot and reminder service; with <paramref name="storage"/>, over a new store of the same data (a new process).</summary>
    public void Restart(IStorage? storage = null)
    {
        Storage = storage ?? Storage;
        var state = new PlanningStateAccessors(new TenantConversationState(Storage), new TenantUserState(Storage));
        var plans = new PlanStore(Storage, Time, NullLogger<PlanStore>.Instance);
        var desk = TestBots.Coaching(Storage, state, plans, Time, Proactive, Options, Boundary());
        Bot = TestBots.Create(Storage, state, plans, Time, new ConversationTurnLocks(), coaching: desk);
        Journeys = new CoachingStore(Storage, NullLogger<CoachingStore>.Instance);
        Reminders = NewReminderService();
    }

    public ReminderService NewReminderService()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var people = new PeopleDirectory(Storage, options, NullLogger<PeopleDirectory>.Instance, Time, Boundary());
        var authentication = Microsoft.Extensions.Options.Options.Create(new BotAuthenticationOptions { MicrosoftAppId = "11111111-2222-3333-4444-555555555555" });
        var sender = new ProactiveSender(() => Proactive, people, authentication, NullLogger<ProactiveSender>.Instance);
        return new ReminderService(new CoachingStore(Storage, NullLogger<CoachingStore>.Instance), people, sender, Time, options, NullLogger<ReminderService>.Instance);
    }

    public TenantBoundary Boundary() =>
        new(Microsoft.Extensions.Options.Options.Create(Tenants), Microsoft.Extensions.Options.Options.Create(new BotAuthenticationOptions { MicrosoftAppTenantId = TenantId }));

    public ChatUser Hr(string locale = "en-US") => Person("29:hr-1", "Hanne HR", HrAadObjectId, locale);

    public ChatUser Manager(string locale = "en-US", string? timeZone = "Europe/Oslo", string name = "Kari Nordmann") =>
        Person("29:manager-1", name, "bbbbbbbb-0000-0000-0000-000000000002", locale, timeZone);

    public ChatUser Person(string userId, string name, string? aadObjectId, string locale = "en-US", string? timeZone = null, string tenantId = TenantId)
    {
        var user = new ChatUser(this, userId, name, aadObjectId, locale, timeZone, tenantId);
        users.Add(user);
        return user;
    }

    /// <summary>Runs the reminder service's work once, then hands its messages to the people they address.</summary>
    public async Task<int> RunRemindersAsync(ReminderService? service = null)
    {
        var sent = await (service ?? Reminders).RunOnceAsync(CancellationToken.None);
        DeliverProactive();
        return sent;
    }

    internal void DeliverProactive()
    {
        while (Proactive.GetNextReply() is { } activity)
        {
            var user = users.LastOrDefault(u => u.ConversationId == activity.Conversation?.Id)
                ?? throw new InvalidOperationException("A proactive message to an unknown conversation " + activity.Conversation?.Id);
            user.Receive([activity], proactive: true);
        }
    }
}

/// <summary>A TestAdapter whose proactive sends can be made to fail, as Teams does when it throttles (429).</summary>
public sealed class FlakyAdapter : TestAdapter
{
    public int FailNextSends { get; set; }

    public override Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        if (FailNextSends > 0)
        {
            FailNextSends--;
            throw new InvalidOperationException("429 Too Many Requests");
        }

        return base.ContinueConversationAsync(botId, reference, callback, cancellationToken);
    }
}

/// <summary>One person in their personal chat with the bot (or, with <see cref="SayInTeamAsync"/>, in a team channel).</summary>
public sealed class ChatUser
{
    private readonly CoachingWorld world;
    private readonly TestAdapter adapter;
    private readonly List<IActivity> received = [];
    private readonly List<IActivity> proactive = [];

    internal ChatUser(CoachingWorld world, string userId, string name, string? aadObjectId, string locale, string? timeZone, string tenantId)
    {
        this.world = world;
        UserId = userId;
        Account = new ChannelAccount(userId, name) { AadObjectId = aadObjectId };
        Locale = locale;
        TimeZone = timeZone;
        TenantId = tenantId;
        ConversationId = "a:" + userId;
        adapter = Adapter(new ConversationAccount(conversationType: "personal", id: ConversationId, tenantId: tenantId));
    }

    /// <summary>The tenant this person's personal chat is in.</summary>
    public string TenantId { get; }

    public string UserId { get; }

    public ChannelAccount Account { get; }

    public string Locale { get; set; }

    public string? TimeZone { get; }

    public string ConversationId { get; }

    /// <summary>Everything this person was ever sent, in their turns and proactively.</summary>
    public Replies Received => new(received);

    /// <summary>What reached this person proactively, outside their own turns.</summary>
    public Replies Proactive => new(proactive);

    /// <summary>The newest coaching card with buttons this person got.</summary>
    public JObject? LastCard { get; private set; }

    public Task<Replies> SayAsync(string text) => ProcessAsync(adapter, adapter.MakeActivity(text));

    /// <summary>Writes in a channel of a team (no personal reference is stored from there).</summary>
    /// <summary>The team is in the bot's own tenant, whoever writes there (a shared channel has members from elsewhere).</summary>
    public Task<Replies> SayInTeamAsync(string text, string? teamAadGroupId = null, string teamId = CoachingWorld.HrTeamId)
    {
        var channel = Adapter(new ConversationAccount(isGroup: true, conversationType: "channel", id: "19:team-channel@thread.tacv2", tenantId: CoachingWorld.TenantId));
        var activity = channel.MakeActivity("<at>Samskapelse</at> " + text);
        activity.ChannelData = JObject.FromObject(new TeamsChannelData { Team = new TeamInfo(teamId, "HR") { AadGroupId = teamAadGroupId }, Tenant = new TenantInfo(CoachingWorld.TenantId) });
        return ProcessAsync(channel, activity);
    }

    public Task<Replies> PressAsync(string buttonTitle, params (string Id, string Value)[] inputs) =>
        PressOnAsync(LastCard ?? throw new InvalidOperationException("No coaching card yet."), buttonTitle, inputs);

    public Task<Replies> PressOnAsync(JObject card, string buttonTitle, params (string Id, string Value)[] inputs)
    {
        var action = CardReader.FindSubmit(card, buttonTitle) ?? throw new InvalidOperationException($"No button '{buttonTitle}'. Buttons: {string.Join(", ", CardReader.ButtonTitles(card))}");
        return SubmitAsync(CardReader.SubmitValue(card, action, inputs));
    }

    public Task<Replies> SubmitAsync(JObject value)
    {
        var activity = adapter.MakeActivity();
        activity.Value = value;
        return ProcessAsync(adapter, activity);
    }

    internal void Receive(IReadOnlyList<IActivity> activities, bool proactive)
    {
        received.AddRange(activities);
        if (proactive)
        {
            this.proactive.AddRange(activities);
        }

        foreach (var card in new Replies(activities).Cards)
        {
            if (CardReader.Actions(card).Any(a => ((string?)a["data"]?["verb"])?.StartsWith("coach.", StringComparison.Ordinal) == true))
            {
                LastCard = card;
            }
        }
    }

    private TestAdapter Adapter(ConversationAccount conversation)
    {
        var adapter = new TestAdapter(new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://test.invalid/",
            User = Account,
            Bot = new ChannelAccount("28:bot", "Samskapelse"),
            Conversation = conversation,
        });
        adapter.Use(new RosterConnector(world));
        return adapter;
    }

    /// <summary>Gives the turn a connector client to the world's team roster stub, once there is one.</summary>
    private sealed class RosterConnector(CoachingWorld world) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default) =>
            world.Roster is { } roster ? roster.Middleware().OnTurnAsync(turnContext, next, cancellationToken) : next(cancellationToken);
    }

    private async Task<Replies> ProcessAsync(TestAdapter through, Activity activity)
    {
        through.Locale = Locale;
        activity.Locale = Locale;
        activity.LocalTimezone = TimeZone;
        await through.ProcessActivityAsync(activity, world.Bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<IActivity>();
        while (through.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        Receive(replies, proactive: false);
        world.DeliverProactive();
        return new Replies(replies);
    }
}
