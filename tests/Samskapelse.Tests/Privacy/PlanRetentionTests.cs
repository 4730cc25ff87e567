using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Privacy;
using Samskapelse.Bot.Storage;
using Samskapelse.Localization;
using Samskapelse.Tests.Assistant;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Privacy;

/// <summary>Privacy:RetentionDays: plans untouched for longer are removed by a sweep the TimeProvider drives.</summary>
public sealed class PlanRetentionTests : IDisposable
{
    private readonly SignalingTimeProvider time = new();
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private static PlanRetention Retention(IStorage storage, TimeProvider time, int days) =>
        new(storage, new PlanStore(storage, time, NullLogger<PlanStore>.Instance), time, Options.Create(new PrivacyOptions { RetentionDays = days }), NullLogger<PlanRetention>.Instance);

    /// <summary>Writes plans (and their assistant records) as they were so many days before the end; the clock ends there (it cannot go back).</summary>
    private async Task WritePlansAsync(IStorage storage, params (string Id, int DaysAgo)[] plans)
    {
        var end = time.GetUtcNow() + TimeSpan.FromDays(plans.Max(p => p.DaysAgo));
        foreach (var (id, daysAgo) in plans.OrderByDescending(p => p.DaysAgo))
        {
            time.SetUtcNow(end - TimeSpan.FromDays(daysAgo));
            await new PlanStore(storage, TimeProvider.System, NullLogger<PlanStore>.Instance).CreateAsync(SamplePlans.Empty() with { Id = id }, default);
            await new AssistantStore(storage).UpdateAsync(id, r => r with { TokensUsed = 1 }, default);
        }

        time.SetUtcNow(end);
    }

    private static async Task<List<string>> KeysAsync(IStorage storage, string prefix) =>
        [.. (await ((IStorageKeyListing)storage).ListAsync(prefix).ToListAsync()).Select(k => k.Key)];

    public static TheoryData<string> Stores => new() { "memory", "sqlite" };

    private IStorage Store(string kind) => kind == "sqlite" ? new SqliteStorage(database.Path, time) : new ListingMemoryStorage(time);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Sweep_At30Days_KeepsAPlanTouched29DaysAgo_AndRemovesOneTouched31DaysAgo_WithItsAssistantRecord(string kind)
    {
        var storage = Store(kind);
        await WritePlansAsync(storage, ("recent", 29), ("stale", 31));
        await storage.WriteAsync(new Dictionary<string, object> { ["chats/old"] = new JObject() });

        var removed = await Retention(storage, time, 30).SweepOnceAsync(default);

        Assert.Equal(1, removed);
        Assert.Equal(["plans/recent"], await KeysAsync(storage, "plans/"));
        Assert.Equal(["assistant/recent"], await KeysAsync(storage, "assistant/"));
        Assert.Equal(["chats/old"], await KeysAsync(storage, "chats/"));
    }

    [Fact]
    public async Task RetentionZero_KeepsEverythingForever()
    {
        var storage = Store("memory");
        await WritePlansAsync(storage, ("ancient", 3000));

        Assert.Equal(0, await Retention(storage, time, 0).SweepOnceAsync(default));
        await Retention(storage, time, 0).RunAsync(CancellationToken.None);

        Assert.Equal(["plans/ancient"], await KeysAsync(storage, "plans/"));
    }

    [Fact]
    public async Task TheDailySweep_RunsWhenTheFakeClockMovesOn()
    {
        var storage = new DeletionSignal(Store("memory"));
        await WritePlansAsync(storage, ("recent", 29), ("stale", 31));
        using var stop = new CancellationTokenSource();
        var loop = Retention(storage, time, 30).RunAsync(stop.Token);

        // The timer is armed after the first sweep, which took only the stale plan.
        await time.TimerArmedAsync(PlanRetention.SweepInterval);
        Assert.Equal(["plans/recent"], await KeysAsync(storage, "plans/"));

        // Two days on, the plan touched 29 days ago is 31 days old: a daily sweep takes it.
        var deleted = storage.DeletedAsync("plans/recent");
        time.Advance(TimeSpan.FromDays(2));
        await deleted.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Empty(await KeysAsync(storage, "plans/"));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
    }

    [Fact]
    public async Task APlanRemovedByRetention_DropsOutOfItsOwnersList_AndTheOpenQuestionIsHandledGracefully()
    {
        var storage = new ListingMemoryStorage(time);
        var bot = new BotDriver(storage, "retention-owner", "da-DK", time: time);
        await bot.SayAsync("start Gammel plan");
        await bot.SayAsync("Det vi vil");
        time.Advance(TimeSpan.FromDays(20));
        await bot.SayAsync("start Ny plan");
        await bot.PressAsync(T(Language.Da, "Ambiguous_StartPlan"));
        time.Advance(TimeSpan.FromDays(15));

        Assert.Equal(1, await Retention(storage, time, 30).SweepOnceAsync(default));

        var list = await bot.SayAsync(Cmd(Language.Da, "Cmd_Plans"));
        Assert.Contains("Ny plan", list.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Gammel plan", list.AllText, StringComparison.Ordinal);
        var opened = await bot.SayAsync(Cmd(Language.Da, "Cmd_Open") + " 1");
        Assert.DoesNotContain(T(Language.Da, "Error_Generic"), opened.AllText, StringComparison.Ordinal);
        Assert.Contains("Ny plan", opened.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenPlanRemovedByRetention_TheNextAnswerDoesNotFail()
    {
        var storage = new ListingMemoryStorage(time);
        var bot = new BotDriver(storage, "retention-open", "nb-NO", time: time);
        await bot.SayAsync("start Glemt plan");
        time.Advance(TimeSpan.FromDays(31));
        await Retention(storage, time, 30).SweepOnceAsync(default);

        var reply = await bot.SayAsync("Et svar på et spørsmål som ikke finnes lenger");

        Assert.DoesNotContain(T(Language.Nb, "Error_Generic"), reply.AllText, StringComparison.Ordinal);
        Assert.NotEmpty(reply.Activities);
        Assert.Empty(await KeysAsync(storage, "plans/"));
    }

    /// <summary>A store that tells the test when a key is deleted: the sweep runs on the timer's thread.</summary>
    private sealed class DeletionSignal(IStorage inner) : IStorage, IStorageKeyListing
    {
        private readonly Dictionary<string, TaskCompletionSource> waiting = [];

        public Task DeletedAsync(string key)
        {
            lock (waiting)
            {
                return (waiting[key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

        public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            await inner.DeleteAsync(keys, cancellationToken);
            lock (waiting)
            {
                foreach (var key in keys)
                {
                    if (waiting.Remove(key, out var signal))
                    {
                        signal.SetResult();
                    }
                }
            }
        }

        public IAsyncEnumerable<StoredKey> ListAsync(string prefix, CancellationToken cancellationToken = default) => ((IStorageKeyListing)inner).ListAsync(prefix, cancellationToken);
    }
}
