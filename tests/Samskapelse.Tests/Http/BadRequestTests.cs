using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Http;

/// <summary>
/// Bodies Teams never sends: each gets its 4xx, never a 500, is logged without its content, and the
/// bot answers the next real message. A stack overflow from deep nesting would end this test process.
/// </summary>
[Collection(BotHostTests.Name)]
public sealed class BadRequestTests(BadRequestTests.BotFactory factory) : IClassFixture<BadRequestTests.BotFactory>
{
    public sealed class BotFactory : WebApplicationFactory<Program>
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Memory");
            builder.UseSetting("MicrosoftAppId", string.Empty);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    /// <summary>A valid personal-chat message asking for the reply in the response (expectReplies).</summary>
    internal static JObject Message(string conversation) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.trafficmanager.net/emea/",
        ["deliveryMode"] = "expectReplies",
        ["locale"] = "en-US",
        ["from"] = new JObject { ["id"] = "29:" + conversation, ["name"] = "Kari Nordmann" },
        ["recipient"] = new JObject { ["id"] = "28:bot", ["name"] = "Samskapelse" },
        ["conversation"] = new JObject { ["id"] = "a:" + conversation, ["conversationType"] = "personal" },
        ["text"] = "help",
    };

    private static string Without(string field)
    {
        var message = Message("missing-" + field);
        message.Remove(field);
        return message.ToString();
    }

    private static string With(string field, JToken value)
    {
        var message = Message("changed-" + field);
        message[field] = value;
        return message.ToString();
    }

    private static string Nested(int depth) =>
        Message("deep").ToString()[..^1] + ", \"value\": " + new string('[', depth) + new string(']', depth) + "}";

    public static TheoryData<string, string, int> BadBodies() => new()
    {
        { "empty body", string.Empty, 400 },
        { "only whitespace", " \r\n ", 400 },
        { "not JSON", "{not json", 400 },
        { "JSON then more", Message("trailing") + " x", 400 },
        { "a JSON array", "[]", 400 },
        { "a JSON number", "42", 400 },
        { "a JSON string", "\"message\"", 400 },
        { "JSON null", "null", 400 },
        { "nested 10 000 deep", Nested(10_000), 400 },
        { "nested 100 000 deep", Nested(100_000), 400 },
        { "an unknown activity type", With("type", "hack"), 400 },
        { "a type that is an object", With("type", new JObject()), 400 },
        { "no type", Without("type"), 400 },
        { "no channelId", Without("channelId"), 400 },
        { "no serviceUrl", Without("serviceUrl"), 400 },
        { "a relative serviceUrl", With("serviceUrl", "/v3/conversations"), 400 },
        { "a serviceUrl that is not http", With("serviceUrl", "file:///etc/passwd"), 400 },
        { "no conversation", Without("conversation"), 400 },
        { "a conversation without id", With("conversation", new JObject { ["conversationType"] = "personal" }), 400 },
        { "no from", Without("from"), 400 },
        { "a from without id", With("from", new JObject { ["name"] = "Kari" }), 400 },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task ABadBody_GetsItsStatus_AndTheBotAnswersTheNextMessage(string name, string body, int expected)
    {
        factory.Logs.Clear();

        var (status, _) = await RawRequests.PostAsync(factory.Server, Encoding.UTF8.GetBytes(body));

        Assert.True(expected == status, $"{name}: {status}");
        Assert.Contains(factory.Logs.Entries, log => log.EventId.Id == 1110);
        Assert.DoesNotContain(factory.Logs.Entries, log => log.Level >= LogLevel.Error);
        await AssertStillAnswers();
    }

    [Fact]
    public async Task InvalidUtf8_IsABadRequest()
    {
        var body = Encoding.UTF8.GetBytes(Message("utf8").ToString().Replace("help", "h\u00e9lp", StringComparison.Ordinal));
        var at = Array.IndexOf(body, (byte)0xC3);
        body[at + 1] = 0x28;

        Assert.Equal(StatusCodes.Status400BadRequest, (await RawRequests.PostAsync(factory.Server, body)).StatusCode);
        await AssertStillAnswers();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    public async Task AnotherContentType_Is415(string? contentType)
    {
        var (status, _) = await RawRequests.PostAsync(factory.Server, Encoding.UTF8.GetBytes(Message("content-type").ToString()), contentType);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, status);
        await AssertStillAnswers();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyOverTheLimit_Is413_WithOrWithoutADeclaredLength(bool declareLength)
    {
        var huge = Message("huge");
        huge["text"] = new string('x', 300 * 1024);

        var (status, _) = await RawRequests.PostAsync(factory.Server, Encoding.UTF8.GetBytes(huge.ToString()), declareLength: declareLength);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        await AssertStillAnswers();
    }

    [Theory]
    [InlineData(40, 200)]
    [InlineData(63, 200)]
    [InlineData(64, 400)]
    public async Task NestingUpToTheCap_IsServed_AndOneLevelMoreIsNot(int depth, int expected)
    {
        var (status, _) = await RawRequests.PostAsync(factory.Server, Encoding.UTF8.GetBytes(Nested(depth)));

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task AChunkedMessageUnderTheLimit_IsServed()
    {
        var (status, body) = await RawRequests.PostAsync(factory.Server, Encoding.UTF8.GetBytes(Message("chunked").ToString()), declareLength: false);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.NotEmpty((JArray)JObject.Parse(body)["activities"]!);
    }

    private async Task AssertStillAnswers()
    {
        var (status, body) = await RawRequests.PostAsync(factory.Server, Encoding.UTF8.GetBytes(Message("alive-" + Guid.NewGuid().ToString("N")).ToString()));
        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.NotEmpty((JArray)JObject.Parse(body)["activities"]!);
    }
}
