using Microsoft.Extensions.Time.Testing;
using Samskapelse.Assistant;

namespace Samskapelse.Tests.Assistant;

public sealed class AssistantRateLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AUser_GetsThePermitsOfTheWindow_ThenWaitsUntilTheOldestLeavesIt()
    {
        var limiter = new AssistantRateLimiter(time, permits: 2, Window);

        Assert.True(limiter.TryAcquire("kari", out _));
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(limiter.TryAcquire("kari", out _));
        Assert.False(limiter.TryAcquire("kari", out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(50), retryAfter);
        Assert.True(limiter.TryAcquire("ola", out _));

        time.Advance(TimeSpan.FromMinutes(50));
        Assert.True(limiter.TryAcquire("kari", out _));
        Assert.False(limiter.TryAcquire("kari", out _));
    }

    [Fact]
    public void UsersWhoseWindowHasPassed_AreForgotten()
    {
        var limiter = new AssistantRateLimiter(time, permits: 3, Window);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(limiter.TryAcquire("user-" + i, out _));
        }

        Assert.Equal(10_000, limiter.TrackedUsers);

        // Within the window everyone is remembered, so no one gets more than their permits.
        time.Advance(Window / 2);
        Assert.True(limiter.TryAcquire("user-1", out _));
        Assert.Equal(10_000, limiter.TrackedUsers);

        time.Advance(Window);
        Assert.True(limiter.TryAcquire("someone-new", out _));
        Assert.Equal(1, limiter.TrackedUsers);
    }
}
