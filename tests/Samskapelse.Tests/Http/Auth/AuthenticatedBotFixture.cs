using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Http.Auth;

/// <summary>A request to /api/messages: the Authorization header values (none, one or several) and the activity.</summary>
public sealed record AuthRequest(IReadOnlyList<string> Authorization, JObject Activity);

/// <summary>
/// The bot in Production with Bot Framework authentication on, in the SDK's parameterised mode, pointed
/// at a local OpenID server whose keys are: "teams-key" endorsed for msteams, "skype-key" endorsed for
/// skype only, and "bare-key" listed without endorsements. Storage records every key touched.
/// </summary>
public sealed class AuthenticatedBotFixture : IAsyncLifetime
{
    public const string AppId = "5b6c7d8e-1111-4222-8333-944445555666";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    /// <summary>The one tenant the bot serves here (Bot:AllowedTenants).</summary>
    public const string TenantId = "7a1b2c3d-4444-4555-8666-777788889999";

    public LocalOpenIdServer Server { get; private set; } = null!;

    public RecordingStorage Storage { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public WebApplicationFactory<Program> Bot { get; private set; } = null!;

    /// <summary>A key the server does not publish.</summary>
    public RSA Attacker { get; } = RSA.Create(2048);

    public static IReadOnlyDictionary<string, string?> Settings(LocalOpenIdServer server) => new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "local-test-password",
        ["ToBotFromChannelOpenIdMetadataUrl"] = server.MetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = LocalOpenIdServer.ChannelIssuer,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = server.MetadataUrl,
        ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = "https://api.botframework.com",
        ["ValidateAuthority"] = "true",
        ["CallerId"] = "urn:botframework:azure",
        ["Bot:AllowedTenants:0"] = TenantId,
    };

    public async Task InitializeAsync()
    {
        Server = await LocalOpenIdServer.StartAsync(
            new PublishedKey("teams-key", RSA.Create(2048), ["msteams"]),
            new PublishedKey("skype-key", RSA.Create(2048), ["skype"]),
            new PublishedKey("bare-key", RSA.Create(2048), null));
        Bot = new BotFactory(builder =>
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in Settings(Server))
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Storage:Provider", "Memory");
            builder.UseSetting("Documents:SigningKey", Support.TestSigningKey.Base64);
            builder.UseSetting("Bot:PublicBaseUrl", "https://bot.example.test");
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
            builder.ConfigureTestServices(services => services.AddSingleton<IStorage>(Storage));
        });
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Server.DisposeAsync();
        Attacker.Dispose();
        foreach (var key in Server.Keys)
        {
            key.Rsa.Dispose();
        }
    }

    private sealed class BotFactory(Action<IWebHostBuilder> configure) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => configure(builder);
    }

    public TokenContext Context(string conversation) => new(this, conversation, DateTimeOffset.UtcNow);

    public static Task<(int StatusCode, string Body)> PostAsync(TestServer server, AuthRequest request, string? body = null, Action<Microsoft.AspNetCore.Http.HttpContext>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RawRequests.PostAsync(server, Encoding.UTF8.GetBytes(body ?? request.Activity.ToString()), authorization: request.Authorization, configure: configure);
    }
}

/// <summary>What a case needs to build its request: the keys, the app id, a fresh conversation and the time.</summary>
public sealed class TokenContext(AuthenticatedBotFixture fixture, string conversation, DateTimeOffset now)
{
    public string Conversation => "a:" + conversation;

    public string User => "29:" + conversation;

    public DateTimeOffset Now => now;

    public RSA Attacker => fixture.Attacker;

    public RSA KeyOf(string keyId) => fixture.Server.Key(keyId).Rsa;

    public JObject Activity(string channelId = "msteams", string serviceUrl = AuthenticatedBotFixture.ServiceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["deliveryMode"] = "expectReplies",
        ["locale"] = "en-US",
        ["from"] = new JObject { ["id"] = User, ["name"] = "Kari Nordmann", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000a1" },
        ["recipient"] = new JObject { ["id"] = "28:" + AuthenticatedBotFixture.AppId, ["name"] = "Samskapelse" },
        ["conversation"] = new JObject { ["id"] = Conversation, ["conversationType"] = "personal", ["tenantId"] = AuthenticatedBotFixture.TenantId },
        ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = AuthenticatedBotFixture.TenantId } },
        ["text"] = "help",
    };

    public System.Text.Json.Nodes.JsonObject Claims() => TokenForge.ChannelClaims(AuthenticatedBotFixture.AppId, AuthenticatedBotFixture.ServiceUrl, now);

    public string SignedBy(System.Text.Json.Nodes.JsonObject claims, string keyId = "teams-key", string algorithm = "RS256") =>
        TokenForge.SignRsa(TokenForge.Header(algorithm, keyId), claims, KeyOf(keyId), algorithm switch
        {
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        });

    public string Valid() => SignedBy(Claims());

    public AuthRequest Bearer(string token, JObject? activity = null) => new(["Bearer " + token], activity ?? Activity());

    public AuthRequest Headers(params string[] values) => new(values, Activity());

    public AuthRequest WithClaims(Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var claims = Claims();
        change(claims);
        return Bearer(SignedBy(claims));
    }
}
