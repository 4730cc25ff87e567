using System.Net;
using Polly;
using Polly.Timeout;

namespace Samskapelse.Bot.Resilience;

/// <summary>
/// Which failed calls to the Bot Connector are tried again. Teams asks bots to retry 429, 412, 502,
/// 503 and 504 with exponential back-off. Sending a message (POST) is not idempotent: retrying a
/// send the service did carry out posts the message twice. So:
/// <list type="bullet">
/// <item>429, 503 and 412 are retried for every method: the service says it did not act on the
/// request (throttled, unavailable, precondition not met), so nothing can be posted twice.</item>
/// <item>A connection that was never made is retried for every method: nothing reached the service.</item>
/// <item>502, 504, an attempt that timed out, and a connection lost mid-way are retried only for
/// idempotent methods (updating a card is a PUT, reading is a GET): a gateway error or silence after
/// the request was sent may come after Teams has already posted the message.</item>
/// </list>
/// A Retry-After longer than the configured bound is not waited for: the call fails at once.
/// </summary>
public static class ConnectorRetryRules
{
    public static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var idempotent = method is not null && method != HttpMethod.Post && method != HttpMethod.Patch;
        if (outcome.Result is { } response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => RetryAfter(response, time) is not { } wait || wait <= maxRetryAfter,
                HttpStatusCode.PreconditionFailed => true,
                HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => idempotent,
                _ => false,
            };
        }

        return outcome.Exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException or TimeoutRejectedException => idempotent,
            _ => false,
        };
    }

    /// <summary>The wait a Retry-After header asks for, in seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
