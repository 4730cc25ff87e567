using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Samskapelse.Tests.Resilience;

/// <summary>The adapter paces what really goes to the Bot Connector: a burst to one chat arrives at most 7 per second.</summary>
public sealed class PacedSendTests : IAsyncLifetime
{
    private ConnectorRig rig = null!;

    public async Task InitializeAsync() => rig = await ConnectorRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task BurstOf20Sends_InOneTurn_ArrivesAtTheConnectorAtMost7InAnySecond_AndOtherChatsAreNotDelayed()
    {
        for (var i = 0; i < 21; i++)
        {
            rig.Connector.Status(200, "{\"id\":\"sent\"}");
        }

        var burst = rig.Adapter.ContinueConversationAsync(
            string.Empty,
            rig.Reference,
            (context, token) => context.SendActivitiesAsync([.. Enumerable.Range(0, 20).Select(i => (IActivity)MessageFactory.Text("update " + i))], token),
            CancellationToken.None);

        // Once the chat is at its limit, a message to another chat goes out at once, without time moving.
        var firstWait = await rig.Time.NextTimerAsync(IsPacing);
        var startedAt = rig.Time.GetUtcNow();
        await rig.SendProactiveAsync("to another chat", "a:other-chat").WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(startedAt, rig.Connector.Requests.Single(r => r.Path.Contains("a:other-chat", StringComparison.Ordinal)).ArrivedAt);

        rig.Time.Advance(firstWait);
        while (true)
        {
            var armed = rig.Time.NextTimerAsync(IsPacing);
            if (await Task.WhenAny(burst, armed) == burst)
            {
                break;
            }

            rig.Time.Advance(await armed);
        }

        await burst;
        var arrivals = rig.Connector.Requests.Where(r => r.Path.Contains(ConnectorRig.ConversationId, StringComparison.Ordinal)).ToList();
        Assert.Equal(20, arrivals.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "update " + i), arrivals.Select(r => (string)Newtonsoft.Json.Linq.JObject.Parse(r.Body)["text"]!));
        Assert.Equal(7, SendPacerTests.MostIn(arrivals.Select(r => r.ArrivedAt), TimeSpan.FromSeconds(1)));
        Assert.True(SendPacerTests.MostIn(arrivals.Select(r => r.ArrivedAt), TimeSpan.FromSeconds(2)) <= 8);
    }

    /// <summary>The pacer's waits, not the connector's timeouts.</summary>
    private bool IsPacing(TimeSpan dueTime) =>
        dueTime > TimeSpan.Zero && dueTime != rig.Options.Connector.AttemptTimeout && dueTime != rig.Options.Connector.TotalTimeout;
}
