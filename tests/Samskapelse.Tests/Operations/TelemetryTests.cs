using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Operations;
using Samskapelse.Localization;
using Samskapelse.Planning.Conversation;
using Samskapelse.Review;
using Samskapelse.Tests.Assistant;
using Samskapelse.Tests.Http;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Operations;

/// <summary>The bot's spans and metrics for turns, card actions and storage, captured in memory from the running host.</summary>
[Collection(BotHostTests.Name)]
public sealed class TelemetryTests : IClassFixture<TelemetryTests.TracedBot>
{
    private const string Marker = "MARKER-TELEMETRY-7f3a";
    private readonly TracedBot host;

    public TelemetryTests(TracedBot host) => this.host = host;

    /// <summary>
    /// The bot with an in-memory trace exporter on its ActivitySource and the ASP.NET Core spans, as the OTLP pipeline has:
    /// the sampler follows the request span, so without it the turn would not be recorded.
    /// </summary>
    public sealed class TracedBot : WebApplicationFactory<Program>
    {
        private readonly TempDatabase database = new();

        public List<Activity> Spans { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Storage:SqlitePath", database.Path);
            builder.UseSetting("MicrosoftAppId", string.Empty);
            builder.ConfigureTestServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(Telemetry.Name).AddAspNetCoreInstrumentation().AddInMemoryExporter(Spans)));
        }

        public int SpanCount
        {
            get
            {
                lock (Spans)
                {
                    return Spans.Count;
                }
            }
        }

        /// <summary>The spans ended since <paramref name="count"/> spans had been exported.</summary>
        public Activity[] SpansSince(int count)
        {
            lock (Spans)
            {
                return [.. Spans.Skip(count)];
            }
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

    private (HttpConversation Conversation, MetricRecorder Metrics) Start(string name)
    {
        var telemetry = host.Services.GetRequiredService<Telemetry>();
        return (new HttpConversation(host.CreateClient(), "a:" + name, "29:" + name + "-user", "Ola " + Marker), new MetricRecorder(telemetry.Meter));
    }

    private static void AssertNoUserDataIn(IEnumerable<KeyValuePair<string, string?>> tags)
    {
        foreach (var (key, value) in tags)
        {
            Assert.DoesNotContain(Marker, value ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("29:", value ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain("a:", value ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task APlanningTurn_IsATurnSpan_WithItsStorageSpansInside_AndTurnAndStorageMetrics()
    {
        var (chat, recorder) = Start("telemetry-turn");
        using var metrics = recorder;

        var before = host.SpanCount;

        await chat.SayAsync("start " + Marker);

        var spans = host.SpansSince(before);
        var turn = Assert.Single(spans, s => s.DisplayName == "turn message");
        Assert.Equal("personal", turn.GetTagItem(TelemetryTags.ConversationType));
        Assert.Equal("message", turn.GetTagItem(TelemetryTags.ActivityType));
        Assert.Equal("ok", turn.GetTagItem(TelemetryTags.Outcome));
        var storage = spans.Where(s => s.DisplayName.StartsWith("storage ", StringComparison.Ordinal)).ToList();
        Assert.Contains(storage, s => s.DisplayName == "storage read" && s.ParentSpanId == turn.SpanId);
        Assert.Contains(storage, s => s.DisplayName == "storage write" && s.ParentSpanId == turn.SpanId);
        Assert.All(storage, s => Assert.Equal("sqlite", s.GetTagItem(TelemetryTags.StorageSystem)));
        Assert.All(storage, s => Assert.Equal(ActivityKind.Client, s.Kind));

        var turnCount = Assert.Single(metrics.Of("samskapelse.turns"));
        Assert.Equal(1, turnCount.Value);
        Assert.Equal(("message", "personal", "ok"), (turnCount[TelemetryTags.ActivityType], turnCount[TelemetryTags.ConversationType], turnCount[TelemetryTags.Outcome]));
        Assert.True(Assert.Single(metrics.Of("samskapelse.turn.duration")).Value > 0);
        var storageDurations = metrics.Of("samskapelse.storage.duration");
        Assert.Contains(storageDurations, m => m[TelemetryTags.StorageOperation] == "read" && m[TelemetryTags.Outcome] == "ok");
        Assert.Contains(storageDurations, m => m[TelemetryTags.StorageOperation] == "write" && m[TelemetryTags.Outcome] == "ok");
        Assert.Empty(metrics.Of("samskapelse.card_actions"));

        AssertNoUserDataIn(metrics.Measurements.SelectMany(m => m.Tags));
        AssertNoUserDataIn(spans.SelectMany(s => s.Tags));
    }

    [Fact]
    public async Task CardActions_AreCountedByVerb_AndAVerbTheBotNeverSent_IsOther()
    {
        var (chat, recorder) = Start("telemetry-card");
        using var metrics = recorder;
        var first = await chat.SayAsync("start Safe routes");
        var before = host.SpanCount;
        var next = (JObject)CardReader.FindSubmit(first.Cards.Single(c => CardReader.CardNumber(c) is not null), "Next")!["data"]!.DeepClone();
        next["answer"] = Marker;

        await chat.SubmitAsync(next);
        await chat.SubmitAsync(new JObject { [CardData.Verb] = "made-up-" + Marker });
        await chat.InvokeAsync(ReviewVerbs.Sign, new JObject { [ReviewFields.Plan] = "no-such-plan" });

        var actions = metrics.Of("samskapelse.card_actions");
        Assert.Equal(3, actions.Count);
        Assert.Contains(actions, a => a[TelemetryTags.CardAction] == "submit" && a[TelemetryTags.CardVerb] == (string?)next[CardData.Verb] && a[TelemetryTags.Outcome] == "ok");
        Assert.Contains(actions, a => a[TelemetryTags.CardAction] == "submit" && a[TelemetryTags.CardVerb] == "other");
        Assert.Contains(actions, a => a[TelemetryTags.CardAction] == "execute" && a[TelemetryTags.CardVerb] == ReviewVerbs.Sign);
        Assert.Equal(3, metrics.Of("samskapelse.card_action.duration").Count);
        Assert.Contains(host.SpansSince(before), s => s.DisplayName == "turn invoke" && s.GetTagItem(TelemetryTags.CardVerb) as string == ReviewVerbs.Sign);
        AssertNoUserDataIn(metrics.Measurements.SelectMany(m => m.Tags));
    }

    [Fact]
    public async Task ACloudAssistantRequest_IsTimedWithItsOutcome_AndItsTokensCounted()
    {
        await using var openAI = await FakeOpenAIServer.StartAsync(TimeProvider.System);
        openAI.Completion("this is not the JSON the schema asks for", totalTokens: 77);
        using var cloud = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Memory");
            builder.UseSetting("MicrosoftAppId", string.Empty);
            builder.UseSetting("Assistant:Provider", "AzureOpenAI");
            builder.UseSetting("Assistant:AzureOpenAI:Endpoint", openAI.Endpoint.ToString());
            builder.UseSetting("Assistant:AzureOpenAI:Deployment", "gpt");
            builder.UseSetting("Assistant:AzureOpenAI:ApiKey", "test-key");
        });
        using var metrics = new MetricRecorder(cloud.Services.GetRequiredService<Telemetry>().Meter);
        var chat = new HttpConversation(cloud.CreateClient(), "a:telemetry-ai", "29:telemetry-ai", "Ola Nordmann");
        await chat.SayAsync("start " + Marker);
        await chat.SayAsync("A meeting place " + Marker);

        await chat.PressAsync(Texts.Get(Language.En, "Assist_Suggest"));
        await cloud.Services.GetRequiredService<AssistantDelivery>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var request = Assert.Single(metrics.Of("samskapelse.ai.duration"));
        Assert.Equal(("partners", "azureopenai", "malformed"), (request[TelemetryTags.AssistantKind], request[TelemetryTags.AssistantSource], request[TelemetryTags.Outcome]));
        Assert.Equal(77, Assert.Single(metrics.Of("samskapelse.ai.tokens")).Value);
        AssertNoUserDataIn(metrics.Measurements.SelectMany(m => m.Tags));
    }

    [Fact]
    public void WithoutAnOtlpEndpoint_TheOpenTelemetrySdkIsNotAdded()
    {
        using var plain = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Memory");
            builder.UseSetting("MicrosoftAppId", string.Empty);
        });

        Assert.Null(plain.Services.GetService<TracerProvider>());
        Assert.Null(plain.Services.GetService<MeterProvider>());
        Assert.NotNull(plain.Services.GetService<Telemetry>());
    }
}
