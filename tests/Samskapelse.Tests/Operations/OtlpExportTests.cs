using System.Text;
using Microsoft.AspNetCore.Hosting;
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

    private static bool Holds(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [Fact]
    public async Task WithAnOtlpEndpoint_TurnSpansAndBotMetrics_ArePostedAsProtobuf_WithoutTheUsersText()
    {
        await using var collector = await OtlpCollector.StartAsync();
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
