using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Samskapelse.Tests.Assistant;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on 127.0.0.1 (Kestrel, random port). It records every
/// request (with the fake time it arrived at) and plays the scripted answers in order: completions, HTTP
/// faults with headers, or a hold that answers only when the client gives up.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> script = new();
    private readonly Channel<RecordedRequest> arrivals = Channel.CreateUnbounded<RecordedRequest>();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly TimeProvider time;

    private FakeOpenAIServer(TimeProvider time)
    {
        this.time = time;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Run(HandleAsync);
    }

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public static async Task<FakeOpenAIServer> StartAsync(TimeProvider time)
    {
        var server = new FakeOpenAIServer(time);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address + "/");
        return server;
    }

    /// <summary>A chat completion whose message content is <paramref name="content"/>.</summary>
    public FakeOpenAIServer Completion(string content, int totalTokens = 150, string finishReason = "stop") =>
        Then(context => WriteJsonAsync(context, 200, CompletionJson(content, totalTokens, finishReason)));

    /// <summary>A completion carrying <paramref name="answer"/> as its JSON content.</summary>
    public FakeOpenAIServer Answer(object answer, int totalTokens = 150) => Completion(JsonSerializer.Serialize(answer), totalTokens);

    public FakeOpenAIServer Status(int status, string body = "{\"error\":{\"code\":\"server_error\",\"message\":\"fault\"}}", params (string Name, string Value)[] headers) =>
        Then(context =>
        {
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            return WriteJsonAsync(context, status, body);
        });

    /// <summary>Azure OpenAI's answer when its content filter refuses the prompt.</summary>
    public FakeOpenAIServer ContentFilter() => Status(400, """
        {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.","type":null,"param":"prompt","code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":true,"severity":"high"}}}}}
        """);

    /// <summary>Never answers: the request stays open until the client cancels it.</summary>
    public FakeOpenAIServer Hold() => Then(async context =>
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = context.RequestAborted.Register(() => aborted.TrySetResult());
        await aborted.Task;
    });

    public FakeOpenAIServer Then(Func<HttpContext, Task> answer)
    {
        script.Enqueue(answer);
        return this;
    }

    /// <summary>The next request to arrive (a real-time guard fails the test instead of hanging it).</summary>
    public async Task<RecordedRequest> NextRequestAsync() =>
        await arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            time.GetUtcNow());
        requests.Enqueue(recorded);
        arrivals.Writer.TryWrite(recorded);

        if (script.TryDequeue(out var answer))
        {
            await answer(context);
        }
        else
        {
            await WriteJsonAsync(context, 500, "{\"error\":{\"code\":\"unscripted\",\"message\":\"No answer was scripted for this request.\"}}");
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    private static string CompletionJson(string content, int totalTokens, string finishReason) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = "gpt-4o-mini",
            ["choices"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["index"] = 0,
                    ["message"] = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                    ["finish_reason"] = finishReason,
                    ["logprobs"] = null,
                },
            },
            ["usage"] = new Dictionary<string, int>
            {
                ["prompt_tokens"] = totalTokens * 2 / 3,
                ["completion_tokens"] = totalTokens - (totalTokens * 2 / 3),
                ["total_tokens"] = totalTokens,
            },
        });
}

public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ArrivedAt)
{
    public JsonDocument Json() => JsonDocument.Parse(Body);

    /// <summary>The chat messages' roles and contents, in order.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages()
    {
        using var document = Json();
        return [.. document.RootElement.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").ValueKind == JsonValueKind.String
            ? m.GetProperty("content").GetString()!
            : string.Concat(m.GetProperty("content").EnumerateArray().Select(p => p.GetProperty("text").GetString()))))];
    }

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Method} {Path}{Query} at {ArrivedAt:O}");
}
