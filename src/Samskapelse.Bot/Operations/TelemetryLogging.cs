using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Operations;

/// <summary>
/// Keeps paths out of the logs, as <see cref="TelemetryRedaction"/> keeps them out of spans. ASP.NET Core's
/// request logging ("Request starting GET /documents/…"), the scope it puts around every record of a
/// request (RequestPath) and the route matcher's debug records are switched off for every logging
/// provider, whatever the configuration says;
/// the request metrics and spans, with route templates, tell the same. IHttpClientFactory's loggers,
/// which write each URL (a conversation id in the Bot Connector's) and scope every record with it, are
/// replaced by <see cref="RedactedHttpClientLogger"/>.
/// </summary>
public static class TelemetryLogging
{
    /// <summary>
    /// Categories that write request paths: hosting logs "Request starting/finished" with the path and query and
    /// opens the request's log scope (RequestPath); routing's matcher names the path of every candidate at Debug.
    /// </summary>
    public static readonly IReadOnlyList<string> SilencedCategories = ["Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing.Matching"];

    public static IServiceCollection AddRedactedLogging(this IServiceCollection services)
    {
        // After every Configure, so these rules come last: for each provider named in any rule, and for all.
        services.AddOptions<LoggerFilterOptions>().PostConfigure(options =>
        {
            foreach (var provider in options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList())
            {
                foreach (var category in SilencedCategories)
                {
                    options.Rules.Add(new LoggerFilterRule(provider, category, LogLevel.None, null));
                }
            }
        });
        services.AddSingleton<RedactedHttpClientLogger>();
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers().AddLogger<RedactedHttpClientLogger>());
        return services;
    }
}

/// <summary>One record per outgoing HTTP request: the method, where it went (scheme, host and port only), the status and the time.</summary>
public sealed partial class RedactedHttpClientLogger(ILogger<RedactedHttpClientLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var origin = Origin(request);
            LogAnswered(logger, request.Method.Method, origin, (int)response.StatusCode, (long)elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exception);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var origin = Origin(request);
            var type = exception.GetType().Name;
            LogFailed(logger, request.Method.Method, origin, type, (long)elapsed.TotalMilliseconds);
        }
    }

    private static string Origin(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? TelemetryRedaction.Origin(uri.ToString()) : TelemetryRedaction.Redacted;

    [LoggerMessage(EventId = 8010, EventName = "HttpRequestAnswered", Level = LogLevel.Debug, Message = "HTTP {Method} to {Origin} answered {StatusCode} in {ElapsedMilliseconds} ms.")]
    private static partial void LogAnswered(ILogger logger, string method, string origin, int statusCode, long elapsedMilliseconds);

    // The exception's type only: its message may carry the address it was sent to.
    [LoggerMessage(EventId = 8011, EventName = "HttpRequestFailed", Level = LogLevel.Information, Message = "HTTP {Method} to {Origin} failed with {ExceptionType} after {ElapsedMilliseconds} ms.")]
    private static partial void LogFailed(ILogger logger, string method, string origin, string exceptionType, long elapsedMilliseconds);
}
