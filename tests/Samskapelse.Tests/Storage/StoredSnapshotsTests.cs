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
