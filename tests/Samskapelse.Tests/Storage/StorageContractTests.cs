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

    /// <summary>Every store the bot runs on lists its keys (retention and the privacy export need it).</summary>
    protected IStorageKeyListing Listing => Assert.IsAssignableFrom<IStorageKeyListing>(Storage);

    private async Task<List<string>> ListedKeysAsync(string prefix) =>
        [.. (await Listing.ListAsync(prefix).ToListAsync()).Select(k => k.Key)];

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

    // A store may keep what it read or wrote last (SQLite does): a missing key once read must not stay missing,
    // and the token a reader gets is its own.
    [Fact]
    public async Task AKeyReadWhileMissing_IsFoundOnceWritten_AndChangingWhatWasReadChangesNothingStored()
    {
        Assert.Null(await ItemNameAsync("k"));
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["Name"] = "written" } });

        var first = (JObject)(await Storage.ReadAsync(["k"]))["k"];
        Assert.Equal("written", (string?)first["Name"]);
        first["Name"] = "changed by the reader";

        Assert.Equal("written", await ItemNameAsync("k"));
    }

    private async Task<string?> ItemNameAsync(string key)
    {
        var items = await Storage.ReadAsync([key]);
        return items.TryGetValue(key, out var value) ? (string?)((JObject)value)["Name"] : null;
    }

    [Fact]
    public async Task Listing_GivesTheKeysUnderThePrefixOnly_InOrdinalOrder()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["plans/b"] = new Item { Name = "b" },
            ["plans/a"] = new Item { Name = "a" },
            ["plans/a/nested"] = new JObject { ["v"] = 1 },
            ["plansx/c"] = new Item { Name = "c" },
            ["chats/19:x@thread.v2"] = new JObject { ["v"] = 1 },
        });

        Assert.Equal(["plans/a", "plans/a/nested", "plans/b"], await ListedKeysAsync("plans/"));
        Assert.Equal(["chats/19:x@thread.v2"], await ListedKeysAsync("chats/"));
        Assert.Empty(await ListedKeysAsync("nothing/"));
    }

    [Fact]
    public async Task Listing_AnEmptyPrefix_GivesEveryKey_AndDeletedKeysAreGone()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["msteams/users/29:1"] = new JObject(), ["plans/1"] = new Item(), ["plans/2"] = new Item() });
        await Storage.DeleteAsync(["plans/1"]);

        var all = await ListedKeysAsync(string.Empty);
        Assert.Equal(["msteams/users/29:1", "plans/2"], all.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Listing_TakesThePrefixLiterally_WildcardCharactersIncluded()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["p%_/ønske 1"] = new Item(),
            ["pAB/other"] = new Item(),
            ["p%_/Ærø"] = new Item(),
        });

        Assert.Equal(["p%_/Ærø", "p%_/ønske 1"], (await ListedKeysAsync("p%_/")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Listing_GivesTheRealKeys_TeamsShapedAndVeryLongOnesIncluded()
    {
        var longKey = "msteams/users/29:" + new string('u', 1400) + "@x";
        var keys = new[] { "msteams/users/29:1a;b@c", "msteams/users/29:2/x.", longKey, "msteams/conversations/19:1@thread", "plans/p1" };
        await Storage.WriteAsync(keys.ToDictionary(k => k, object (_) => new JObject { ["v"] = 1 }));

        Assert.Equal(
            new[] { "msteams/users/29:1a;b@c", "msteams/users/29:2/x.", longKey }.Order(StringComparer.Ordinal),
            (await ListedKeysAsync("msteams/users/")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Listing_ALongPrefix_MatchesOnTheWholeKey()
    {
        var shared = "plans/" + new string('p', 1200);
        await Storage.WriteAsync(new Dictionary<string, object> { [shared + "-a"] = new JObject(), [shared + "-b"] = new JObject() });

        Assert.Equal([shared + "-a"], await ListedKeysAsync(shared + "-a"));
    }

    [Fact]
    public async Task Listing_GivesARecentWriteTime_ThatMovesOnWithARewrite()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["plans/t"] = new Item { Name = "first" } });
        var first = Assert.Single(await Listing.ListAsync("plans/t").ToListAsync());
        Assert.NotEqual(default, first.LastWritten);

        await Storage.WriteAsync(new Dictionary<string, object> { ["plans/t"] = new Item { Name = "second", ETag = "*" } });
        var second = Assert.Single(await Listing.ListAsync("plans/t").ToListAsync());
        Assert.True(second.LastWritten >= first.LastWritten);
    }

    [Fact]
    public async Task ANewItemWithoutAnETag_IsRefused_WhenTheKeyIsTaken()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Name = "first" } });

        var conflict = await Record.ExceptionAsync(() => Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Name = "second" } }));

        Assert.True(conflict is not null && ETagConflictException.IsConflict(conflict), conflict?.ToString());
        Assert.Equal("first", (await ReadItemAsync("k"))!.Name);
    }

    [Fact]
    public async Task Delete_RemovesOnlyTheNamedKeys_AndMissingKeysAreFine()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Item { Name = "a" }, ["b"] = new Item { Name = "b" } });

        await Storage.DeleteAsync(["a", "never-written"]);
        await Storage.DeleteAsync(["a"]);

        Assert.Equal(["b"], (await Storage.ReadAsync(["a", "b", "never-written"])).Keys);
    }

    [Fact]
    public async Task TeamsShapedAndVeryLongKeys_AreKeptApart_AndRoundTrip()
    {
        var keys = new[]
        {
            "msteams/conversations/19:abc-DEF_1@thread.tacv2;messageid=1752644289992",
            "msteams/conversations/19:abc-def_1@thread.tacv2;messageid=1752644289992",
            "msteams/users/29:1AbC/x.y~z%20",
            "msteams/conversations/a:" + new string('x', 1500) + ";messageid=1",
            "msteams/conversations/a:" + new string('x', 1500) + ";messageid=2",
            "plans/æøå ÆØÅ.",
        };
        await Storage.WriteAsync(keys.ToDictionary(k => k, object (k) => new Item { Name = k }));

        var items = await Storage.ReadAsync(keys);

        Assert.Equal(keys.Order(StringComparer.Ordinal), items.Keys.Order(StringComparer.Ordinal));
        Assert.All(keys, k => Assert.Equal(k, StorageJson.As<Item>(items[k])!.Name));
    }

    [Fact]
    public async Task ALargePlanLikeItem_RoundTripsIntact()
    {
        var answers = Enumerable.Range(0, 400).Select(i => new JObject
        {
            ["partner"] = "Frivilligsentralen " + i,
            ["mobilisation"] = new string((char)('a' + (i % 26)), 500) + " æøå",
        });
        var large = new JObject { ["plan"] = new JArray(answers) };
        Assert.True(large.ToString().Length > 200_000);

        await Storage.WriteAsync(new Dictionary<string, object> { ["large"] = large });

        Assert.True(JToken.DeepEquals(large, JObject.FromObject((await Storage.ReadAsync(["large"]))["large"])));
    }

    [Fact]
    public async Task ManyKeys_AreWrittenAndReadInOneCallEach()
    {
        var keys = Enumerable.Range(0, 500).Select(i => "many/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        await Storage.WriteAsync(keys.ToDictionary(k => k, object (k) => new Item { Name = k, Count = k.Length }));

        var items = await Storage.ReadAsync([.. keys, "many/missing"]);

        Assert.Equal(500, items.Count);
        Assert.All(keys, k => Assert.Equal(k, StorageJson.As<Item>(items[k])!.Name));
    }

    [Fact]
    public async Task ConcurrentReadModifyWriteWithETags_LosesNoIncrement()
    {
        const int writers = 16;
        await Storage.WriteAsync(new Dictionary<string, object> { ["counter"] = new Item { Name = "counter" } });

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var current = (await ReadItemAsync("counter"))!;
                try
                {
                    await Storage.WriteAsync(new Dictionary<string, object> { ["counter"] = new Item { Name = "counter", Count = current.Count + 1, ETag = current.ETag } });
                    return;
                }
                catch (Exception exception) when (ETagConflictException.IsConflict(exception))
                {
                    // Someone else incremented first: read again and retry.
                }
            }
        })));

        Assert.Equal(writers, (await ReadItemAsync("counter"))!.Count);
    }

    [Fact]
    public async Task TwoWritersWithTheSameETag_ExactlyOneWins()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Name = "start" } });
        var read = (await ReadItemAsync("k"))!;

        string[] writers = ["left", "right"];
        var results = await Task.WhenAll(writers.Select(name => Task.Run(() =>
            Record.ExceptionAsync(() => Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Name = name, ETag = read.ETag } })))));

        Assert.Single(results, error => error is null);
        Assert.Single(results, error => error is not null && ETagConflictException.IsConflict(error));
        var winner = results[0] is null ? "left" : "right";
        Assert.Equal(winner, (await ReadItemAsync("k"))!.Name);
    }

    [Fact]
    public async Task ConcurrentPlanUpdates_NoUpdateIsLost()
    {
        var plans = new PlanStore(Storage, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PlanStore>.Instance);
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
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public MemoryStorageContractTests() => Storage = new ListingMemoryStorage(time);

    protected override IStorage Storage { get; }

    [Fact]
    public async Task Listing_GivesTheTimeOfTheLastWrite()
    {
        await StoredKeyTimes.AssertLastWriteTimesAsync(Storage, Listing, time);
    }
}

