using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Teams;
using Samskapelse.Cards.Model;
using Samskapelse.Cards.Planning;
using Samskapelse.Localization;
using Samskapelse.Tests.Cards;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Teams;

/// <summary>
/// A card goes to Bot Builder as its JSON text (a JRaw), never parsed into a JObject: on every way out of the
/// bot, the card arrives exactly as CardJson wrote it, and the activity around it is what it was.
/// </summary>
public sealed class CardWireTests
{
    private const string Tricky = "tricky";

    private static readonly IConfiguration AuthenticationDisabled = new ConfigurationBuilder().Build();

    private static readonly Lazy<List<(string Name, AdaptiveCard Card)>> Largest =
        new(() => [.. CardCatalogue.All().OrderByDescending(c => CardJson.Serialize(c.Card).Length).Take(4)]);

    /// <summary>The largest cards the bot sends, and one with characters that JSON writers escape differently.</summary>
    public static TheoryData<string> SampleCards() => [.. Largest.Value.Select(c => c.Name).Append(Tricky)];

    public static TheoryData<string> LargeCards() => [.. Largest.Value.Select(c => c.Name)];

    private static List<(string Name, AdaptiveCard Card)> LargestCards() => Largest.Value;

    private static AdaptiveCard Card(string name) => name == Tricky
        // Quotes, markup, a date with an offset, a line break, letters outside ASCII and a character outside
        // the Basic Multilingual Plane: whatever CardJson escaped or left as it is stays so.
        ? ManagementCards.ConfirmDelete(Language.Nb, SamplePlans.Typical() with { Title = "Møte 2026-11-02T10:00:00+01:00 \"sitat\" <b>&</b>\nÆØÅ 𝄞" }, 3)
        : LargestCards().Single(c => c.Name == name).Card;

    [Fact]
    public void TheAttachment_CarriesTheCardsJsonText_AsCardJsonWroteIt()
    {
        var (_, card) = LargestCards().First();

        var attachment = ReplyRenderer.CardAttachment(card);

        Assert.Equal(CardJson.ContentType, attachment.ContentType);
        Assert.Equal(CardJson.Serialize(card), (string?)Assert.IsType<JRaw>(attachment.Content).Value);
        Assert.True(CardJson.Serialize(card).Length > 10_000, "The largest card is the size that made parsing it costly.");
    }

    [Theory]
    [MemberData(nameof(SampleCards))]
    public async Task ExpectReplies_TheResponseHoldsTheCardAsCardJsonWroteIt(string name)
    {
        var card = Card(name);
        var activities = new List<Activity> { Reply(card, "a:1"), MessageFactory.Text("etter kortet"), Reply(card, "a:1") };

        var body = await WriteResponseAsync(new ExpectedReplies(activities));

        AssertCarries(body, card, JObject.Parse(body).SelectTokens("activities[*].attachments[0].content"), times: 2);
    }

