using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Samskapelse.Bot.Storage;
using Samskapelse.Tests.Assistant;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Storage;

public sealed class PlanStoreBackoffTests
{
    [Fact]
    public async Task AfterAnETagConflict_TheRetryWaitsOnTheBotsClock()
    {
        var time = new SignalingTimeProvider();
        var storage = new ConflictOnce(new MemoryStorage());
        using var plans = new PlanStore(storage, time, NullLogger<PlanStore>.Instance);
        await plans.CreateAsync(SamplePlans.Empty() with { Id = "backoff", Title = "Before" }, default);

        storage.Armed = true;
        var update = plans.UpdateAsync("backoff", p => p with { Title = "After" }, default);

        // The first write met another instance's change; the pause before the retry (1–3 ms) is a timer on the fake clock.
        var pause = await time.NextTimerAsync(due => due > TimeSpan.Zero && due < TimeSpan.FromMilliseconds(4));
        Assert.Equal(1, storage.Conflicts);
        Assert.False(update.IsCompleted);
        Assert.Equal("Before", (await plans.FindAsync("backoff", default))!.Title);

        time.Advance(pause);
        var updated = await update.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("After", updated!.Title);
        Assert.Equal("After", (await plans.FindAsync("backoff", default))!.Title);
        Assert.Equal(1, storage.Conflicts);
    }

    /// <summary>Once armed, the next write of a plan fails as if another instance had written it first.</summary>
    private sealed class ConflictOnce(IStorage inner) : IStorage
    {
        public bool Armed { get; set; }

        public int Conflicts { get; private set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            if (Armed && changes.Keys.Any(k => k.StartsWith("plans/", StringComparison.Ordinal)))
            {
                Armed = false;
                Conflicts++;
                return Task.FromException(new ETagConflictException("Etag conflict in the test"));
            }

            return inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(keys, cancellationToken);
    }
}
