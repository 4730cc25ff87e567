using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Bench.Connector;

/// <summary>
/// A Bot Connector on loopback, as Teams' is to a bot with authentication off: it accepts what the bot sends
/// to a conversation, answers with an id, and keeps each conversation's activities until they are taken.
/// </summary>
public sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JObject>> received = new(StringComparer.Ordinal);
    private long count;

    private ConnectorStub(WebApplication app) => this.app = app;

    /// <summary>The service URL to put on activities: the bot sends its replies here.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Every activity received since the start.</summary>
    public long Received => Interlocked.Read(ref count);

    public static async Task<ConnectorStub> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        var stub = new ConnectorStub(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", stub.AcceptAsync);
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", stub.AcceptAsync);
        app.MapPost("/v3/conversations", () => Results.Json(new { id = "a:" + Guid.NewGuid().ToString("N") }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        stub.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return stub;
    }

    /// <summary>The activities the bot sent to one conversation since the last call, oldest first.</summary>
    public List<JObject> Take(string conversationId)
    {
        var taken = new List<JObject>();
        if (received.TryGetValue(conversationId, out var queue))
        {
            while (queue.TryDequeue(out var activity))
            {
                taken.Add(activity);
            }
        }

        return taken;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task<IResult> AcceptAsync(HttpContext context, string conversationId)
    {
        using var reader = new StreamReader(context.Request.Body);
        var activity = JObject.Parse(await reader.ReadToEndAsync(context.RequestAborted));
        // The body names the conversation as the bot knows it; the path has it escaped.
        var conversation = (string?)activity["conversation"]?["id"] ?? Uri.UnescapeDataString(conversationId);
        received.GetOrAdd(conversation, _ => new ConcurrentQueue<JObject>()).Enqueue(activity);
        var id = Interlocked.Increment(ref count);
        return Results.Json(new { id = "reply-" + id.ToString(CultureInfo.InvariantCulture) });
    }
}