/// <summary>For the stores whose clock is the bot's TimeProvider (memory, SQLite): the listed time is the last write's.</summary>
internal static class StoredKeyTimes
{
    public static async Task AssertLastWriteTimesAsync(IStorage storage, IStorageKeyListing listing, FakeTimeProvider time)
    {
        var first = time.GetUtcNow();
        await storage.WriteAsync(new Dictionary<string, object> { ["plans/old"] = new JObject(), ["plans/new"] = new JObject() });
        time.Advance(TimeSpan.FromDays(3));
        await storage.WriteAsync(new Dictionary<string, object> { ["plans/new"] = new JObject { ["v"] = 2 } });

        var listed = (await listing.ListAsync("plans/").ToListAsync()).ToDictionary(k => k.Key, k => k.LastWritten);
        Assert.Equal(first.ToUnixTimeMilliseconds(), listed["plans/old"].ToUnixTimeMilliseconds());
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), listed["plans/new"].ToUnixTimeMilliseconds());
    }
}

public sealed class SqliteStorageContractTests : StorageContractTests, IDisposable
{
    private readonly TempDatabase database = new();

    public SqliteStorageContractTests() => Storage = new SqliteStorage(database.Path, new FakeTimeProvider());

    protected override IStorage Storage { get; }

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Listing_GivesTheTimeOfTheLastWrite()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var storage = new SqliteStorage(database.Path, time);
        await StoredKeyTimes.AssertLastWriteTimesAsync(storage, storage, time);
    }

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
