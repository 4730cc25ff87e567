using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Hosting;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Http.Auth;

/// <summary>
/// Issue 14, item 9: no door left open by configuration. Authentication switched off answers only this
/// machine, whatever the forwarded headers claim; an authenticated activity may send the bot (and its
/// credentials) only to https on a Teams service host.
/// </summary>
[Collection(BotHostTests.Name)]
public sealed class OpenDoorTests(AuthenticatedBotFixture fixture) : IClassFixture<AuthenticatedBotFixture>
{
    private static JObject Activity(string conversation) => BadRequestTests.Message(conversation);

    private static WebApplicationFactory<Program> Unauthenticated(string environment) => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Storage:Provider", "Memory");
        builder.UseSetting("MicrosoftAppId", string.Empty);
        builder.UseSetting("DangerouslyAllowUnauthenticatedRequests", "true");
        builder.UseSetting("Documents:SigningKey", TestSigningKey.Base64);
    });

    private static Task<(int StatusCode, string Body)> PostFromAsync(WebApplicationFactory<Program> bot, string address, string? forwardedFor = null) =>
        RawRequests.PostAsync(bot.Server, System.Text.Encoding.UTF8.GetBytes(Activity("door-" + Guid.NewGuid().ToString("N")).ToString()), configure: http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(address);
            if (forwardedFor is not null)
            {
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
                http.Request.Headers["X-Real-IP"] = forwardedFor;
                http.Request.Headers["Forwarded"] = "for=" + forwardedFor;
            }
        });

    [Theory]
    [InlineData("Production", "203.0.113.7", null)]
    [InlineData("Production", "10.0.0.4", "127.0.0.1")]
    [InlineData("Production", "2001:db8::7", "::1")]
    [InlineData("Development", "192.168.1.20", null)]
    public async Task WithAuthenticationOff_ARemoteCaller_Gets401(string environment, string address, string? forwardedFor)
    {
        using var bot = Unauthenticated(environment);

        var (status, body) = await PostFromAsync(bot, address, forwardedFor);

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.DoesNotContain("activities", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task WithAuthenticationOff_ThisMachine_GetsATurn(string address)
    {
        using var bot = Unauthenticated("Production");

        var (status, body) = await PostFromAsync(bot, address);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Contains("activities", body, StringComparison.Ordinal);
    }

    public static TheoryData<string> RefusedServiceUrls() => new()
    {
        "http://smba.trafficmanager.net/emea/",
        "https://attacker.example/emea/",
        "https://smba.trafficmanager.net.attacker.example/emea/",
        "https://smba.trafficmanager.net:8443/emea/",
        "https://user@smba.trafficmanager.net/emea/",
        "http://127.0.0.1:3978/",
    };

    /// <summary>The token's serviceurl claim matches the activity, so the SDK lets these through; the host list does not.</summary>
    [Theory]
    [MemberData(nameof(RefusedServiceUrls))]
    public async Task AnAuthenticatedActivity_WithAServiceUrlNotHttpsOnAnAllowedHost_Gets401(string serviceUrl)
    {
        var t = fixture.Context("service-url-" + Guid.NewGuid().ToString("N"));
        var activity = t.Activity(serviceUrl: serviceUrl);
        var token = t.SignedBy(TokenForge.ChannelClaims(AuthenticatedBotFixture.AppId, serviceUrl, t.Now));

        var (status, _) = await AuthenticatedBotFixture.PostAsync(fixture.Bot.Server, t.Bearer(token, activity));

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.DoesNotContain(fixture.Storage.Operations, operation => operation.Contains(t.Conversation, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.trafficmanager.net/teams/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams")]
    public async Task AnAuthenticatedActivity_FromATeamsServiceHost_GetsATurn(string serviceUrl)
    {
        var t = fixture.Context("teams-host-" + Guid.NewGuid().ToString("N"));
        var token = t.SignedBy(TokenForge.ChannelClaims(AuthenticatedBotFixture.AppId, serviceUrl, t.Now));

        var (status, _) = await AuthenticatedBotFixture.PostAsync(fixture.Bot.Server, t.Bearer(token, t.Activity(serviceUrl: serviceUrl)));

        Assert.Equal(StatusCodes.Status200OK, status);
    }

    [Fact]
    public async Task TheHostList_IsConfigurable_AndThenReplacesTheTeamsHosts()
    {
        using var bot = fixture.Bot.WithWebHostBuilder(builder => builder.UseSetting("Auth:AllowedServiceUrlHosts:0", "*.example.test"));
        async Task<int> StatusFor(string serviceUrl)
        {
            var t = fixture.Context("listed-" + Guid.NewGuid().ToString("N"));
            var token = t.SignedBy(TokenForge.ChannelClaims(AuthenticatedBotFixture.AppId, serviceUrl, t.Now));
            return (await AuthenticatedBotFixture.PostAsync(bot.Server, t.Bearer(token, t.Activity(serviceUrl: serviceUrl)))).StatusCode;
        }

        Assert.Equal(StatusCodes.Status200OK, await StatusFor("https://connector.example.test/"));
        Assert.Equal(StatusCodes.Status401Unauthorized, await StatusFor("https://example.test/"));
        Assert.Equal(StatusCodes.Status401Unauthorized, await StatusFor("https://smba.trafficmanager.net/emea/"));
    }

    [Theory]
    [InlineData("Auth:AllowEmulatorTokens", "true", "Auth:DangerouslyAllowEmulatorTokens")]
    [InlineData("Auth:AllowedServiceUrlHosts:0", "https://smba.trafficmanager.net/emea/", "is not a host name")]
    public void OldOrBadSettings_StopTheBotNamingTheKey(string key, string value, string expected)
    {
        var app = SamskapelseHost.Build(["--environment=Development", "--urls=http://127.0.0.1:0", "--Storage:Provider=Memory", $"--{key}={value}"]);
        try
        {
            var error = Record.Exception(() => app.StartAsync().GetAwaiter().GetResult());

            var validation = Assert.IsType<OptionsValidationException>(error?.GetBaseException());
            Assert.Contains(expected, validation.Message, StringComparison.Ordinal);
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }
}
