using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Samskapelse.Bot.Operations;

/// <summary>
/// /health/live answers while the process runs and checks nothing (a restart cannot fix a store);
/// /health/ready runs the checks tagged "ready" and answers 503 when one is unhealthy.
/// Both are anonymous: they say only which check failed, never how.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new HealthBody(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            report.Entries.ToDictionary(e => e.Key, e => new HealthEntryBody(e.Value.Status.ToString(), e.Value.Description, e.Value.Duration.TotalMilliseconds)));
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJson.Default.HealthBody, context.RequestAborted);
    }
}

public sealed record HealthBody(string Status, double DurationMs, Dictionary<string, HealthEntryBody> Checks);

public sealed record HealthEntryBody(string Status, string? Description, double DurationMs);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(HealthBody))]
internal sealed partial class HealthJson : System.Text.Json.Serialization.JsonSerializerContext;
