using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Teams;
using Samskapelse.Localization;
using Samskapelse.Planning.Conversation;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Teams;

/// <summary>
/// The bot's connector clients share one contract resolver (CloudAdapter builds a client per turn, and a
/// fresh resolver re-reflects the Activity contracts for every reply): what goes to Teams must not change.
/// </summary>
public sealed class SharedConnectorContractsTests
{
    private static readonly IConfiguration AuthenticationDisabled = new ConfigurationBuilder().Build();

    [Fact]
    public async Task Replies_SerializeByteForByteAsTheStockConnectorsDo()
    {
        using var stub = new CapturingConnector();
        var stock = new ConfigurationBotFrameworkAuthentication(AuthenticationDisabled, httpClientFactory: stub);
        var shared = new SharedContractsBotFrameworkAuthentication(stock);

        var stockBodies = await SendEveryKindAsync(stock, stub);
        var sharedBodies = await SendEveryKindAsync(shared, stub);

        Assert.Equal(stockBodies.Count, sharedBodies.Count);
        for (var i = 0; i < stockBodies.Count; i++)
        {
            Assert.Equal(stockBodies[i], sharedBodies[i]);
        }

        // The stub saw what Teams would see: the card, the mention entity and the Teams channel data.
        var withCard = JObject.Parse(sharedBodies[0]);
        Assert.Equal(Texts.Get(Language.Nb, "Welcome_Heading"), (string?)withCard.SelectToken("attachments[0].content.body[0].text"));
        Assert.Equal("mention", (string?)withCard.SelectToken("entities[0].type"));
        Assert.Equal("19:channel@thread.tacv2", (string?)withCard.SelectToken("channelData.channel.id"));
    }

    [Fact]
    public async Task TheBotsRegisteredAuthentication_HandsOutClientsThatShareOneResolver_TurnAfterTurn()
    {
        using var stub = new CapturingConnector();
        var services = new ServiceCollection();
        services.AddSingleton(AuthenticationDisabled);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        services.AddSingleton<IHttpClientFactory>(stub);
        services.AddLogging();
        services.AddTeamsBot();
        await using var provider = services.BuildServiceProvider();
        var authentication = provider.GetRequiredService<BotFrameworkAuthentication>();

        var first = await ConnectorForTurnAsync(authentication);
        var second = await ConnectorForTurnAsync(authentication);
        using var proactive = await authentication.CreateConnectorFactory(new ClaimsIdentity()).CreateAsync(CapturingConnector.ServiceUrl, null, default);

        Assert.NotSame(first, second);
        Assert.Same(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);
        Assert.Same(first.DeserializationSettings.ContractResolver, second.DeserializationSettings.ContractResolver);
        Assert.Same(first.SerializationSettings.ContractResolver, proactive.SerializationSettings.ContractResolver);

        // And the reply still reaches the connector, with the id it answers read back.
        var sent = await second.Conversations.SendToConversationAsync(Reply("a:1", "hei"));
        Assert.Equal("reply-1", sent.Id);
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task StockConnectors_EachBuildTheirOwnResolver_WhichIsWhatTheDecorationRemoves()
    {
        using var stub = new CapturingConnector();
        var stock = new ConfigurationBotFrameworkAuthentication(AuthenticationDisabled, httpClientFactory: stub);

        using var first = await ConnectorForTurnAsync(stock);
        using var second = await ConnectorForTurnAsync(stock);

        Assert.NotSame(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);
    }

    private static async Task<IConnectorClient> ConnectorForTurnAsync(BotFrameworkAuthentication authentication)
    {
        var inbound = Reply("a:1", "inbound");
        var result = await authentication.AuthenticateRequestAsync(inbound, string.Empty, default);
        return await result.ConnectorFactory.CreateAsync(inbound.ServiceUrl, result.Audience, default);
    }

    /// <summary>A card with a mention and Teams channel data, a text with suggested actions, a card update and a typing indicator, through one connector each.</summary>
    private static async Task<List<string>> SendEveryKindAsync(BotFrameworkAuthentication authentication, CapturingConnector stub)
    {
        stub.Bodies.Clear();
        var card = (Activity)ReplyRenderer.CardActivity(ReplyRenderer.CardFor(new WelcomeReply(SamplePlans.Typical()), Language.Nb));
        Fill(card, "19:channel@thread.tacv2;messageid=1");
        card.Entities = [new Mention(new ChannelAccount("29:user", "Kari Nordmann"), "<at>Kari Nordmann</at>")];
        card.ChannelData = new TeamsChannelData { Channel = new ChannelInfo("19:channel@thread.tacv2"), Notification = new NotificationInfo(alert: true) };
        card.Summary = "Velkommen – æøå";

        var text = Reply("a:1", "Spørsmål 2 av 6 \"sitat\" <b>");
        text.SuggestedActions = new SuggestedActions(actions: [new CardAction(ActionTypes.ImBack, "Neste", value: "neste")]);
        text.LocalTimestamp = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(1));

        var update = (Activity)ReplyRenderer.CardActivity(ReplyRenderer.CardFor(new HelpReply(), Language.Da));
        Fill(update, "a:1");
        update.Id = "posted-1";

        var typing = new Activity(ActivityTypes.Typing);
        Fill(typing, "a:1");

        using (var connector = await ConnectorForTurnAsync(authentication))
        {
            await connector.Conversations.ReplyToActivityAsync(card.Conversation.Id, "root-1", card);
            await connector.Conversations.SendToConversationAsync(text);
            await connector.Conversations.UpdateActivityAsync(update.Conversation.Id, update.Id, update);
            await connector.Conversations.SendToConversationAsync(typing);
        }

        return [.. stub.Bodies];
    }

    private static Activity Reply(string conversationId, string text)
    {
        var activity = MessageFactory.Text(text);
        Fill(activity, conversationId);
        return activity;
    }

    private static void Fill(Activity activity, string conversationId)
    {
        activity.ChannelId = "msteams";
        activity.ServiceUrl = CapturingConnector.ServiceUrl;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.From = new ChannelAccount("28:bot", "Samskapelse");
        activity.Recipient = new ChannelAccount("29:user", "Kari Nordmann");
        activity.Locale = "nb-NO";
        activity.Timestamp = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The Bot Connector, in process: records every request body and answers with a resource id.</summary>
    internal sealed class CapturingConnector : HttpMessageHandler, IHttpClientFactory
    {
        public const string ServiceUrl = "https://smba.invalid/teams/";
        private int count;

        public List<string> Bodies { get; } = [];

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.StartsWith(ServiceUrl + "v3/conversations/", request.RequestUri!.AbsoluteUri, StringComparison.Ordinal);
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            var id = Interlocked.Increment(ref count);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($"{{\"id\":\"reply-{id}\"}}", Encoding.UTF8, "application/json") };
        }
    }
}
