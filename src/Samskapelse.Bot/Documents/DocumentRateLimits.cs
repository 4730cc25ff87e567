using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Documents;

/// <summary>
/// ASP.NET Core rate limiting for GET /documents/{token}: a fixed window per link and one per client address, chained,
/// so neither one link fetched in a loop nor one address trying many links can make the bot render without end.
/// Partitions are keyed by a hash of the token, never the token itself (it is the secret). Over the limit: 429 with
/// Retry-After. Other endpoints are not limited here (POST /api/messages has its own flood guard).
/// </summary>
public static class DocumentRateLimits
{
    public static IServiceCollection AddDocumentRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<DocumentOptions>, ILoggerFactory>((limiter, documents, loggers) =>
        {
            var options = documents.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Limiter(http => TokenOf(http) is { } token ? "link:" + Hash(token) : null, options.RequestsPerLinkPerMinute),
                Limiter(http => TokenOf(http) is null ? null : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.RequestsPerAddressPerMinute));
            var logger = loggers.CreateLogger(typeof(DocumentRateLimits));
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "private, no-store";
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                Log.LinkRefused(logger, "too many requests");
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> Limiter(Func<HttpContext, string?> partition, int permits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => partition(http) is { } key
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(string.Empty));

    private static string? TokenOf(HttpContext http) =>
        http.Request.Path.StartsWithSegments(PlanLinkIssuer.RoutePrefix.TrimEnd('/'), StringComparison.Ordinal, out var rest) && rest.HasValue
            ? rest.Value!.TrimStart('/')
            : null;

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
