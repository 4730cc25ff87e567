using Samskapelse.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Samskapelse.Tests.Http;

/// <summary>A bad configuration stops the bot at start with a message naming the key.</summary>
[Collection(BotHostTests.Name)]
public sealed class ConfigurationValidationTests
{
    // The host is built and started directly rather than through WebApplicationFactory, which can
    // lose the start-up exception in a race with its own disposal and report ObjectDisposedException.
    internal static Exception? Start(string environment, params (string Key, string Value)[] settings)
    {
        var args = new List<string>
        {
            "--environment=" + environment,
            "--urls=http://127.0.0.1:0",
            "--Storage:Provider=Memory",
        };
        if (!settings.Any(s => s.Key.StartsWith("Documents:SigningKey", StringComparison.Ordinal)))
        {
            args.Add("--Documents:SigningKey=" + Support.TestSigningKey.Base64);
        }

        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        var app = SamskapelseHost.Build([.. args]);
        try
        {
            var error = Record.Exception(() => app.StartAsync().GetAwaiter().GetResult());
            if (error is null)
            {
                app.StopAsync().GetAwaiter().GetResult();
            }

            return error;
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    private static void AssertRefused(Exception? error, string expectedKey)
    {
        Assert.True(error?.GetBaseException() is OptionsValidationException, error?.ToString());
        var validation = (OptionsValidationException)error!.GetBaseException();
        Assert.Contains(expectedKey, string.Join(" ", validation.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "")]
    [InlineData("Staging", "")]
    [InlineData("Production", "   ")]
    public void NoAppIdOutsideDevelopment_IsRefused(string environment, string appId) =>
        AssertRefused(Start(environment, ("MicrosoftAppId", appId)), "MicrosoftAppId is empty");

    [Fact]
    public void NoAppIdInProduction_IsAllowedOnlyWhenExplicitlyAllowed() =>
        Assert.Null(Start("Production", ("MicrosoftAppId", string.Empty), ("DangerouslyAllowUnauthenticatedRequests", "true")));

    [Theory]
    [InlineData("-1")]
    [InlineData("5000")]
    public void RetentionDaysOutOfRange_IsRefused(string days) =>
        AssertRefused(Start("Development", ("Privacy:RetentionDays", days)), "Privacy:RetentionDays");

    [Fact]
    public void NoAppIdInDevelopment_RunsLocally() => Assert.Null(Start("Development", ("MicrosoftAppId", string.Empty)));

    [Theory]
    [InlineData("MicrosoftAppType", "Anonymous", "MicrosoftAppType 'Anonymous'")]
    [InlineData("MicrosoftAppId", "not-a-guid", "MicrosoftAppId must be")]
    [InlineData("MicrosoftAppTenantId", "contoso", "MicrosoftAppTenantId must be")]
    public void WrongValues_AreNamed(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "11111111-1111-1111-1111-111111111111",
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = "22222222-2222-2222-2222-222222222222",
            [key] = value,
        };
        AssertRefused(Start("Production", [.. settings.Select(s => (s.Key, s.Value))]), expected);
    }

    [Fact]
    public void ManagedIdentityWithAPassword_IsRefused() =>
        AssertRefused(
            Start("Production", ("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppId", "11111111-1111-1111-1111-111111111111"), ("MicrosoftAppTenantId", "22222222-2222-2222-2222-222222222222"), ("MicrosoftAppPassword", "oops")),
            "MicrosoftAppPassword must be empty");

    [Fact]
    public void SingleTenantWithoutTenant_IsRefused() =>
        AssertRefused(
            Start("Production", ("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppId", "11111111-1111-1111-1111-111111111111"), ("MicrosoftAppPassword", "secret")),
            "MicrosoftAppTenantId is required");

    [Fact]
    public void MultiTenantWithoutAnyTenantOutsideDevelopment_IsRefused() =>
        AssertRefused(
            Start("Production", ("MicrosoftAppType", "MultiTenant"), ("MicrosoftAppId", "11111111-1111-1111-1111-111111111111"), ("MicrosoftAppPassword", "secret")),
            "Bot:AllowedTenants is empty and MicrosoftAppTenantId is not set");

    [Fact]
    public void MultiTenantWithAllowedTenants_Starts() =>
        Assert.Null(Start("Production", ("MicrosoftAppType", "MultiTenant"), ("MicrosoftAppId", "11111111-1111-1111-1111-111111111111"), ("MicrosoftAppPassword", "secret"), ("Bot:AllowedTenants:0", "22222222-2222-2222-2222-222222222222")));

    [Fact]
    public void AnAllowedTenantThatIsNoTenantId_IsNamed() =>
        AssertRefused(Start("Development", ("Bot:AllowedTenants:0", "contoso.onmicrosoft.com")), "Bot:AllowedTenants contains 'contoso.onmicrosoft.com'");

    [Fact]
    public void UnknownStorageProvider_IsRefused() =>
        AssertRefused(Start("Development", ("Storage:Provider", "Cassandra")), "Storage:Provider must be Sqlite, Blob or Memory");

    [Theory]
    [InlineData(new string[0], "Storage:Blob:ServiceUri (with a managed identity) or Storage:Blob:ConnectionString is required")]
    [InlineData(new[] { "Storage:Blob:ServiceUri", "http://account.blob.core.windows.net" }, "Storage:Blob:ServiceUri must be an https URL")]
    [InlineData(new[] { "Storage:Blob:ServiceUri", "https://account.blob.core.windows.net", "Storage:Blob:Container", "Bot_State" }, "Storage:Blob:Container must be")]
    public void BlobStorageWithoutAWayIn_IsRefused_NamingTheKey(string[] settings, string expected) =>
        AssertRefused(
            Start("Development", [("Storage:Provider", "Blob"), .. settings.Chunk(2).Select(pair => (pair[0], pair[1]))]),
            expected);

    [Fact]
    public void BlobStorageWithAServiceUri_Starts_WithoutTouchingTheNetworkYet() =>
        Assert.Null(Start("Development", ("Storage:Provider", "Blob"), ("Storage:Blob:ServiceUri", "https://account.blob.core.windows.net"), ("Storage:Blob:ManagedIdentityClientId", "33333333-3333-3333-3333-333333333333")));

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318", "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http or https URL")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "OTEL_EXPORTER_OTLP_PROTOCOL must be grpc or http/protobuf")]
    [InlineData("Health:ReadyTimeout", "00:05:00", "Health:ReadyTimeout must be between")]
    public void BadOperationsSettings_AreNamed(string key, string value, string expected) =>
        AssertRefused(Start("Development", (key, value)), expected);

    [Theory]
    [InlineData("Resilience:SendsPerSecondPerThread", "20", "Resilience:SendsPerSecondPerThread")]
    [InlineData("Resilience:TurnsPerPerson", "0", "Resilience:TurnsPerPerson")]
    [InlineData("Resilience:Connector:MaxRetries", "50", "Resilience:Connector:MaxRetries")]
    [InlineData("Resilience:Connector:AttemptTimeout", "00:01:00", "Resilience:Connector:AttemptTimeout")]
    [InlineData("Resilience:PendingAnswerLifetime", "00:00:00", "Resilience:PendingAnswerLifetime")]
    public void WrongResilienceSettings_AreNamed(string key, string value, string expected) =>
        AssertRefused(Start("Development", (key, value)), expected);

    [Fact]
    public void TheSampleSettings_StartTheBotInProduction()
    {
        using var database = new Support.TempDatabase();
        var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Support.NodeTools.RepositoryRoot, "appsettings.sample.json")))!.AsObject();
        var settings = Flatten(sample, string.Empty).Where(s => !s.Key.StartsWith("Logging", StringComparison.Ordinal)).ToList();
        settings.Add(("Storage:SqlitePath", database.Path));

        // As it stands, its signing key is a placeholder the bot refuses; with a real key put in, it starts.
        AssertRefused(Start("Production", [.. settings]), "Documents:SigningKeys:0:Key is the placeholder");
        Assert.Null(Start("Production", [.. settings.Select(s => s.Key == "Documents:SigningKeys:0:Key" ? (s.Key, Support.TestSigningKey.Base64) : s)]));
    }

    private static IEnumerable<(string Key, string Value)> Flatten(System.Text.Json.Nodes.JsonNode node, string prefix) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj => obj.SelectMany(p => Flatten(p.Value!, prefix.Length == 0 ? p.Key : prefix + ":" + p.Key)),
        System.Text.Json.Nodes.JsonArray array => array.SelectMany((item, i) => Flatten(item!, prefix + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        _ => [(prefix, node.ToString())],
    };
}