    [Theory]
    [MemberData(nameof(SampleCards))]
    public async Task InvokeResponse_TheBodyHoldsTheCardAsCardJsonWroteIt(string name)
    {
        var card = Card(name);
        var response = new AdaptiveCardInvokeResponse { StatusCode = 200, Type = "application/vnd.microsoft.card.adaptive", Value = ReplyRenderer.CardContent(card) };

        var body = await WriteResponseAsync(response);

        AssertCarries(body, card, [JObject.Parse(body)["value"]!], times: 1);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)JObject.Parse(body)["type"]);
    }

    [Theory]
    [MemberData(nameof(SampleCards))]
    public async Task ConnectorSendsAndUpdates_ThroughTheBotsClients_CarryTheCardAsCardJsonWroteIt(string name)
    {
        var card = Card(name);
        using var stub = new SharedConnectorContractsTests.CapturingConnector();
        using var connector = await BotsConnectorAsync(stub);

        var reply = Reply(card, "19:channel@thread.tacv2;messageid=1");
        await connector.Conversations.ReplyToActivityAsync(reply.Conversation.Id, "root-1", reply);
        var sent = Reply(card, "a:1");
        await connector.Conversations.SendToConversationAsync(sent);
        var update = Reply(card, "19:chat@thread.v2");
        update.Id = "posted-1";
        await connector.Conversations.UpdateActivityAsync(update.Conversation.Id, update.Id, update);

        Assert.Equal(3, stub.Bodies.Count);
        foreach (var body in stub.Bodies)
        {
            AssertCarries(body, card, [JObject.Parse(body).SelectToken("attachments[0].content")!], times: 1);
        }
    }

    [Theory]
    [MemberData(nameof(LargeCards))]
    public async Task TheWireJson_IsWhatItWasWhenTheCardWasParsed(string name)
    {
        var card = Card(name);
        using var stub = new SharedConnectorContractsTests.CapturingConnector();
        using var connector = await BotsConnectorAsync(stub);
        var raw = Reply(card, "a:1");
        var parsed = Reply(card, "a:1");
        parsed.Attachments[0].Content = JObject.Parse(CardJson.Serialize(card));

        await connector.Conversations.SendToConversationAsync(raw);
        await connector.Conversations.SendToConversationAsync(parsed);
        var expectReplies = await WriteResponseAsync(new ExpectedReplies([raw]));
        var expectRepliesParsed = await WriteResponseAsync(new ExpectedReplies([parsed]));

        // To the connector: the same request body, byte for byte, as when the card was parsed into a JObject.
        Assert.Equal(stub.Bodies[1], stub.Bodies[0]);

        // In an expectReplies response: the same JSON as Bot Builder's helper writes for the parsed card, without its indentation.
        var stock = await StockResponseAsync(new ExpectedReplies([parsed]));
        Assert.True(JToken.DeepEquals(CardReader.Parse(stock), CardReader.Parse(expectReplies)));
        Assert.True(JToken.DeepEquals(CardReader.Parse(stock), CardReader.Parse(expectRepliesParsed)));
        Assert.DoesNotContain('\n', expectReplies);
        Assert.True(expectReplies.Length < stock.Length / 2, $"{expectReplies.Length} bytes against {stock.Length}.");
    }

    [Fact]
    public async Task TestAdapter_HandsTheTestTheCardTheBotSent()
    {
        var (_, card) = LargestCards().First();
        var adapter = new TestAdapter();

        await new TestFlow(adapter, (turn, token) => turn.SendActivityAsync(ReplyRenderer.CardActivity(card), token))
            .Send("hei")
            .AssertReply(activity => Assert.True(JToken.DeepEquals(CardReader.Parse(CardJson.Serialize(card)), CardReader.Card(((IMessageActivity)activity).Attachments[0].Content))))
            .StartTestAsync();
    }

    /// <summary>The card's text appears verbatim, as often as it was sent, and reads back equal to the card.</summary>
    private static void AssertCarries(string wire, AdaptiveCard card, IEnumerable<JToken> contents, int times)
    {
        var json = CardJson.Serialize(card);
        Assert.Equal(times, Occurrences(wire, json));
        var expected = CardReader.Parse(json);
        var found = contents.ToList();
        Assert.Equal(times, found.Count);
        Assert.All(found, content => Assert.True(JToken.DeepEquals(expected, CardReader.Parse(content.ToString(Newtonsoft.Json.Formatting.None))), "The card read back differs."));
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>What the bot's host writes for an expectReplies or invoke response.</summary>
    private static Task<string> WriteResponseAsync(object body) =>
        ResponseAsync(response => TurnResponseWriter.WriteAsync(response, new InvokeResponse { Status = 200, Body = body }, default));

    /// <summary>What Bot Builder's own helper writes for the same response.</summary>
    private static Task<string> StockResponseAsync(object body) =>
        ResponseAsync(response => HttpHelper.WriteResponseAsync(response, new InvokeResponse { Status = 200, Body = body }));

    private static async Task<string> ResponseAsync(Func<HttpResponse, Task> write)
    {
        var context = new DefaultHttpContext();
        using var stream = new MemoryStream();
        context.Response.Body = stream;
        await write(context.Response);
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("application/json", context.Response.ContentType);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A connector client for a turn, from the SDK's authentication wrapped as the bot registers it (lazy clients, shared contracts).</summary>
    private static async Task<IConnectorClient> BotsConnectorAsync(SharedConnectorContractsTests.CapturingConnector stub)
    {
        var authentication = new LazyClientsBotFrameworkAuthentication(new SharedContractsBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(AuthenticationDisabled, httpClientFactory: stub)));
        var inbound = Reply(ManagementCards.Help(Language.En), "a:1");
        var result = await authentication.AuthenticateRequestAsync(inbound, string.Empty, default);
        return await result.ConnectorFactory.CreateAsync(inbound.ServiceUrl, result.Audience, default);
    }

    private static Activity Reply(AdaptiveCard card, string conversationId)
    {
        var activity = (Activity)ReplyRenderer.CardActivity(card);
        activity.ChannelId = "msteams";
        activity.ServiceUrl = SharedConnectorContractsTests.CapturingConnector.ServiceUrl;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.From = new ChannelAccount("28:bot", "Samskapelse");
        activity.Recipient = new ChannelAccount("29:user", "Kari Nordmann");
        activity.Locale = "nb-NO";
        return activity;
    }
}
