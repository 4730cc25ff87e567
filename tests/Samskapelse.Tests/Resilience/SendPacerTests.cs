using Microsoft.Extensions.Options;
using Samskapelse.Bot.Resilience;
using Samskapelse.Tests.Assistant;

namespace Samskapelse.Tests.Resilience;

/// <summary>Teams' per-thread limit (7 sends in any second, 8 in any two), kept on a fake clock.</summary>
public sealed class SendPacerTests
{
    private readonly SignalingTimeProvider time = new();

    private SendPacer Pacer() => new(time, Options.Create(new ResilienceOptions()));

    [Fact]
    public async Task BurstOf20_ToOneThread_NeverMoreThan7InAnySecond_Nor8InAnyTwo_AllSentInOrder()
    {
        var pacer = Pacer();
        var sent = new List<(int Index, DateTimeOffset At)>();
        var sends = Enumerable.Range(0, 20).Select(i => pacer.SendAsync("a:thread", () =>
        {
            lock (sent)
            {
                sent.Add((i, time.GetUtcNow()));
            }

            return Task.FromResult(i);
        }, CancellationToken.None)).ToList();

        var all = Task.WhenAll(sends);
        while (true)
        {
            // Time moves only when the pacer waits: each wait it arms is let pass, until every send is out.
            var armed = time.NextTimerAsync(d => d > TimeSpan.Zero);
            if (await Task.WhenAny(all, armed) == all)
            {
                break;
            }

            time.Advance(await armed);
        }

        await all;
        Assert.Equal(20, sent.Count);
        Assert.Equal(Enumerable.Range(0, 20), sent.Select(s => s.Index).Order());
        Assert.Equal(7, MostIn(sent.Select(s => s.At), TimeSpan.FromSeconds(1)));
        Assert.True(MostIn(sent.Select(s => s.At), TimeSpan.FromSeconds(2)) <= 8);
        Assert.True(sent[^1].At - sent[0].At >= TimeSpan.FromSeconds(4), "20 sends at 8 per 2 s take at least 4 s");
    }

    [Fact]
    public async Task AThreadAtItsLimit_DoesNotDelayOtherThreads()
    {
        var pacer = Pacer();
        for (var i = 0; i < 7; i++)
        {
            await pacer.SendAsync("a:busy", () => Task.FromResult(i), CancellationToken.None);
        }

        var waiting = pacer.SendAsync("a:busy", () => Task.FromResult(time.GetUtcNow()), CancellationToken.None);
        await time.NextTimerAsync(d => d > TimeSpan.Zero);

        var others = await Task.WhenAll(Enumerable.Range(0, 7).Select(i => pacer.SendAsync("a:other-" + (i % 2), () => Task.FromResult(time.GetUtcNow()), CancellationToken.None)));

        Assert.All(others, at => Assert.Equal(time.GetUtcNow(), at));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(time.GetUtcNow(), await waiting.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task RepliesInChannelThreads_CountAgainstTheChannel()
    {
        var pacer = Pacer();
        for (var i = 0; i < 7; i++)
        {
            await pacer.SendAsync($"19:channel@thread.tacv2;messageid={i}", () => Task.FromResult(i), CancellationToken.None);
        }

        var eighth = pacer.SendAsync("19:channel@thread.tacv2;messageid=99", () => Task.FromResult(0), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(1), await time.NextTimerAsync(d => d > TimeSpan.Zero));
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>The most sends inside any window of the given length (a window is half-open: [t, t + length)).</summary>
    internal static int MostIn(IEnumerable<DateTimeOffset> times, TimeSpan length)
    {
        var sorted = times.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Max(start => sorted.Count(t => t >= start && t < start + length));
    }
}
