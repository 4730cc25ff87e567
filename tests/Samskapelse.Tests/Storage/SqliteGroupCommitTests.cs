using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Storage;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Storage;

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
