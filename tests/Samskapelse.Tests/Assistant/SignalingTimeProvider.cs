using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Samskapelse.Tests.Assistant;

/// <summary>
/// A FakeTimeProvider that tells the test when code arms a timer (a Task.Delay or a timed
/// CancellationTokenSource), so the test advances time only once the waiting has begun: no sleeping, no races.
/// Only timers created with their due time are signalled: one armed later through ITimer.Change (a
/// CancellationTokenSource's CancelAfter, Polly's timeouts) is not.
/// </summary>
public sealed class SignalingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> armed = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        armed.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer due in exactly <paramref name="dueTime"/> has been armed.</summary>
    public async Task TimerArmedAsync(TimeSpan dueTime)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await armed.Reader.ReadAsync(guard.Token) != dueTime)
        {
        }
    }

    /// <summary>Waits until a timer whose due time <paramref name="which"/> accepts is armed, and returns that due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> which)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var dueTime = await armed.Reader.ReadAsync(guard.Token);
            if (which(dueTime))
            {
                return dueTime;
            }
        }
    }
}
