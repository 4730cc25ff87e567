using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OpenTelemetry.Trace;
using Samskapelse.Bot.Operations;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Operations;

/// <summary>
/// Issue 14, item 10: telemetry carries no credentials. A traced conversation on Blob Storage (Azurite),
/// with replies through a Bot Connector on loopback and every kind of document downloaded, leaves no
/// download token, user id or conversation id in any span exported over OTLP or in any log record at
/// Trace level. Request spans carry the route template, outgoing calls the host without the path.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed partial class TelemetryRedactionTests(AzuriteFixture azurite)
{
    // Letters and digits only, so they read the same in a URL, a blob name and a log line.
    private const string UserMark = "tlmuser7f3k";
    private const string ConversationMark = "tlmchat9q2w";
    private const string GroupMark = "tlmgroup4x8z";

    [GeneratedRegex(@"/documents/[A-Za-z0-9_\-\.]+")]
    private static partial Regex DocumentPath();

    /// <summary>A Bot Connector on loopback: every POST or PUT under /v3/conversations/ gets an activity id.</summary>
    private sealed class Connector : IAsyncDisposable
    {
        private readonly WebApplication app;

        private Connector(WebApplication app) => this.app = app;

        public List<string> Paths { get; } = [];

        public Uri Address => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

        public static async Task<Connector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var connector = new Connector(app);
            app.Map("/v3/conversations/{**rest}", async (HttpContext context) =>
            {
                lock (connector.Paths)
                {
                    connector.Paths.Add(context.Request.Path.Value!);
                }

                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"id\":\"activity-1\"}");
            });
            await app.StartAsync();
            return connector;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ATracedConversation_WithDownloadsAndBlobWrites_LeavesNoTokenUserOrConversationIdInSpansOrLogs()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var connector = await Connector.StartAsync();
        var logs = new CapturingLoggerProvider();
        var container = azurite.NewContainerName("telemetry");
        using var bot = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("MicrosoftAppId", string.Empty);
            builder.UseSetting("Storage:Provider", "Blob");
            builder.UseSetting("Storage:Blob:ConnectionString", azurite.ConnectionString);
            builder.UseSetting("Storage:Blob:Container", container);
            builder.UseSetting(TelemetryOptions.EndpointKey, collector.Address.ToString());
            builder.UseSetting(TelemetryOptions.ProtocolKey, "http/protobuf");
            builder.ConfigureLogging(logging => logging
                .SetMinimumLevel(LogLevel.Trace)
                .AddProvider(logs)
                .AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
        });
        var client = bot.CreateClient();
        var user = "29:" + UserMark;
        var chat = new HttpConversation(client, "a:" + ConversationMark, user, "Kari Leder");

        await chat.SayAsync("start Youth house");
        await chat.SayAsync("A meeting place run with the young");
        await chat.SayAsync("Sports club (association, outside)");
        foreach (var step in new[] { "next", "next", "next", "next" })
        {
            await chat.SayAsync(step);
        }

        var summary = await chat.SayAsync("summary");
        var myData = await chat.SayAsync("my data");
        var group = new HttpConversation(client, "19:" + GroupMark + "@thread.v2", user, "Kari Leder", "groupChat");
        await group.SayAsync("<at>Samskapelse</at> share");

        // One turn as Teams sends it: the reply goes to the connector, to a URL naming the conversation.
        var incoming = new JObject
        {
            ["type"] = "message",
            ["id"] = "incoming-1",
            ["channelId"] = "msteams",
            ["serviceUrl"] = connector.Address.ToString(),
            ["locale"] = "en-US",
            ["from"] = new JObject { ["id"] = user, ["name"] = "Kari Leder" },
            ["recipient"] = new JObject { ["id"] = HttpConversation.BotId, ["name"] = "Samskapelse" },
            ["conversation"] = new JObject { ["id"] = "a:" + ConversationMark, ["conversationType"] = "personal" },
            ["text"] = "help",
        };
        using (var content = new StringContent(incoming.ToString(), Encoding.UTF8, "application/json"))
        using (var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content))
        {
            Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        }

        Assert.Contains(connector.Paths, path => path.Contains(ConversationMark, StringComparison.Ordinal));

        var cards = string.Join("\n", summary.Cards.Concat(myData.Cards).Select(c => c.ToString()));
        var paths = DocumentPath().Matches(cards).Select(m => m.Value).Distinct().ToList();
        Assert.True(paths.Count >= 3, "Word, Markdown, the map and the personal data link: " + string.Join(", ", paths));
        var tokens = paths.Select(p => p["/documents/".Length..]).ToList();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var forged = paths[0][..^3] + (paths[0][^3] == 'A' ? "B" : "A") + paths[0][^2..];
        using (var refused = await client.GetAsync(new Uri(forged, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.True(bot.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        var traces = collector.Received.Where(r => r.Path == "/v1/traces").Select(r => r.Body).ToList();
        Assert.NotEmpty(traces);
        // The spans are there: the download's request span by its route, a blob write and a connector call by their hosts.
        Assert.Contains(traces, t => Holds(t, "/documents/{token}"));
        Assert.Contains(traces, t => Holds(t, "PUT") && Holds(t, azurite.BlobEndpoint.Split('/')[2].Split(':')[0]));
        Assert.Contains(traces, t => Holds(t, connector.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        string[] secrets = [UserMark, ConversationMark, GroupMark, forged["/documents/".Length..], .. tokens, .. tokens.SelectMany(t => t.Split('.'))];
        var leakingSpans = secrets.Where(secret => traces.Any(t => Holds(t, secret))).ToList();
        Assert.True(leakingSpans.Count == 0, "In exported spans: " + string.Join(", ", leakingSpans));
        var leakingLogs = logs.Entries.Where(r => secrets.Any(secret => r.Text.Contains(secret, StringComparison.Ordinal))).ToList();
        Assert.True(logs.Entries.Count > 50, $"only {logs.Entries.Count} log records: is Trace logging on?");
        Assert.True(leakingLogs.Count == 0, "In log records:\n" + string.Join("\n---\n", leakingLogs.Take(20).Select(l => $"{l.Category} {l.EventId} {l.Level}: {l.Text}")));

        await azurite.Container(container).DeleteIfExistsAsync();
    }

    private static bool Holds(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
