using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Samskapelse.Bot.Coaching;
using Samskapelse.Coaching;

namespace Samskapelse.Tests.Coaching;

public sealed class PeopleDirectoryMemoTests
{
    private const string Tenant = "tenant-1";

    [Fact]
    public async Task An_unchanged_sender_costs_no_storage_call_and_a_change_is_written()
    {
        var storage = new CountingStorage();
        var people = new PeopleDirectory(storage, Options.Create(new CoachingOptions()), NullLogger<PeopleDirectory>.Instance);

        Assert.True(await people.RememberAsync(Turn("nb-NO"), CancellationToken.None));
        var calls = storage.Calls;
        Assert.False(await people.RememberAsync(Turn("nb-NO"), CancellationToken.None));
        Assert.Equal(calls, storage.Calls);

        Assert.False(await people.RememberAsync(Turn("da-DK"), CancellationToken.None));
        Assert.Equal("da-DK", (await people.FindAsync(Tenant, "user-1", CancellationToken.None))?.Locale);

        // Another directory over the same store shares what was recorded.
        var other = new PeopleDirectory(storage, Options.Create(new CoachingOptions()), NullLogger<PeopleDirectory>.Instance);
        calls = storage.Calls;
        Assert.False(await other.RememberAsync(Turn("da-DK"), CancellationToken.None));
        Assert.Equal(calls, storage.Calls);
    }

    [Fact]
    public async Task A_forgotten_sender_is_recorded_afresh()
    {
        var storage = new CountingStorage();
        var people = new PeopleDirectory(storage, Options.Create(new CoachingOptions()), NullLogger<PeopleDirectory>.Instance);
        await people.RememberAsync(Turn("nb-NO"), CancellationToken.None);

        await storage.DeleteAsync([PeopleDirectory.Key(Tenant, "user-1")], CancellationToken.None);
        PeopleDirectory.Forget(storage, "user-1");

        Assert.True(await people.RememberAsync(Turn("nb-NO"), CancellationToken.None));
        Assert.Equal("Kari", (await people.FindAsync(Tenant, "user-1", CancellationToken.None))?.Person.Name);
    }

    [Fact]
    public async Task An_entry_another_instance_deleted_is_recorded_again_once_the_memo_has_aged()
    {
        var storage = new CountingStorage();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var people = new PeopleDirectory(storage, Options.Create(new CoachingOptions()), NullLogger<PeopleDirectory>.Instance, time);
        await people.RememberAsync(Turn("nb-NO"), CancellationToken.None);

        // Deleted through another instance: this process was not told (no Forget here).
        await storage.DeleteAsync([PeopleDirectory.Key(Tenant, "user-1")], CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(await people.RememberAsync(Turn("nb-NO"), CancellationToken.None));
        Assert.Null(await people.FindAsync(Tenant, "user-1", CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await people.RememberAsync(Turn("nb-NO"), CancellationToken.None));
        Assert.Equal("Kari", (await people.FindAsync(Tenant, "user-1", CancellationToken.None))?.Person.Name);
    }

    private static TurnContext Turn(string locale) => new(new TestAdapter(), new Activity
    {
        Type = ActivityTypes.Message,
        Text = "hei",
        Locale = locale,
        ChannelId = "msteams",
        ServiceUrl = "https://smba.example.test/",
        From = new ChannelAccount("user-1", "Kari") { AadObjectId = "aad-1" },
        Recipient = new ChannelAccount("bot-1", "Samskapelse"),
        Conversation = new ConversationAccount { Id = "personal-1", ConversationType = "personal", TenantId = Tenant },
    });

    private sealed class CountingStorage : IStorage
    {
        private readonly MemoryStorage inner = new();

        public int Calls { get; private set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            Calls++;
            return inner.ReadAsync(keys, cancellationToken);
        }

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            Calls++;
            return inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            Calls++;
            return inner.DeleteAsync(keys, cancellationToken);
        }
    }
}
