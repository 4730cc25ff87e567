using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Storage;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Planning;

/// <summary>
/// Issue 14, item 5: conversation and user state are kept under keys with the tenant in them, and state written
/// before, under Bot Builder's keys, is taken over on the owner's next turn: they keep their plans and their place.
/// </summary>
public sealed class TenantStateKeysTests
{
    private const string Tenant = "0a0a0a0a-1111-4222-8333-444455556666";
    private const string UserId = "29:kari";
    private const string ConversationId = "a:kari-personal";

    [Fact]
    public async Task StateWrittenUnderTheOldKeys_IsTakenOver_AndTheOldItemsGo()
    {
        var storage = new MemoryStorage();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        // Before: Bot Builder's own state classes, which ignore the tenant.
        var before = new PlanningStateAccessors(new ConversationState(storage), new UserState(storage));
        await SayAsync(storage, before, time, "start Library for everyone");
        var oldKeys = new[] { $"msteams/users/{UserId}", $"msteams/conversations/{ConversationId}" };
        Assert.Equal(2, (await storage.ReadAsync(oldKeys, CancellationToken.None)).Count);

        // After: the same person comes back.
        var after = new PlanningStateAccessors(new TenantConversationState(storage), new TenantUserState(storage));
        var replies = await SayAsync(storage, after, time, "plans");

        Assert.Contains("Library for everyone", replies.AllText, StringComparison.Ordinal);
        Assert.Empty(await storage.ReadAsync(oldKeys, CancellationToken.None));
        var newKeys = new[] { TenantStateKeys.User("msteams", Tenant, UserId), TenantStateKeys.Conversation("msteams", Tenant, ConversationId) };
        Assert.Equal(2, (await storage.ReadAsync(newKeys, CancellationToken.None)).Count);

        // And the turn after that reads the new keys only.
        Assert.Contains("Library for everyone", (await SayAsync(storage, after, time, "plans")).AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameIdsInTwoTenants_HaveTwoStates()
    {
        var storage = new MemoryStorage();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var state = new PlanningStateAccessors(new TenantConversationState(storage), new TenantUserState(storage));
        await SayAsync(storage, state, time, "start Library for everyone");

        var elsewhere = await SayAsync(storage, state, time, "plans", tenant: "0b0b0b0b-1111-4222-8333-444455556666");

        Assert.DoesNotContain("Library for everyone", elsewhere.AllText, StringComparison.Ordinal);
    }

    private static async Task<Replies> SayAsync(IStorage storage, PlanningStateAccessors state, TimeProvider time, string text, string tenant = Tenant)
    {
        var adapter = new TestAdapter(new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = "https://test.invalid/",
            User = new ChannelAccount(UserId, "Kari Nordmann"),
            Bot = new ChannelAccount("28:bot", "Samskapelse"),
            Conversation = new ConversationAccount(conversationType: "personal", id: ConversationId, tenantId: tenant),
        });
        var bot = TestBots.Create(storage, state, new PlanStore(storage, time, NullLogger<PlanStore>.Instance), time);
        await adapter.ProcessActivityAsync(adapter.MakeActivity(text), bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return new Replies(replies);
    }
}
