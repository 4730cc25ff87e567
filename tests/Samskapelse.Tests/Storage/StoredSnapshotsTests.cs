using System.Collections.Immutable;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Storage;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Storage;

/// <summary>
/// The SQLite store hands written values back as objects, without a JSON round trip, only when nothing in
/// them can change; every reader gets a container of its own.
/// </summary>
public sealed class StoredSnapshotsTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly SqliteStorage storage;

    public StoredSnapshotsTests() => storage = new SqliteStorage(database.Path, new FakeTimeProvider());

    public void Dispose()
    {
        storage.Dispose();
        database.Dispose();
    }

    public sealed record Settable
    {
        public string Name { get; set; } = string.Empty;
    }

    public sealed record WithList(List<string> Names);

    public record Open(string Name);

    public sealed record WithIgnored(string Name)
    {
        [JsonIgnore]
        public string Secret { get; init; } = string.Empty;
    }

    public sealed record Nested(string Name, ImmutableList<Open> Parts);

    public sealed class MutableItem : IStoreItem
    {
        public string Name { get; set; } = string.Empty;

        public string? ETag { get; set; }
    }

    [Fact]
    public void TheBotsStateAndPlans_AreJudgedImmutable_SoTheyAreKeptAsObjects()
    {
        Assert.True(StoredSnapshots.IsImmutable(typeof(Plan), exceptETag: false));
        Assert.True(StoredSnapshots.IsImmutable(typeof(PlanningSession), exceptETag: false));
        Assert.True(StoredSnapshots.IsImmutable(typeof(PlannerProfile), exceptETag: false));
        Assert.True(StoredSnapshots.IsImmutable(typeof(PlanDocument), exceptETag: true));
        Assert.False(StoredSnapshots.IsImmutable(typeof(PlanDocument), exceptETag: false));
    }

    [Theory]
    [InlineData(typeof(Settable))]
    [InlineData(typeof(WithList))]
    [InlineData(typeof(Open))]
    [InlineData(typeof(WithIgnored))]
    [InlineData(typeof(Nested))]
    [InlineData(typeof(JObject))]
    [InlineData(typeof(MutableItem))]
    public void AnythingThatCanChange_OrThatTheJsonLeavesOut_IsNot(Type type) =>
        Assert.False(StoredSnapshots.IsImmutable(type, exceptETag: true));

    [Fact]
    public async Task APlanWritten_IsReadBackAsItsOwnCopy_WithTheNewETag_AndTheSameJsonInTheFile()
    {
        var plan = SamplePlans.Typical();
        await storage.WriteAsync(new Dictionary<string, object> { ["plans/p"] = new PlanDocument { Plan = plan } });

        var first = Assert.IsType<PlanDocument>((await storage.ReadAsync(["plans/p"]))["plans/p"]);
        var second = Assert.IsType<PlanDocument>((await storage.ReadAsync(["plans/p"]))["plans/p"]);
        Assert.Same(plan, first.Plan);
        Assert.NotSame(first, second);
        Assert.False(string.IsNullOrEmpty(first.ETag));
        first.ETag = "changed by a reader";
        Assert.NotEqual("changed by a reader", second.ETag);

        // What another instance of the store (a restart) reads from the file: the same plan, the same ETag.
        using var reopened = new SqliteStorage(database.Path, new FakeTimeProvider());
        var fromFile = StorageJson.As<PlanDocument>((await reopened.ReadAsync(["plans/p"]))["plans/p"])!;
        Assert.IsType<JObject>((await reopened.ReadAsync(["plans/p"]))["plans/p"]);
        Assert.Equal(second.ETag, fromFile.ETag);
        Assert.Equal(JsonConvert.SerializeObject(plan), JsonConvert.SerializeObject(fromFile.Plan));

        // The kept ETag is the one the file checks: writing with it wins, and the old one is then stale.
        await storage.WriteAsync(new Dictionary<string, object> { ["plans/p"] = new PlanDocument { Plan = plan with { Title = "Ny" }, ETag = second.ETag } });
        var conflict = await Record.ExceptionAsync(() => storage.WriteAsync(new Dictionary<string, object> { ["plans/p"] = new PlanDocument { Plan = plan, ETag = second.ETag } }));
        Assert.True(ETagConflictException.IsConflict(conflict!));
    }

    [Fact]
    public async Task BotState_GetsADictionaryOfItsOwn_SoChangingItChangesNothingKept()
    {
        var session = new PlanningSession { ActivePlanId = "p", Step = PlanStep.Goal, CardSequence = 4 };
        await storage.WriteAsync(new Dictionary<string, object> { ["msteams/conversations/c"] = new Dictionary<string, object> { ["planning"] = session } });

        var read = Assert.IsAssignableFrom<IDictionary<string, object>>((await storage.ReadAsync(["msteams/conversations/c"]))["msteams/conversations/c"]);
        Assert.Same(session, read["planning"]);
        read["planning"] = session with { Step = PlanStep.Partners };
        read["other"] = "added by the reader";

        var again = Assert.IsAssignableFrom<IDictionary<string, object>>((await storage.ReadAsync(["msteams/conversations/c"]))["msteams/conversations/c"]);
        Assert.Equal(["planning"], again.Keys);
        Assert.Same(session, again["planning"]);
    }

    [Fact]
    public async Task ValuesThatCanChange_AreReadFromTheirJson_SoChangingTheWrittenObjectLaterChangesNothing()
    {
        var item = new MutableItem { Name = "written" };
        var state = new Dictionary<string, object> { ["loaded"] = new JObject { ["Name"] = "as loaded" } };
        await storage.WriteAsync(new Dictionary<string, object> { ["item"] = item, ["state"] = state });
        item.Name = "changed after the write";
        ((JObject)state["loaded"])["Name"] = "changed after the write";

        var read = await storage.ReadAsync(["item", "state"]);
        Assert.Equal("written", StorageJson.As<MutableItem>(read["item"])!.Name);
        Assert.Equal("as loaded", (string?)JObject.FromObject(read["state"])["loaded"]!["Name"]);
    }
}

