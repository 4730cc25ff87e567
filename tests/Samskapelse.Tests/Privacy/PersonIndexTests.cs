using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Samskapelse.Bot.Privacy;
using Samskapelse.Bot.Review;
using Samskapelse.Bot.Storage;
using Samskapelse.Review;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Privacy;

/// <summary>The per-person index: export and deletion read what one person did, never every plan in the store.</summary>
public sealed class PersonIndexTests
{
    private static readonly DataSubject Anna = new(PrivacyWorld.AnnaId, null);

    /// <summary>Plans of other people, written as a busy store holds them.</summary>
    private static async Task WriteOtherPlansAsync(IStorage storage, int count)
    {
        var plans = new PlanStore(storage, TimeProvider.System, NullLogger<PlanStore>.Instance);
        for (var i = 0; i < count; i++)
        {
            await plans.CreateAsync(SamplePlans.Empty() with { Id = "other-" + i, OwnerId = "29:other-" + i }, default);
        }
    }

    [Fact]
    public async Task ExportAndDelete_ReadOnlyThePlansAndChatsThePersonAppearsIn_AndNeverListTheStore()
    {
        var storage = new SpyStorage(TimeProvider.System);
        var world = await PrivacyWorld.CreateAsync(storage);
        await WriteOtherPlansAsync(storage, 300);
        await world.Anna.Privacy!.Backfill.EnsureAsync(default);
        storage.Reset();

        var bytes = await world.Anna.Privacy.Export.BuildAsync(new PersonalDataScope("msteams", "personal-anna"), Anna, default);
        var asked = await world.Anna.SayAsync("delete my data");
        await world.Anna.PressOnAsync(asked.Cards.Single(), T(Samskapelse.Localization.Language.En, "Action_DeleteMyDataYes"));

        Assert.Contains("reading circle", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(0, storage.Listings);
        Assert.DoesNotContain(storage.KeysRead, key => key.StartsWith("plans/other-", StringComparison.Ordinal));
        Assert.Equal(
            new[] { PlanStore.Key(world.AnnaPlanId), PlanStore.Key(world.KariPlanId) }.Order(StringComparer.Ordinal),
            storage.KeysRead.Where(k => k.StartsWith("plans/", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheIndex_FollowsOwningSigningCommentingCoOwnershipAndChats_AndForgetsADeletedPlan()
    {
        var storage = new ListingMemoryStorage(TimeProvider.System);
        var world = await PrivacyWorld.CreateAsync(storage);
        var index = new PersonIndex(storage);

        var anna = (await index.ReadAsync(PrivacyWorld.AnnaId, default))!;
        Assert.Equal(new[] { world.AnnaPlanId, world.KariPlanId }.Order(StringComparer.Ordinal), anna.PlanIds.Order(StringComparer.Ordinal));
        var chatKey = Assert.Single(anna.ChatKeys);
        Assert.EndsWith("/" + PrivacyWorld.Group, chatKey, StringComparison.Ordinal);
        Assert.Equal([world.KariPlanId], (await index.ReadAsync("29:bo", default))!.PlanIds);
        Assert.Contains(world.KariPlanId, (await index.ReadAsync("29:kari", default))!.PlanIds);

        await world.Kari.Plans.DeleteAsync(world.KariPlanId, default);

        Assert.Equal([world.AnnaPlanId], (await index.ReadAsync(PrivacyWorld.AnnaId, default))!.PlanIds);
        Assert.Empty((await index.ReadAsync("29:bo", default))!.PlanIds);
    }

    [Fact]
    public async Task Backfill_IndexesPlansAndChatsWrittenBeforeTheIndexExisted_OnceForTheStore()
    {
        var storage = new SpyStorage(TimeProvider.System);

        // As an older version wrote them: straight into the store, with no index entries.
        var signed = SamplePlans.Typical() with { Id = "legacy-kari", OwnerId = "29:kari" };
        signed = signed with { Review = signed.Review with { Signatures = [new Signature(new Actor(PrivacyWorld.AnnaId, null, PrivacyWorld.AnnaName), signed.CreatedAt)] } };
        var reference = new ConversationReference { ChannelId = "msteams", Conversation = new ConversationAccount(id: "19:legacy@thread.v2"), User = new ChannelAccount(PrivacyWorld.AnnaId, PrivacyWorld.AnnaName) };
        await storage.WriteAsync(new Dictionary<string, object>
        {
            [PlanStore.Key("legacy-anna")] = new PlanDocument { Plan = SamplePlans.Empty() with { Id = "legacy-anna", OwnerId = PrivacyWorld.AnnaId } },
            [PlanStore.Key("legacy-kari")] = new PlanDocument { Plan = signed },
            [SharedCards.ChatKey("19:legacy@thread.v2")] = new SharedCards.ChatReference { Reference = reference },
        });
        Assert.Null(await new PersonIndex(storage).ReadAsync(PrivacyWorld.AnnaId, default));

        var found = await new PersonalDataFinder(storage, new PersonIndexBackfill(storage, NullLogger<PersonIndexBackfill>.Instance)).FindAsync(Anna, default);

        Assert.Equal(["legacy-anna"], found.Owned.Select(p => p.Id));
        Assert.Equal(["legacy-kari"], found.Contributed.Select(p => p.Id));
        Assert.Equal([SharedCards.ChatKey("19:legacy@thread.v2")], found.Chats.Select(c => c.Key));
        Assert.Equal(2, storage.Listings);

        // Marked done in the store: another process (a restart, a second instance) lists nothing again.
        storage.Reset();
        var again = await new PersonalDataFinder(storage, new PersonIndexBackfill(storage, NullLogger<PersonIndexBackfill>.Instance)).FindAsync(Anna, default);
        Assert.Equal(0, storage.Listings);
        Assert.Equal(["legacy-kari"], again.Contributed.Select(p => p.Id));
    }

    /// <summary>A listing memory store that counts listings and records every key read.</summary>
    private sealed class SpyStorage(TimeProvider time) : IStorage, IStorageKeyListing, IDisposable
    {
        private readonly ListingMemoryStorage inner = new(time);
        private readonly ConcurrentQueue<string> read = new();
        private int listings;

        public int Listings => listings;

        public void Dispose() => inner.Dispose();

        public IReadOnlyList<string> KeysRead => [.. read];

        public void Reset()
        {
            read.Clear();
            listings = 0;
        }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            foreach (var key in keys)
            {
                read.Enqueue(key);
            }

            return inner.ReadAsync(keys, cancellationToken);
        }

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

        public IAsyncEnumerable<StoredKey> ListAsync(string prefix, CancellationToken cancellationToken = default)
        {
            // The whole-store search of the tests themselves lists "" and is not the bot's.
            if (prefix.Length > 0)
            {
                Interlocked.Increment(ref listings);
            }

            return inner.ListAsync(prefix, cancellationToken);
        }
    }
}
