using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Samskapelse.Tests.Support;

/// <summary>A stand-in OTLP/HTTP collector on loopback that keeps every request it is sent.</summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication app;

    private OtlpCollector(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> Received { get; } = new();

    public Uri Address => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var collector = new OtlpCollector(app);
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