/// <summary>Writes that arrive while a commit runs are committed together; each caller's items still stand or fall together.</summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly SqliteStorage storage;

    public SqliteGroupCommitTests() => storage = new SqliteStorage(database.Path, new FakeTimeProvider());

    public void Dispose()
    {
        storage.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task InOneCommit_AStaleETagFailsOnlyItsCaller_AndNoneOfItsItemsIsWritten()
    {
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new PlanDocument { Plan = SamplePlans.Typical() }, ["gone"] = new JObject { ["v"] = 1 } });
        var read = StorageJson.As<PlanDocument>((await storage.ReadAsync(["k"]))["k"])!;

        var first = Pending(("k", new PlanDocument { Plan = read.Plan with { Title = "first" }, ETag = read.ETag }), ("k2", new JObject { ["v"] = 2 }));
        var stale = Pending(("k", new PlanDocument { Plan = read.Plan with { Title = "stale" }, ETag = read.ETag }), ("k3", new JObject { ["v"] = 3 }));
        var deletion = Pending(("gone", null));
        await storage.CommitAsync([first, stale, deletion]);

        Assert.Null(first.Failure);
        Assert.True(ETagConflictException.IsConflict(Assert.IsType<ETagConflictException>(stale.Failure)));
        Assert.Null(deletion.Failure);
        var after = await storage.ReadAsync(["k", "k2", "k3", "gone"]);
        Assert.Equal("first", StorageJson.As<PlanDocument>(after["k"])!.Plan.Title);
        Assert.Equal(["k", "k2"], after.Keys.Order(StringComparer.Ordinal));

        // And so the file says, for a store that starts afresh.
        using var reopened = new SqliteStorage(database.Path, new FakeTimeProvider());
        Assert.Equal(["k", "k2"], (await reopened.ReadAsync(["k", "k2", "k3", "gone"])).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ManyWritersAtOnce_FromManyThreads_AllLand_AndEachSeesOnlyItsOwnConflict()
    {
        await storage.WriteAsync(new Dictionary<string, object> { ["shared"] = new PlanDocument { Plan = SamplePlans.Empty() } });
        var etag = StorageJson.As<PlanDocument>((await storage.ReadAsync(["shared"]))["shared"])!.ETag;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            var changes = new Dictionary<string, object> { ["own/" + i] = new JObject { ["i"] = i } };
            if (i % 4 == 0)
            {
                changes["shared"] = new PlanDocument { Plan = SamplePlans.Empty() with { Title = "by " + i }, ETag = etag };
            }

            return await Record.ExceptionAsync(() => storage.WriteAsync(changes));
        })));

        // Sixteen writers raced for the shared plan with the same ETag: exactly one won, and its own item landed with it.
        Assert.Equal(15, outcomes.Count(e => e is not null && ETagConflictException.IsConflict(e)));
        Assert.Equal(49, outcomes.Count(e => e is null));
        var winner = int.Parse(StorageJson.As<PlanDocument>((await storage.ReadAsync(["shared"]))["shared"])!.Plan.Title[3..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Null(outcomes[winner]);
        var own = await storage.ReadAsync([.. Enumerable.Range(0, 64).Select(i => "own/" + i)]);
        Assert.Equal(Enumerable.Range(0, 64).Where(i => outcomes[i] is null).Select(i => "own/" + i).Order(StringComparer.Ordinal), own.Keys.Order(StringComparer.Ordinal));
    }

    private static PendingWrite Pending(params (string Key, object? Value)[] items) =>
        new([.. items.Select(item => new KeyValuePair<string, object?>(item.Key, item.Value))]);
}
