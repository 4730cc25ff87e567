using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Storage;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Storage;

/// <summary>What every IStorage the bot runs on must do; each store runs the same contract.</summary>
public abstract class StorageContractTests
{
    protected abstract IStorage Storage { get; }

    private sealed class Item : IStoreItem
    {
        public string Name { get; set; } = string.Empty;

        public int Count { get; set; }

        public string? ETag { get; set; }
    }

    private async Task<Item?> ReadItemAsync(string key)
    {
        var items = await Storage.ReadAsync([key]);
        return items.TryGetValue(key, out var value) ? StorageJson.As<Item>(value) : null;
    }

    [Fact]
    public async Task ReadingMissingKeys_ReturnsNothingForThem()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["present"] = new Item { Name = "a" } });
        var items = await Storage.ReadAsync(["missing", "present", "also-missing"]);
        Assert.Equal(["present"], items.Keys);
    }

    [Fact]
    public async Task WriteReadDelete_RoundTripsValuesWithNordicLetters()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Name = "Ærlig, Øvre Årdal", Count = 3 } });
        var item = await ReadItemAsync("k");
        Assert.Equal("Ærlig, Øvre Årdal", item!.Name);
        Assert.Equal(3, item.Count);
        Assert.False(string.IsNullOrEmpty(item.ETag));

        await Storage.DeleteAsync(["k"]);
        Assert.Null(await ReadItemAsync("k"));
    }

    [Fact]
    public async Task WriteWithAStaleETag_IsRefused_AndTheNewerValueStays()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Name = "first" } });
        var read = (await ReadItemAsync("k"))!;
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Name = "second", ETag = read.ETag } });

        var conflict = await Record.ExceptionAsync(() => Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Name = "stale", ETag = read.ETag } }));

        Assert.NotNull(conflict);
        Assert.True(ETagConflictException.IsConflict(conflict), conflict.ToString());
        Assert.Equal("second", (await ReadItemAsync("k"))!.Name);
    }

    [Fact]
    public async Task WildcardETag_OverwritesWhateverIsStored()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Name = "first" } });
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Name = "forced", ETag = "*" } });
        Assert.Equal("forced", (await ReadItemAsync("k"))!.Name);
    }

    [Fact]
    public async Task PlainValuesWithoutETags_AreLastWriteWins_LikeBotState()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["state"] = new JObject { ["a"] = 1 } });
        await Storage.WriteAsync(new Dictionary<string, object> { ["state"] = new JObject { ["a"] = 2 } });
        var value = JObject.FromObject((await Storage.ReadAsync(["state"]))["state"]);
        Assert.Equal(2, (int)value["a"]!);
    }

    [Fact]
    public async Task ConcurrentPlanUpdates_NoUpdateIsLost()
    {
        var plans = new PlanStore(Storage, Microsoft.Extensions.Logging.Abstractions.NullLogger<PlanStore>.Instance);
        var plan = SamplePlans.Empty() with { Id = "concurrent" };
        await plans.CreateAsync(plan, default);

        // Eight writers add a related activity each, all at once; each change is re-applied on conflict.
        var writers = Enumerable.Range(1, 8).Select(i => Task.Run(() => plans.UpdateAsync(
            "concurrent",
            p => p with { RelatedActivities = p.RelatedActivities.Add(new Samskapelse.Planning.RelatedActivity("a" + i, "Activity " + i)) },
            default)));
        await Task.WhenAll(writers);

        var stored = await plans.FindAsync("concurrent", default);
        Assert.Equal(8, stored!.RelatedActivities.Count);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => "Activity " + i).Order(), stored.RelatedActivities.Select(a => a.Description).Order());
    }
}

public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override IStorage Storage { get; } = new MemoryStorage();
}

public sealed class SqliteStorageContractTests : StorageContractTests, IDisposable
{
    private readonly TempDatabase database = new();

    public SqliteStorageContractTests() => Storage = new SqliteStorage(database.Path, new FakeTimeProvider());

    protected override IStorage Storage { get; }

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task TheFile_IsCreatedWithItsFolder_AndSurvivesANewStoreInstance()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["v"] = "kept" } });
        Assert.True(File.Exists(database.Path));

        var reopened = new SqliteStorage(database.Path, new FakeTimeProvider());
        var value = JObject.FromObject((await reopened.ReadAsync(["k"]))["k"]);
        Assert.Equal("kept", (string?)value["v"]);
    }
}
