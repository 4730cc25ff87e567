using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Storage;

namespace Samskapelse.Tests.Storage;

/// <summary>
/// What every <see cref="IStorageKeyListing"/> must do. Each store that lists its keys runs it
/// through a subclass giving the store and how far its clock may be from this process's.
/// </summary>
public abstract class StorageKeyListingContractTests
{
    protected abstract IStorage Storage { get; }

    protected abstract IStorageKeyListing Listing { get; }

    /// <summary>How far a listed LastWritten may lie outside the time of the write, as seen here.</summary>
    protected virtual TimeSpan ClockTolerance => TimeSpan.Zero;

    /// <summary>The store's notion of now; a store on a fake clock overrides it.</summary>
    protected virtual DateTimeOffset Now => DateTimeOffset.UtcNow;

    private async Task<List<StoredKey>> ListAsync(string prefix)
    {
        var keys = new List<StoredKey>();
        await foreach (var key in Listing.ListAsync(prefix))
        {
            keys.Add(key);
        }

        return keys;
    }

    [Fact]
    public async Task List_ReturnsTheRealKeysUnderThePrefix_AndNothingElse()
    {
        var longKey = "msteams/users/29:" + new string('u', 1400) + "@x";
        var keys = new[] { "msteams/users/29:1a;b@c", "msteams/users/29:2/x.", longKey, "msteams/conversations/19:1@thread", "plans/p1" };
        await Storage.WriteAsync(keys.ToDictionary(k => k, object (_) => new JObject { ["v"] = 1 }));

        var listed = await ListAsync("msteams/users/");

        Assert.Equal(
            new[] { "msteams/users/29:1a;b@c", "msteams/users/29:2/x.", longKey }.Order(StringComparer.Ordinal),
            listed.Select(k => k.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_ALongPrefix_MatchesOnTheWholeKey()
    {
        var shared = "plans/" + new string('p', 1200);
        await Storage.WriteAsync(new Dictionary<string, object> { [shared + "-a"] = new JObject(), [shared + "-b"] = new JObject() });

        var listed = await ListAsync(shared + "-a");

        Assert.Equal([shared + "-a"], listed.Select(k => k.Key));
    }

    [Fact]
    public async Task List_GivesWhenEachItemWasLastWritten_AndForgetsDeletedKeys()
    {
        var before = Now;
        await Storage.WriteAsync(new Dictionary<string, object> { ["retention/a"] = new JObject(), ["retention/b"] = new JObject() });
        await Storage.DeleteAsync(["retention/b"]);
        var after = Now;

        var listed = Assert.Single(await ListAsync("retention/"));

        Assert.Equal("retention/a", listed.Key);
        Assert.InRange(listed.LastWritten, before - ClockTolerance, after + ClockTolerance);
    }

    [Fact]
    public async Task List_AnEmptyPrefix_ListsEverything_AndAnUnknownOneNothing()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["x/1"] = new JObject(), ["y/1"] = new JObject() });

        Assert.Equal(["x/1", "y/1"], (await ListAsync(string.Empty)).Select(k => k.Key).Order(StringComparer.Ordinal));
        Assert.Empty(await ListAsync("z/"));
    }
}
