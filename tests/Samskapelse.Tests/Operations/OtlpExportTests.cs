using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Samskapelse.Bot.Operations;
using Samskapelse.Tests.Http;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Operations;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, traces and metrics leave the process over OTLP/HTTP (protobuf) to a collector.</summary>
[Collection(BotHostTests.Name)]
public sealed class OtlpExportTests
{
    private const string Marker = "MARKER-OTLP-41c9";

    /// <summary>A stand-in OTLP/HTTP collector on loopback that keeps every request it is sent.</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly WebApplication app;

        private Collector(WebApplication app) => this.app = app;

        public ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> Received { get; } = new();

        public Uri Address => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        public static async Task<Collector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var collector = new Collector(app);
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector.Received.Enqueue((context.Request.Path, context.Request.ContentType, body.ToArray()));
                // An empty ExportServiceResponse is an empty protobuf message.
                context.Response.ContentType = "application/x-protobuf";
                context.Response.StatusCode = StatusCodes.Status200OK;
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static bool Holds(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [Fact]
    public async Task WithAnOtlpEndpoint_TurnSpansAndBotMetrics_ArePostedAsProtobuf_WithoutTheUsersText()
    {
        await using var collector = await Collector.StartAsync();
        using var database = new TempDatabase();
        using var bot = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Storage:SqlitePath", database.Path);
            builder.UseSetting("MicrosoftAppId", string.Empty);
            builder.UseSetting(TelemetryOptions.EndpointKey, collector.Address.ToString());
            builder.UseSetting(TelemetryOptions.ProtocolKey, "http/protobuf");
        });
        var chat = new HttpConversation(bot.CreateClient(), "a:otlp", "29:otlp-user", "Ola Nordmann");

        await chat.SayAsync("start " + Marker);
        Assert.True(bot.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(bot.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        var traces = collector.Received.Where(r => r.Path == "/v1/traces").ToList();
        var metrics = collector.Received.Where(r => r.Path == "/v1/metrics").ToList();
        Assert.NotEmpty(traces);
        Assert.NotEmpty(metrics);
        Assert.All(collector.Received, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.Contains(traces, r => Holds(r.Body, Telemetry.Name) && Holds(r.Body, "turn message") && Holds(r.Body, "storage write"));
        Assert.Contains(metrics, r => Holds(r.Body, "samskapelse.turn.duration") && Holds(r.Body, "samskapelse.storage.duration"));
        Assert.DoesNotContain(collector.Received, r => Holds(r.Body, Marker));
    }
}
