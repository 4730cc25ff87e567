using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Privacy;
using Samskapelse.Bot.Resilience;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;
using Samskapelse.Localization;
using Samskapelse.Review;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Privacy;

/// <summary>Delete means gone: what used to stay behind after "delete my data" or a retention sweep.</summary>
public sealed class ErasureTraceTests : IDisposable
{
    private static readonly string[] Traces = [PrivacyWorld.AnnaId, PrivacyWorld.AnnaName, "aad-anna", "Anna thinks Friday", "book club", "reading circle", "Readers meet in the library"];

    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private static async Task DeleteAnnaAsync(PrivacyWorld world)
    {
        var asked = await world.Anna.SayAsync("delete my data");
        await world.Anna.PressOnAsync(asked.Cards.Single(), T(Language.En, "Action_DeleteMyDataYes"));
    }

    [Fact]
    public async Task DeleteMyData_OnSqlite_LeavesNoTraceInTheRawBytesOfTheDatabaseItsLogOrItsIndex()
    {
        var storage = new SqliteStorage(database.Path, TimeProvider.System);
        var world = await PrivacyWorld.CreateAsync(storage);
        var before = database.RawBytes(string.Empty).Concat(database.RawBytes("-wal")).ToArray();
        Assert.True(before.AsSpan().IndexOf(Encoding.UTF8.GetBytes(PrivacyWorld.AnnaName)) >= 0, "the name is in the files before");

        await DeleteAnnaAsync(world);

        Assert.Empty(database.TracesOnDisk(Traces));

        // Kari's plan is still there, read back from the file.
        Assert.NotNull(await new PlanStore(new SqliteStorage(database.Path, TimeProvider.System), TimeProvider.System, NullLogger<PlanStore>.Instance).FindAsync(world.KariPlanId, default));
    }

