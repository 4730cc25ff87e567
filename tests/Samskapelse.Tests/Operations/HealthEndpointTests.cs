using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Hosting;
using Samskapelse.Bot.Operations;
using Samskapelse.Tests.Http;

namespace Samskapelse.Tests.Operations;

/// <summary>/health/live and /health/ready over HTTP, with a working, a failing and a hanging store.</summary>
[Collection(BotHostTests.Name)]
public sealed class HealthEndpointTests
{
    private sealed class HealthFactory(FaultyStorage.Fault fault) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Memory");
            builder.UseSetting("MicrosoftAppId", string.Empty);
            // A real but short wait: the hanging store must make the probe give up, not the test wait.
            builder.UseSetting("Health:ReadyTimeout", "00:00:00.050");
            builder.ConfigureTestServices(services =>
            {
                services.Decorate<IStorage>((store, _) => new FaultyStorage(store, fault));
                // The background services' reads hang with the store; stopping must not wait the default 30 s for them.
                services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
            });
        }
    }

    private static async Task<(HttpStatusCode Status, JObject Body, string Raw)> GetAsync(FaultyStorage.Fault fault, string path)
    {
        using var factory = new HealthFactory(fault);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JObject.Parse(raw), raw);
    }

    [Theory]
    [InlineData(FaultyStorage.Fault.None)]
    [InlineData(FaultyStorage.Fault.Throws)]
    public async Task Live_Answers200_WithoutAskingTheStore(FaultyStorage.Fault fault)
    {
        var (status, body, _) = await GetAsync(fault, HealthEndpoints.LivePath);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Empty((JObject)body["checks"]!);
    }

    [Fact]
    public async Task Ready_WithAWorkingStore_Answers200_AndReportsTheStorageCheck()
    {
        var (status, body, _) = await GetAsync(FaultyStorage.Fault.None, HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["storage"]!["status"]);
    }

    [Fact]
    public async Task Ready_WithAFailingStore_Answers503_WithoutTheStoresErrorText()
    {
        var (status, body, raw) = await GetAsync(FaultyStorage.Fault.Throws, HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", (string?)body["checks"]!["storage"]!["status"]);
        Assert.Contains(nameof(InvalidOperationException), (string?)body["checks"]!["storage"]!["description"], StringComparison.Ordinal);
        Assert.DoesNotContain(FaultyStorage.SecretInMessage, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_WithAHangingStore_Answers503_AfterTheTimeout()
    {
        var (status, body, _) = await GetAsync(FaultyStorage.Fault.Hangs, HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", (string?)body["status"]);
        Assert.Contains("in time", (string?)body["checks"]!["storage"]!["description"], StringComparison.Ordinal);
    }
}
