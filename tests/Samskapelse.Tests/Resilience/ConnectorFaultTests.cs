using Microsoft.Bot.Builder;
using Samskapelse.Localization;

namespace Samskapelse.Tests.Resilience;

/// <summary>
/// The bot's sends, replies and card updates against a Bot Connector that throttles, fails, stalls and
/// answers garbage: they get through after retries, give up after the bound, and the adapter carries on.
/// </summary>
public sealed class ConnectorFaultTests : IAsyncLifetime
{
    private const string Sent = "{\"id\":\"sent-1\"}";
    private ConnectorRig rig = null!;

    public async Task InitializeAsync() => rig = await ConnectorRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    private static string ActivitiesPath(string? activityId = null) =>
        $"/v3/conversations/{ConnectorRig.ConversationId}/activities" + (activityId is null ? string.Empty : "/" + activityId);

    [Fact]
    public async Task Throttled_ProactiveSend_WaitsTheRetryAfterOnTheClock_ThenIsSent()
    {
        rig.Connector.Status(429, "{}", ("Retry-After", "2")).Status(200, Sent);

        var send = rig.SendProactiveAsync("Your reminder");
        var first = await rig.Connector.NextRequestAsync();
        await rig.Time.TimerArmedAsync(TimeSpan.FromSeconds(2));
        Assert.Single(rig.Connector.Requests);
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        var second = await rig.Connector.NextRequestAsync();
        await send.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(TimeSpan.FromSeconds(2), second.ArrivedAt - first.ArrivedAt);
        Assert.All(rig.Connector.Requests, r => Assert.Equal(("POST", true), (r.Method, r.Path.StartsWith(ActivitiesPath(), StringComparison.Ordinal))));
        Assert.Contains("Your reminder", second.Body, StringComparison.Ordinal);
        Assert.Equal(2, rig.Connector.Requests.Count);
    }

    [Fact]
    public async Task Unavailable_ReplyInATurn_IsRetriedWithBackoff_ThenSent()
    {
        rig.Connector.Status(503, "<html>Service Unavailable</html>").Status(503).Status(200, Sent);

        var turn = rig.TurnAsync("hello", (context, token) => context.SendActivityAsync("Welcome back", cancellationToken: token));
        await rig.Connector.NextRequestAsync();
        var firstWait = await rig.PassNextBackoffAsync();
        await rig.Connector.NextRequestAsync();
        var secondWait = await rig.PassNextBackoffAsync();
        await rig.Connector.NextRequestAsync();
        await turn.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(3, rig.Connector.Requests.Count);
        Assert.All(rig.Connector.Requests, r => Assert.Equal(("POST", ActivitiesPath("incoming-1")), (r.Method, r.Path)));
        Assert.All(rig.Connector.Requests, r => Assert.Contains("Welcome back", r.Body, StringComparison.Ordinal));
        Assert.True(firstWait > TimeSpan.Zero && secondWait > TimeSpan.Zero);
    }

