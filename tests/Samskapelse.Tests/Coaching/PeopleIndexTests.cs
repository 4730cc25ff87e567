using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Storage;
using Samskapelse.Coaching;

namespace Samskapelse.Tests.Coaching;

/// <summary>
/// Everyone the bot has met, for the coaching start card: kept in buckets by user id, so a new person rewrites
/// a small part of the index instead of all of it.
/// </summary>
public sealed class PeopleIndexTests
{
    private const string Tenant = "tenant-1";

    [Fact]
    public async Task A_new_person_rewrites_only_their_bucket_and_everyone_is_listed()
    {
        var storage = new MemoryStorage();
        var people = new PeopleDirectory(storage, Options.Create(new CoachingOptions()), NullLogger<PeopleDirectory>.Instance);
        for (var i = 0; i < 200; i++)
        {
            await people.RememberAsync(Turn(UserId(i), "Person " + i.ToString(CultureInfo.InvariantCulture)), CancellationToken.None);
        }

        var before = await IndexAsync(storage);
        await people.RememberAsync(Turn("29:newcomer", "Nina Ny"), CancellationToken.None);
        var after = await IndexAsync(storage);

        var changed = after.Where(b => !before.TryGetValue(b.Key, out var old) || old.ETag != b.Value.ETag).Select(b => b.Key).ToList();
        Assert.Equal([PeopleDirectory.IndexKey(Tenant, "29:newcomer")], changed);
        Assert.True(after[changed[0]].People.Count < 20, "A bucket holds a small share of the people.");
        Assert.Equal(201, after.Values.Sum(b => b.People.Count));

        var listed = await people.ListAsync(Tenant, CancellationToken.None);
        Assert.Equal(201, listed.Count);
        Assert.Contains(listed, p => p.UserId == "29:newcomer" && p.Name == "Nina Ny");
    }

    [Fact]
    public void Ids_spread_over_the_buckets_and_always_land_in_the_same_one()
    {
        var keys = Enumerable.Range(0, 2000).Select(i => PeopleDirectory.IndexKey(UserId(i))).ToList();
        var sizes = keys.GroupBy(k => k).Select(g => g.Count()).ToList();
        Assert.Equal(64, sizes.Count);
        Assert.True(sizes.Max() < 3 * 2000 / 64, $"Largest bucket {sizes.Max()}.");
        Assert.Equal(keys, Enumerable.Range(0, 2000).Select(i => PeopleDirectory.IndexKey(UserId(i))));
        Assert.DoesNotContain(PeopleDirectory.AllIndexKeys(), k => k.StartsWith(PeopleDirectory.Key(string.Empty), StringComparison.Ordinal));
    }

    [Fact]
    public async Task People_in_the_index_from_before_the_buckets_are_still_listed_once()
    {
        var storage = new MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            [PeopleDirectory.LegacyIndexKey] = new PeopleIndex { People = [new Person("29:old", null, "Olav Gammel"), new Person("29:renamed", null, "Old name")] },
        }, CancellationToken.None);
        var people = new PeopleDirectory(storage, Options.Create(new CoachingOptions()), NullLogger<PeopleDirectory>.Instance);
        await people.RememberAsync(Turn("29:renamed", "New name"), CancellationToken.None);

        var listed = await people.ListAsync(Tenant, CancellationToken.None);
        Assert.Equal(["Olav Gammel", "New name"], listed.Select(p => p.Name).Order(StringComparer.Ordinal).Reverse());
    }

    private static string UserId(int i) => "29:1" + i.ToString("x8", CultureInfo.InvariantCulture) + "-user";

    private static async Task<Dictionary<string, PeopleIndex>> IndexAsync(MemoryStorage storage)
    {
        var items = await storage.ReadAsync(PeopleDirectory.AllIndexKeys(Tenant), CancellationToken.None);
        return items.ToDictionary(i => i.Key, i => StorageJson.As<PeopleIndex>(i.Value)!);
    }

    private static TurnContext Turn(string userId, string name) => new(new TestAdapter(), new Activity
    {
        Type = ActivityTypes.Message,
        Text = "hei",
        Locale = "nb-NO",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.example.test/",
        From = new ChannelAccount(userId, name),
        Recipient = new ChannelAccount("bot-1", "Samskapelse"),
        Conversation = new ConversationAccount { Id = "personal-" + userId, ConversationType = "personal", TenantId = Tenant },
    });
}
