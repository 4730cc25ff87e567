using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Timeout;
using Samskapelse.Bot.Resilience;

namespace Samskapelse.Tests.Resilience;

public sealed class ConnectorRetryRulesTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("POST", 429, true)]
    [InlineData("POST", 503, true)]
    [InlineData("POST", 412, true)]
    [InlineData("POST", 502, false)]
    [InlineData("POST", 504, false)]
    [InlineData("POST", 500, false)]
    [InlineData("POST", 400, false)]
    [InlineData("POST", 403, false)]
    [InlineData("PUT", 502, true)]
    [InlineData("PUT", 504, true)]
    [InlineData("PUT", 429, true)]
    [InlineData("GET", 503, true)]
    [InlineData("PUT", 404, false)]
    [InlineData("GET", 200, false)]
    public void Status_IsRetriedOnlyWhenSafe(string method, int status, bool retried)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        Assert.Equal(retried, ConnectorRetryRules.ShouldRetry(new HttpMethod(method), Outcome.FromResult(response), TimeSpan.FromSeconds(10), Time));
    }

    [Theory]
    [InlineData("POST", true)]
    [InlineData("PUT", true)]
    public void ConnectionNeverMade_IsRetried(string method, bool retried) =>
        Assert.Equal(retried, ConnectorRetryRules.ShouldRetry(new HttpMethod(method), Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused")), TimeSpan.FromSeconds(10), Time));

    [Theory]
    [InlineData("POST", false)]
    [InlineData("PUT", true)]
    public void TimeoutOrLostConnection_IsRetriedOnlyForIdempotentCalls(string method, bool retried)
    {
        Assert.Equal(retried, ConnectorRetryRules.ShouldRetry(new HttpMethod(method), Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), TimeSpan.FromSeconds(10), Time));
        Assert.Equal(retried, ConnectorRetryRules.ShouldRetry(new HttpMethod(method), Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "lost")), TimeSpan.FromSeconds(10), Time));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void RetryAfter_BeyondTheBound_IsNotRetried(int seconds, bool retried)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        Assert.Equal(retried, ConnectorRetryRules.ShouldRetry(HttpMethod.Post, Outcome.FromResult(response), TimeSpan.FromSeconds(10), Time));
    }

    [Fact]
    public void RetryAfter_AsADate_IsReadOnTheClock()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(Time.GetUtcNow().AddSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), ConnectorRetryRules.RetryAfter(response, Time));
        Assert.False(ConnectorRetryRules.ShouldRetry(HttpMethod.Post, Outcome.FromResult(response), TimeSpan.FromSeconds(10), Time));
    }
}
