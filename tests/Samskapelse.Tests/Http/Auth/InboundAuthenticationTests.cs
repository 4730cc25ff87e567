using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Http.Auth;

/// <summary>
/// Real JWTs, signed with local keys and validated by the SDK against a local OpenID document: a valid
/// channel token gets a turn; every forged one gets 401, touches no state, and is logged as a warning
/// with the bot's own event id, never as an error and never with the token in it.
/// </summary>
[Collection(BotHostTests.Name)]
public sealed class InboundAuthenticationTests(AuthenticatedBotFixture fixture) : IClassFixture<AuthenticatedBotFixture>
{
    private const int AuthenticationRefusedEvent = 1101;

    public static TheoryData<string> ForgedCases => ForgedRequests.Names();

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS512")]
    public async Task AValidChannelToken_GetsATurn_AndTheReply(string algorithm)
    {
        var t = fixture.Context("valid-" + algorithm);

        var (status, body) = await AuthenticatedBotFixture.PostAsync(fixture.Bot.Server, t.Bearer(t.SignedBy(t.Claims(), algorithm: algorithm)));

        Assert.Equal(StatusCodes.Status200OK, status);
        var replies = (JArray)JObject.Parse(body)["activities"]!;
        Assert.Contains(replies, reply => (string?)reply["type"] == "message");
        Assert.Contains(fixture.Storage.Operations, operation => operation.Contains(t.Conversation, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ForgedCases))]
    public async Task AForgedRequest_IsRefused_StoresNothing_AndIsLoggedAsAnAuthenticationFailure(string forgery)
    {
        var t = fixture.Context("forged-" + Guid.NewGuid().ToString("N"));
        var request = ForgedRequests.Cases[forgery](t);
        fixture.Logs.Clear();

        var (status, _) = await AuthenticatedBotFixture.PostAsync(fixture.Bot.Server, request);

        Assert.True(status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden, $"{forgery}: {status}");
        Assert.DoesNotContain(fixture.Storage.Operations, operation => operation.Contains(t.Conversation, StringComparison.Ordinal) || operation.Contains(t.User, StringComparison.Ordinal));
        var logs = fixture.Logs.Entries;
        Assert.Contains(logs, log => log.EventId.Id == AuthenticationRefusedEvent && log.Level == LogLevel.Warning);
        Assert.DoesNotContain(logs, log => log.Level >= LogLevel.Error);
        var secrets = request.Authorization.SelectMany(value => value.Split(' ', '.')).Where(part => part.Length >= 16).ToList();
        Assert.DoesNotContain(logs, log => secrets.Any(secret => log.Text.Contains(secret, StringComparison.Ordinal)));

        var alive = fixture.Context("alive-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(StatusCodes.Status200OK, (await AuthenticatedBotFixture.PostAsync(fixture.Bot.Server, alive.Bearer(alive.Valid()))).StatusCode);
    }

    [Fact]
    public async Task EmulatorTokens_AreAcceptedOnlyWithTheirDangerousSwitch()
    {
        using var allowing = fixture.Bot.WithWebHostBuilder(builder => builder.UseSetting("Auth:DangerouslyAllowEmulatorTokens", "true"));
        var t = fixture.Context("emulator-allowed");

        var (status, _) = await AuthenticatedBotFixture.PostAsync(allowing.Server, t.Bearer(t.SignedBy(ForgedRequests.Emulator(t, "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", "1.0", "appid"))));

        Assert.Equal(StatusCodes.Status200OK, status);
    }

    /// <summary>Issue 14, item 9: the Development environment alone no longer opens the door to emulator tokens, whose audience and service URL the SDK does not check.</summary>
    [Theory]
    [InlineData("https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0", "2.0", "azp")]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", "1.0", "appid")]
    public async Task EmulatorTokens_AreRefusedInDevelopment_WithoutTheSwitch(string issuer, string version, string appIdClaim)
    {
        using var development = fixture.Bot.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));
        var t = fixture.Context("emulator-development-" + version);

        var (status, _) = await AuthenticatedBotFixture.PostAsync(development.Server, t.Bearer(t.SignedBy(ForgedRequests.Emulator(t, issuer, version, appIdClaim))));

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.DoesNotContain(fixture.Storage.Operations, operation => operation.Contains(t.Conversation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreadableChannelKeys_Are503AndAnError_NotTheCallersFault()
    {
        using var port = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        port.Start();
        var closed = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();
        using var broken = fixture.Bot.WithWebHostBuilder(builder => builder.UseSetting("ToBotFromChannelOpenIdMetadataUrl", $"https://127.0.0.1:{closed}/openid"));
        var t = fixture.Context("metadata-unreachable");
        fixture.Logs.Clear();

        var (status, _) = await AuthenticatedBotFixture.PostAsync(broken.Server, t.Bearer(t.Valid()));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Contains(fixture.Logs.Entries, log => log.EventId.Id == 1102 && log.Level == LogLevel.Error);
        Assert.DoesNotContain(fixture.Storage.Operations, operation => operation.Contains(t.Conversation, StringComparison.Ordinal));
    }

    public static TheoryData<string, bool, int> BadBodies() => new()
    {
        // Without a valid-looking token the body is never read: 401 whatever it holds.
        { "over the limit", false, 401 },
        { "nested 10 000 deep", false, 401 },
        { "not JSON", false, 401 },
        { "over the limit", true, 413 },
        { "nested 10 000 deep", true, 400 },
        { "not JSON", true, 400 },
        { "no serviceUrl", true, 400 },
        { "no conversation", true, 400 },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task TheHeaderIsCheckedBeforeTheBody(string body, bool withToken, int expected)
    {
        var t = fixture.Context("body-" + Guid.NewGuid().ToString("N"));
        var activity = t.Activity();
        var text = body switch
        {
            "over the limit" => new JObject(activity) { ["text"] = new string('x', 300 * 1024) }.ToString(),
            "nested 10 000 deep" => activity.ToString()[..^1] + ", \"value\": " + new string('[', 10_000) + new string(']', 10_000) + "}",
            "not JSON" => "{not json",
            "no serviceUrl" => Removed(activity, "serviceUrl"),
            _ => Removed(activity, "conversation"),
        };
        var request = withToken ? t.Bearer(t.Valid(), activity) : t.Headers();

        var (status, _) = await AuthenticatedBotFixture.PostAsync(fixture.Bot.Server, request, text);

        Assert.Equal(expected, status);
    }

    private static string Removed(JObject activity, string field)
    {
        var copy = (JObject)activity.DeepClone();
        copy.Remove(field);
        return copy.ToString();
    }
}