    [Fact]
    public async Task UnavailableEveryTime_GivesUpAfterTheBound_TellsTheUser_AndTheAdapterCarriesOn()
    {
        for (var i = 0; i <= rig.Options.Connector.MaxRetries; i++)
        {
            rig.Connector.Status(503);
        }

        rig.Connector.Status(200, Sent).Status(200, Sent);

        var turn = rig.TurnAsync("hello", (context, token) => context.SendActivityAsync("Welcome back", cancellationToken: token));
        for (var retry = 0; retry < rig.Options.Connector.MaxRetries; retry++)
        {
            await rig.Connector.NextRequestAsync();
            await rig.PassNextBackoffAsync();
        }

        await turn.WaitAsync(TimeSpan.FromSeconds(20));
        var requests = rig.Connector.Requests;

        // The first try and MaxRetries retries, then the turn error handler's apology, which gets through.
        Assert.Equal(rig.Options.Connector.MaxRetries + 2, requests.Count);
        Assert.All(requests.Take(rig.Options.Connector.MaxRetries + 1), r => Assert.Contains("Welcome back", r.Body, StringComparison.Ordinal));
        Assert.Contains(JsonText(Texts.Get(Language.En, "Error_Generic")), requests[^1].Body, StringComparison.Ordinal);

        await rig.SendProactiveAsync("Still here").WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("Still here", rig.Connector.Requests[^1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task GatewayError_OnAPost_IsNotRetried_ForTheMessageMayHaveBeenPosted(int status)
    {
        rig.Connector.Status(status).Status(200, Sent);

        await rig.SendProactiveAsync("Only once").WaitAsync(TimeSpan.FromSeconds(20));

        var requests = rig.Connector.Requests;
        Assert.Single(requests, r => r.Body.Contains("Only once", StringComparison.Ordinal));
        Assert.Contains(JsonText(Texts.Get(Language.En, "Error_Generic")), requests[^1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task Fault_OnACardUpdate_IsRetried_ThenTheUpdateGetsThrough(int status)
    {
        rig.Connector.Status(status).Status(200, Sent);

        var update = rig.UpdateProactiveAsync("card-7", "Updated card");
        await rig.Connector.NextRequestAsync();
        await rig.PassNextBackoffAsync();
        await rig.Connector.NextRequestAsync();
        await update.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, rig.Connector.Requests.Count);
        Assert.All(rig.Connector.Requests, r => Assert.Equal(("PUT", ActivitiesPath("card-7")), (r.Method, r.Path)));
    }

    [Fact]
    public async Task SlowConnector_ACardUpdatePastTheAttemptTimeout_IsRetried_ThenGetsThrough()
    {
        rig.Connector.Hold().Status(200, Sent);

        var update = rig.UpdateProactiveAsync("card-7", "Updated card");
        await rig.Connector.NextRequestAsync();

        // The attempt's timeout was set before the request left; moving the clock past it gives up on the attempt.
        rig.Time.Advance(rig.Options.Connector.AttemptTimeout);
        await rig.PassNextBackoffAsync();
        await rig.Connector.NextRequestAsync();
        await update.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, rig.Connector.Requests.Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task SlowConnector_ASendPastTheAttemptTimeout_IsNotRetried_ForItMayHaveBeenPosted()
    {
        rig.Connector.Hold().Status(200, Sent);

        var send = rig.SendProactiveAsync("Maybe posted");
        await rig.Connector.NextRequestAsync();
        rig.Time.Advance(rig.Options.Connector.AttemptTimeout);
        await send.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Single(rig.Connector.Requests, r => r.Body.Contains("Maybe posted", StringComparison.Ordinal));
        Assert.Contains(JsonText(Texts.Get(Language.En, "Error_Generic")), rig.Connector.Requests[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarbageBody_OnSuccess_IsNotRetried_AndTheProcessCarriesOn()
    {
        rig.Connector.Status(200, "<html>this is not json").Status(200, Sent).Status(200, Sent);

        await rig.SendProactiveAsync("First").WaitAsync(TimeSpan.FromSeconds(20));
        await rig.SendProactiveAsync("Second").WaitAsync(TimeSpan.FromSeconds(20));

        var requests = rig.Connector.Requests;
        Assert.Single(requests, r => r.Body.Contains("First", StringComparison.Ordinal));
        Assert.Contains(JsonText(Texts.Get(Language.En, "Error_Generic")), requests[1].Body, StringComparison.Ordinal);
        Assert.Contains("Second", requests[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryAfterLongerThanTheBound_IsNotWaitedFor()
    {
        rig.Connector.Status(429, "{}", ("Retry-After", "60")).Status(200, Sent);

        await rig.SendProactiveAsync("Throttled hard").WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Single(rig.Connector.Requests, r => r.Body.Contains("Throttled hard", StringComparison.Ordinal));
    }

    private static string JsonText(string text) => Newtonsoft.Json.JsonConvert.ToString(text)[1..^1];
}
