using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Planning;
using Samskapelse.Cards.Model;
using Samskapelse.Localization;
using Samskapelse.Planning.Conversation;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Http;

/// <summary>
/// The bot over HTTP, as Teams reaches it: POST /api/messages with "deliveryMode": "expectReplies",
/// so the replies come back in the response and no connector is needed.
/// </summary>
[Collection(BotHostTests.Name)]
public sealed class MessagesEndpointTests : IClassFixture<MessagesEndpointTests.BotFactory>
{
    private readonly BotFactory factory;

    public MessagesEndpointTests(BotFactory factory) => this.factory = factory;

    public sealed class BotFactory : WebApplicationFactory<Program>
    {
        private readonly TempDatabase database = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Storage:SqlitePath", database.Path);
            builder.UseSetting("MicrosoftAppId", string.Empty);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                database.Dispose();
            }
        }
    }

    private static JObject Message(string conversation, string? text = null, JObject? value = null, string locale = "nb-NO") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.invalid/",
        ["deliveryMode"] = "expectReplies",
        ["locale"] = locale,
        ["from"] = new JObject { ["id"] = "29:user-" + conversation, ["name"] = "Ola Nordmann", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
        ["recipient"] = new JObject { ["id"] = "28:bot", ["name"] = "Samskapelse" },
        ["conversation"] = new JObject { ["id"] = "a:" + conversation, ["conversationType"] = "personal" },
        ["text"] = text,
        ["value"] = value,
    };

    private async Task<JArray> PostAsync(JObject activity) => (JArray)JObject.Parse(await PostForBodyAsync(activity))["activities"]!;

    private async Task<string> PostForBodyAsync(JObject activity)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task TypedStart_ReturnsTheFirstQuestionCardInTheResponse()
    {
        var replies = await PostAsync(Message("http-start", "start Aktiv sommer"));

        var card = (JObject)replies.Single(r => r["attachments"] is JArray)["attachments"]![0]!["content"]!;
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Contains(Texts.Get(Language.Nb, "Question_1_Text"), CardReader.AllText(card));
    }

    [Fact]
    public async Task TheCardInTheResponse_IsTheCardsJson_AsCardJsonWroteIt()
    {
        var expected = CardJson.Serialize(ReplyRenderer.CardFor(new HelpReply(), Language.Nb));

        var body = await PostForBodyAsync(Message("http-card-json", "hjelp"));

        Assert.Contains(expected, body, StringComparison.Ordinal);
        var card = CardReader.Parse(body)["activities"]!.Single(r => r["attachments"] is JArray)["attachments"]![0]!["content"]!;
        Assert.True(JToken.DeepEquals(CardReader.Parse(expected), card));
    }

    [Fact]
    public async Task CardSubmit_OverHttp_AdvancesThePlan_AndStateSurvivesBetweenRequests()
    {
        var first = await PostAsync(Message("http-submit", "start Trygg skolevei"));
        var card = (JObject)first.Single(r => r["attachments"] is JArray)["attachments"]![0]!["content"]!;
        var next = (JObject)CardReader.FindSubmit(card, Texts.Get(Language.Nb, "Action_Next"))!["data"]!.DeepClone();
        next["answer"] = "Barna går trygt til skolen";

        var replies = await PostAsync(Message("http-submit", value: next));

        Assert.Contains(replies, r => r["attachments"] is JArray a && CardReader.AllText((JObject)a[0]!["content"]!).Contains(Texts.Get(Language.Nb, "Question_2_Text"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    public async Task UnreadableBody_IsABadRequest_AndTheProcessLivesOn(string body)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await PostAsync(Message("http-alive", "hjelp")));
    }

    [Fact]
    public async Task MentionInAGroupChat_PointsToThePersonalChat_AndStartsNoSharedPlan()
    {
        var activity = Message("http-group", "<at>Samskapelse</at> start Felles plan");
        activity["conversation"]!["conversationType"] = "groupChat";
        activity["entities"] = new JArray(new JObject { ["type"] = "mention", ["text"] = "<at>Samskapelse</at>", ["mentioned"] = new JObject { ["id"] = "28:bot", ["name"] = "Samskapelse" } });

        var replies = await PostAsync(activity);

        Assert.Equal(Texts.Get(Language.Nb, "Group_PlanInPersonalChat"), (string?)Assert.Single(replies)["text"]);
    }

    [Fact]
    public async Task ABodyOverTheLimit_IsRefusedWith413_BeforeItIsParsed()
    {
        using var client = factory.CreateClient();
        var huge = Message("http-huge", new string('x', 300 * 1024));
        using var content = new StringContent(huge.ToString(), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotEmpty(await PostAsync(Message("http-after-huge", "hjelp")));
    }
}