    [Fact]
    public async Task DeleteMyData_ADecidedProposalKeepsItsDecision_ButNotTheirWords()
    {
        var world = await PrivacyWorld.CreateAsync(new ListingMemoryStorage(TimeProvider.System));
        var proposalId = (await world.Kari.Plans.FindAsync(world.KariPlanId, default))!.Review.Proposals.Single().Id;
        await world.KariInGroup.InvokeAsync(ReviewVerbs.Decline, new JObject { ["plan"] = world.KariPlanId, ["kind"] = "Plan", ["version"] = "1", ["proposalId"] = proposalId }, world.CardId);

        await DeleteAnnaAsync(world);

        var declined = Assert.Single((await world.Kari.Plans.FindAsync(world.KariPlanId, default))!.Review.Proposals);
        Assert.Equal(ProposalStatus.Declined, declined.Status);
        Assert.True(declined.By.IsMarker());
        Assert.DoesNotContain(await world.WholeStoreAsync(), item => item.Value.Contains("book club", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteMyData_RemovesTheWelcomeClaimOfTheirChat_AndAnswersKeptAfterAStorageFault()
    {
        var storage = new ListingMemoryStorage(TimeProvider.System);
        var pending = new PendingAnswers(TimeProvider.System, Options.Create(new ResilienceOptions()));
        var anna = new BotDriver(storage, "personal-anna", userId: PrivacyWorld.AnnaId, userName: PrivacyWorld.AnnaName, privacy: true, pendingAnswers: pending);
        var bo = new Activity(ActivityTypes.Message) { ChannelId = "msteams", Conversation = new ConversationAccount(id: "personal-bo"), From = new ChannelAccount("29:bo"), Text = "Bo's answer" };
        var inGroup = new Activity(ActivityTypes.Message) { ChannelId = "msteams", Conversation = new ConversationAccount(id: PrivacyWorld.Group), From = new ChannelAccount(PrivacyWorld.AnnaId), Text = "Anna's answer" };
        await new WelcomeClaims(storage, NullLogger<WelcomeClaims>.Instance).TryClaimAsync("msteams", "personal-anna", anna.Time.GetUtcNow(), default);
        pending.Keep(PendingAnswers.KeyOf(inGroup), pending.AnswerIn(inGroup)!);
        pending.Keep(PendingAnswers.KeyOf(bo), pending.AnswerIn(bo)!);
        await anna.SayAsync("start Anna's reading circle");

        var asked = await anna.SayAsync("delete my data");
        await anna.PressOnAsync(asked.Cards.Single(), T(Language.En, "Action_DeleteMyDataYes"));

        Assert.DoesNotContain(await storage.ListAsync(string.Empty).ToListAsync(), k => k.Key.StartsWith("welcomed/", StringComparison.Ordinal));
        Assert.Null(pending.Peek(PendingAnswers.KeyOf(inGroup)));
        Assert.NotNull(pending.Peek(PendingAnswers.KeyOf(bo)));
    }

    [Fact]
    public async Task RetentionSweep_ReplacesThePostedCardsOfARemovedPlan_WithOneThatNamesNothing_AndEmptiesTheIndex()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var storage = new ListingMemoryStorage(clock);
        var world = await PrivacyWorld.CreateAsync(storage);
        clock.Advance(TimeSpan.FromDays(400));
        var plans = new PlanStore(storage, clock, NullLogger<PlanStore>.Instance);
        var state = new Samskapelse.Bot.Planning.PlanningStateAccessors(new Microsoft.Bot.Builder.ConversationState(storage), new Microsoft.Bot.Builder.UserState(storage));
        var cards = new SweptPlanCards(TestBots.SharedCards(storage, state, plans, world.Time), () => world.KariInGroup.Adapter);
        var retention = new PlanRetention(storage, plans, clock, Options.Create(new PrivacyOptions { RetentionDays = 365 }), NullLogger<PlanRetention>.Instance, cards);

        Assert.Equal(2, await retention.SweepOnceAsync(default));

        var update = world.KariInGroup.Updates.Last(u => u.Id == world.CardId);
        var shown = CardReader.AllText(CardReader.Card(update.Attachments[0].Content));
        Assert.Contains(T(Language.En, "Privacy_PlanExpiredHeading", 365), shown);
        Assert.DoesNotContain("Youth house", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Kari", shown, StringComparison.Ordinal);
        foreach (var person in new[] { "29:kari", PrivacyWorld.AnnaId, "29:bo" })
        {
            Assert.Empty((await new PersonIndex(storage).ReadAsync(person, default))?.PlanIds ?? []);
        }
    }

    [Fact]
    public async Task RetentionSweep_ReplacesThePostedCardsOfAPlanSharedInATenant_WhoseChatIsKeptUnderItsTenant()
    {
        const string Tenant = "0a0a0a0a-1111-4222-8333-444455556666";
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var storage = new ListingMemoryStorage(clock);
        var kari = new BotDriver(storage, "personal-kari", userId: "29:kari", userName: "Kari Leder", time: clock, tenantId: Tenant);
        await kari.SayAsync("start Youth house");
        await kari.SayAsync("A meeting place run with the young");
        var kariInGroup = new BotDriver(storage, PrivacyWorld.Group, userId: "29:kari", userName: "Kari Leder", time: clock, conversationType: "groupChat", tenantId: Tenant);
        var shared = await kariInGroup.SayAsync("<at>Samskapelse</at> share");
        var cardId = shared.Activities.First(a => ((IMessageActivity)a).Attachments?.Count > 0).Id!;
        Assert.Contains(await storage.ListAsync(string.Empty).ToListAsync(), k => k.Key == Samskapelse.Bot.Review.SharedCards.ChatKey(Tenant, PrivacyWorld.Group));
        clock.Advance(TimeSpan.FromDays(400));
        var plans = new PlanStore(storage, clock, NullLogger<PlanStore>.Instance);
        var state = new Samskapelse.Bot.Planning.PlanningStateAccessors(new Microsoft.Bot.Builder.ConversationState(storage), new Microsoft.Bot.Builder.UserState(storage));
        var cards = new SweptPlanCards(TestBots.SharedCards(storage, state, plans, clock), () => kariInGroup.Adapter);
        var retention = new PlanRetention(storage, plans, clock, Options.Create(new PrivacyOptions { RetentionDays = 365 }), NullLogger<PlanRetention>.Instance, cards);

        Assert.Equal(1, await retention.SweepOnceAsync(default));

        var update = Assert.Single(kariInGroup.Updates, u => u.Id == cardId);
        var shown = CardReader.AllText(CardReader.Card(update.Attachments[0].Content));
        Assert.Contains(T(Language.En, "Privacy_PlanExpiredHeading", 365), shown);
        Assert.DoesNotContain("Youth house", shown, StringComparison.Ordinal);
    }
}
