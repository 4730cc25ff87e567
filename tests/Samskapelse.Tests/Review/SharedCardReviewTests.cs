using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;
using Samskapelse.Localization;
using Samskapelse.Review;
using Samskapelse.Tests.Planning;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Review;

/// <summary>A plan shared into a group chat and worked on by several people through Universal Actions.</summary>
public sealed class SharedCardReviewTests
{
    private const string Group = "19:group-chat@thread.v2";

    private sealed record Team(BotDriver Owner, BotDriver Anna, BotDriver Bo, BotDriver OwnerInGroup, string PlanId, string CardId);

    private static async Task<Team> ShareAsync(IStorage? storage = null, FakeTimeProvider? time = null, ConversationTurnLocks? locks = null)
    {
        storage ??= new MemoryStorage();
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        locks ??= new ConversationTurnLocks();
        var owner = new BotDriver(storage, "personal-owner", userId: "29:owner", userName: "Kari Leder", time: time, locks: locks);
        await owner.SayAsync("start Youth house");
        await owner.SayAsync("A meeting place run with the young");
        await owner.SayAsync("Sports club (association, outside); Culture department (colleagues)");
        await owner.SayAsync("next");
        await owner.SayAsync("skip");
        await owner.SayAsync("skip");
        await owner.SayAsync("skip");
        await owner.SayAsync("Safe evenings: open the hall on Fridays (Sports club)");
        await owner.SayAsync("next");

        var ownerInGroup = new BotDriver(storage, Group, userId: "29:owner", userName: "Kari Leder", time: time, conversationType: "groupChat", locks: locks);
        var shared = await ownerInGroup.SayAsync("<at>Samskapelse</at> share");
        Assert.Contains(T(Language.En, "Share_Posted_Plan", "Youth house"), shared.Texts);
        var planId = (await GuidedPlanningTests.PlanIdsAsync(owner, "29:owner")).Single();
        var cardId = shared.Activities.First(a => ((IMessageActivity)a).Attachments?.Count > 0).Id!;

        var anna = new BotDriver(storage, Group, userId: "29:anna", userName: "Anna Medlem", time: time, conversationType: "groupChat", locks: locks);
        var bo = new BotDriver(storage, Group, userId: "29:bo", userName: "Bo Kollega", time: time, conversationType: "groupChat", locks: locks);
        return new Team(owner, anna, bo, ownerInGroup, planId, cardId);
    }

    private static JObject Data(Team team, params (string Key, string Value)[] fields)
    {
        var data = new JObject { ["plan"] = team.PlanId, ["kind"] = "Plan", ["version"] = "1" };
        foreach (var (key, value) in fields)
        {
            data[key] = value;
        }

        return data;
    }

    private static JObject ResponseCard(Replies replies)
    {
        var response = replies.InvokeResponse ?? throw new InvalidOperationException("No invoke response");
        Assert.Equal(200, response.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.Type);
        Assert.Equal(200, body.StatusCode);
        return CardReader.Card(body.Value);
    }

    [Fact]
    public async Task TwoMembersSign_BothShowOnTheCard_AndThePostedCardIsUpdatedInPlace()
    {
        var team = await ShareAsync();

        var anna = await team.Anna.InvokeAsync(ReviewVerbs.Sign, Data(team), team.CardId);
        Assert.Contains(T(Language.En, "Review_Signed"), CardReader.AllText(ResponseCard(anna)));
        var bo = await team.Bo.InvokeAsync(ReviewVerbs.Sign, Data(team), team.CardId);

        var card = CardReader.AllText(ResponseCard(bo));
        Assert.Contains(T(Language.En, "Review_SignedCount", 2), card);
        Assert.Contains("Anna Medlem", card);
        Assert.Contains("Bo Kollega", card);

        var posted = team.Bo.Updates.Last();
        Assert.Equal(team.CardId, posted.Id);
        Assert.Contains("Bo Kollega", CardReader.AllText(CardReader.Card(posted.Attachments[0].Content)));

        var signatures = (await team.Owner.Plans.FindAsync(team.PlanId, default))!.Review.Signatures;
        Assert.Equal(["29:anna", "29:bo"], signatures.Select(s => s.By.UserId));
        Assert.All(signatures, s => Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), s.At));
    }

    [Fact]
    public async Task EachViewerGetsTheirOwnView_OwnerSeesApproveAndStatus_MembersDoNot()
    {
        var team = await ShareAsync();
        await team.OwnerInGroup.SayAsync("<at>Samskapelse</at> share alliances");
        await team.Anna.InvokeAsync(ReviewVerbs.Propose, Data(team, ("proposalKind", "Partner"), ("proposal", "Red Cross")), team.CardId);

        var ownerView = ResponseCard(await team.OwnerInGroup.InvokeAsync(ReviewVerbs.Refresh, Data(team, ("kind", "Alliances")), team.CardId));
        var memberView = ResponseCard(await team.Bo.InvokeAsync(ReviewVerbs.Refresh, Data(team, ("kind", "Alliances")), team.CardId));

        Assert.Contains(T(Language.En, "Review_Approve"), CardReader.ButtonTitles(ownerView));
        Assert.Contains(T(Language.En, "Review_SetStatus"), CardReader.ButtonTitles(ownerView));
        Assert.DoesNotContain(T(Language.En, "Review_Approve"), CardReader.ButtonTitles(memberView));
        Assert.Contains("Red Cross", CardReader.AllText(memberView));

        // Refresh goes to the owner and to the people who acted, through Action.Execute.
        var refresh = (JObject)ownerView["refresh"]!;
        Assert.Equal("Action.Execute", (string?)refresh["action"]!["type"]);
        Assert.Equal(["29:owner", "29:anna"], refresh["userIds"]!.Select(u => (string)u!));
    }

    [Fact]
    public async Task OwnerApprovesAProposal_ItJoinsThePlan_AndTheProposerIsTold()
    {
        var team = await ShareAsync();
        await team.Anna.InvokeAsync(ReviewVerbs.Propose, Data(team, ("proposalKind", "Partner"), ("proposal", "Red Cross")), team.CardId);
        var proposalId = (await team.Owner.Plans.FindAsync(team.PlanId, default))!.Review.Proposals.Single().Id;

        var approved = await team.OwnerInGroup.InvokeAsync(ReviewVerbs.Approve, Data(team, ("proposalId", proposalId)), team.CardId);

        Assert.Contains(T(Language.En, "Review_ProposalApproved", "Anna Medlem", "Red Cross"), approved.Texts);
        var plan = (await team.Owner.Plans.FindAsync(team.PlanId, default))!;
        Assert.Contains(plan.Partners, p => p.Name == "Red Cross");
        Assert.Equal(ProposalStatus.Approved, plan.Review.Proposals.Single().Status);
        Assert.Equal("29:owner", plan.Review.Proposals.Single().DecidedBy!.UserId);
    }

    [Fact]
    public async Task ApprovingADeclinedProposalFromAnOlderCard_IsRefusedWithAClearMessage()
    {
        var team = await ShareAsync();
        await team.Anna.InvokeAsync(ReviewVerbs.Propose, Data(team, ("proposalKind", "Principle"), ("proposal", "We meet in the evening")), team.CardId);
        var proposalId = (await team.Owner.Plans.FindAsync(team.PlanId, default))!.Review.Proposals.Single().Id;
        await team.OwnerInGroup.InvokeAsync(ReviewVerbs.Decline, Data(team, ("proposalId", proposalId)), team.CardId);

        var late = await team.OwnerInGroup.InvokeAsync(ReviewVerbs.Approve, Data(team, ("proposalId", proposalId), ("version", "2")), team.CardId);

        Assert.Contains(T(Language.En, "Review_AlreadyDeclined", "We meet in the evening"), CardReader.AllText(ResponseCard(late)));
        var plan = (await team.Owner.Plans.FindAsync(team.PlanId, default))!;
        Assert.DoesNotContain(plan.CodeOfConduct, p => p.Text == "We meet in the evening");
        Assert.Equal(ProposalStatus.Declined, plan.Review.Proposals.Single().Status);
    }

    [Fact]
    public async Task SigningFromAnOlderVersionOfTheCard_StillCounts()
    {
        var team = await ShareAsync();
        await team.Anna.InvokeAsync(ReviewVerbs.Comment, Data(team, ("target", "Plan:"), ("comment", "Good start")), team.CardId);

        var signed = await team.Bo.InvokeAsync(ReviewVerbs.Sign, Data(team, ("version", "1")), team.CardId);

        Assert.Contains(T(Language.En, "Review_Signed"), CardReader.AllText(ResponseCard(signed)));
        Assert.Single((await team.Owner.Plans.FindAsync(team.PlanId, default))!.Review.Signatures);
    }

    [Fact]
    public async Task VotesAndAllianceStatus_MembersVoteOnce_OnlyTheOwnerSetsStatus()
    {
        var team = await ShareAsync();
        await team.OwnerInGroup.SayAsync("<at>Samskapelse</at> share alliances");
        var allianceId = (await team.Owner.Plans.FindAsync(team.PlanId, default))!.Alliances.Single().Id;

        await team.Anna.InvokeAsync(ReviewVerbs.Vote, Data(team, ("kind", "Alliances"), ("allianceId", allianceId), ("inFavour", "false")), team.CardId);
        await team.Anna.InvokeAsync(ReviewVerbs.Vote, Data(team, ("kind", "Alliances"), ("allianceId", allianceId), ("inFavour", "true")), team.CardId);
        var bo = await team.Bo.InvokeAsync(ReviewVerbs.Vote, Data(team, ("kind", "Alliances"), ("allianceId", allianceId), ("inFavour", "true")), team.CardId);
        Assert.Contains(T(Language.En, "Review_VoteCount", 2, 0), CardReader.AllText(ResponseCard(bo)));

        var refused = await team.Bo.InvokeAsync(ReviewVerbs.SetAllianceStatus, Data(team, ("kind", "Alliances"), ("allianceId", allianceId), ("status", "Agreed")), team.CardId);
        Assert.Contains(T(Language.En, "Review_OwnerOnly", "Kari Leder"), CardReader.AllText(ResponseCard(refused)));

        await team.OwnerInGroup.InvokeAsync(ReviewVerbs.SetAllianceStatus, Data(team, ("kind", "Alliances"), ("allianceId", allianceId), ("status", "Agreed")), team.CardId);
        Assert.Equal(AllianceStatus.Agreed, (await team.Owner.Plans.FindAsync(team.PlanId, default))!.Review.AllianceStatuses[allianceId]);
    }

    [Fact]
    public async Task AnInvokeFromAConversationThePlanWasNeverSharedTo_IsRefused()
    {
        var team = await ShareAsync();
        var outsider = new BotDriver(team.Owner.Storage, "19:other-chat@thread.v2", userId: "29:eve", userName: "Eve", conversationType: "groupChat");

        var replies = await outsider.InvokeAsync(ReviewVerbs.Sign, Data(team));

        var body = Assert.IsType<AdaptiveCardInvokeResponse>(replies.InvokeResponse!.Body);
        Assert.Equal("application/vnd.microsoft.activity.message", body.Type);
        Assert.Equal(T(Language.En, "Review_NotSharedHere"), body.Value);
        Assert.Empty((await team.Owner.Plans.FindAsync(team.PlanId, default))!.Review.Signatures);
    }

    [Fact]
    public async Task SharingSomeoneElsesPlan_IsImpossible_AndNothingIsRevealed()
    {
        var team = await ShareAsync();
        var replies = await team.Anna.SayAsync("<at>Samskapelse</at> share Youth house");

        Assert.Contains(T(Language.En, "Share_NoPlans", "plans"), replies.Texts);
        Assert.DoesNotContain("Youth house", replies.AllText);
    }

    [Fact]
    public async Task InAGroupChat_OtherMessagesPointToThePersonalChat()
    {
        var team = await ShareAsync();
        var replies = await team.Anna.SayAsync("<at>Samskapelse</at> start Our plan");
        Assert.Equal([T(Language.En, "Group_PlanInPersonalChat")], replies.Texts);
    }

    [Fact]
    public async Task SimultaneousActionsFromDifferentUsers_OnSqlite_AllSurvive()
    {
        using var database = new TempDatabase();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var storage = new SqliteStorage(database.Path, time);
        var team = await ShareAsync(storage, time);

        // Each member has their own bot instance (no shared turn lock), as on separate servers.
        var members = Enumerable.Range(1, 12)
            .Select(i => new BotDriver(storage, Group, userId: $"29:member-{i}", userName: $"Member {i}", time: time, conversationType: "groupChat"))
            .ToList();
        await Task.WhenAll(members.SelectMany((m, i) => new[]
        {
            Task.Run(() => m.InvokeAsync(ReviewVerbs.Sign, Data(team), team.CardId)),
            Task.Run(() => m.InvokeAsync(ReviewVerbs.Comment, Data(team, ("target", "Plan:"), ("comment", $"Comment {i}")), team.CardId)),
        }));

        var review = (await team.Owner.Plans.FindAsync(team.PlanId, default))!.Review;
        Assert.Equal(12, review.Signatures.Count);
        Assert.Equal(12, review.Comments.Count);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"29:member-{i}").Order(), review.Signatures.Select(s => s.By.UserId).Order());
    }

    [Fact]
    public async Task FromThePersonalChat_TheOwnerPicksATeamChatTheBotKnows_AndTheCardIsPostedThere()
    {
        var team = await ShareAsync();

        var picker = (await team.Owner.SayAsync("share")).Cards.Single();
        Assert.Contains(T(Language.En, "Share_PickerHeading"), CardReader.AllText(picker));
        Assert.Contains(Group, CardReader.Inputs(picker).SelectMany(i => i["choices"] ?? new JArray()).Select(c => (string?)c["value"]));

        var shared = await team.Owner.PressOnAsync(picker, T(Language.En, "Share_Action"), ("chat", Group), ("shareKind", "CodeOfConduct"));

        var posted = shared.Activities.Single(a => a.Conversation.Id == Group);
        Assert.Contains(T(Language.En, "Review_SignAction"), CardReader.ButtonTitles(CardReader.Card(((IMessageActivity)posted).Attachments[0].Content)));
        Assert.Contains(shared.Texts, t => t.StartsWith(T(Language.En, "Share_PostedElsewhere", "Youth house", string.Empty)[..10], StringComparison.Ordinal));
        var sharedTo = (await team.Owner.Plans.FindAsync(team.PlanId, default))!.Review.SharedTo;
        Assert.Contains(sharedTo, s => s.ConversationId == Group && s.Kind == SharedCardKind.CodeOfConduct && s.ActivityId == posted.Id);
    }

    [Fact]
    public async Task ShareInThePersonalChat_BeforeMeetingTheTeam_ExplainsHow()
    {
        var bot = new BotDriver(new MemoryStorage(), "lonely");
        await bot.SayAsync("start Alone");
        var replies = await bot.SayAsync("share");
        Assert.Equal([T(Language.En, "Share_Usage")], replies.Texts);
    }

    [Fact]
    public async Task TheOwnerNamesACoOwner_WhoMayThenApproveProposals()
    {
        var team = await ShareAsync();
        await team.Bo.InvokeAsync(ReviewVerbs.Propose, Data(team, ("proposalKind", "Alliance"), ("proposal", "Culture night")), team.CardId);
        var proposalId = (await team.Owner.Plans.FindAsync(team.PlanId, default))!.Review.Proposals.Single().Id;
        var before = await team.Anna.InvokeAsync(ReviewVerbs.Approve, Data(team, ("proposalId", proposalId)), team.CardId);
        Assert.Contains(T(Language.En, "Review_OwnerOnly", "Kari Leder"), CardReader.AllText(ResponseCard(before)));

        var named = await team.OwnerInGroup.SendAsync(CoOwnerMessage(team.OwnerInGroup, "29:anna", "Anna Medlem"));
        Assert.Contains(T(Language.En, "CoOwner_Added", "Anna Medlem", "Youth house", "Kari Leder"), named.Texts);

        await team.Anna.InvokeAsync(ReviewVerbs.Approve, Data(team, ("proposalId", proposalId)), team.CardId);
        var plan = (await team.Owner.Plans.FindAsync(team.PlanId, default))!;
        Assert.Contains(plan.Alliances, a => a.Name == "Culture night");
        Assert.Equal("29:anna", plan.Review.Proposals.Single().DecidedBy!.UserId);
    }

    [Fact]
    public async Task OnlyTheOwner_CanNameCoOwners()
    {
        var team = await ShareAsync();
        var replies = await team.Anna.SendAsync(CoOwnerMessage(team.Anna, "29:bo", "Bo Kollega"));
        Assert.Equal([T(Language.En, "CoOwner_NoSharedPlan")], replies.Texts);
        Assert.Empty((await team.Owner.Plans.FindAsync(team.PlanId, default))!.Review.CoOwnerIds);
    }

    private static Activity CoOwnerMessage(BotDriver driver, string userId, string name)
    {
        var activity = driver.Message($"<at>Samskapelse</at> co-owner <at>{name}</at>");
        activity.Entities =
        [
            new Mention(activity.Recipient, "<at>Samskapelse</at>", "mention"),
            new Mention(new ChannelAccount(userId, name), $"<at>{name}</at>", "mention"),
        ];
        return activity;
    }

    [Fact]
    public async Task AnEditInThePersonalChat_UpdatesTheCardPostedInTheTeamChat()
    {
        var team = await ShareAsync();
        var before = team.Owner.Updates.Count;

        await team.Owner.SayAsync("edit 1");
        await team.Owner.SayAsync("A meeting place the young run themselves");

        var update = team.Owner.Updates.Skip(before).Last();
        Assert.Equal(team.CardId, update.Id);
        Assert.Equal(Group, update.Conversation.Id);
        Assert.Contains("A meeting place the young run themselves", CardReader.AllText(CardReader.Card(update.Attachments[0].Content)));
    }

    [Fact]
    public async Task SharingWithNoPlans_SaysHowToStartOne()
    {
        var team = await ShareAsync();
        var newcomer = new BotDriver(team.Owner.Storage, Group, userId: "29:new", userName: "Ny", conversationType: "groupChat");
        var replies = await newcomer.SayAsync("<at>Samskapelse</at> share");
        Assert.Equal([T(Language.En, "Share_NoPlans", "plans")], replies.Texts);
    }

    [Fact]
    public async Task SharedCards_FollowTheLanguageTheUserChose()
    {
        var team = await ShareAsync();
        await new BotDriver(team.Owner.Storage, "personal-anna", userId: "29:anna", userName: "Anna Medlem").SayAsync("language nb");

        var card = ResponseCard(await team.Anna.InvokeAsync(ReviewVerbs.Sign, Data(team), team.CardId));

        Assert.Contains(T(Language.Nb, "Review_Signed"), CardReader.AllText(card));
    }

    [Fact]
    public async Task OnePerson_CannotFillAPlansProposalsOrComments_OthersStillCan()
    {
        var team = await ShareAsync();
        for (var i = 1; i <= ReviewQuotas.DefaultOpenProposalsPerPerson; i++)
        {
            await team.Anna.InvokeAsync(ReviewVerbs.Propose, Data(team, ("proposalKind", "Partner"), ("proposal", $"Club {i}")), team.CardId);
        }

        var tooMany = await team.Anna.InvokeAsync(ReviewVerbs.Propose, Data(team, ("proposalKind", "Partner"), ("proposal", "One more club")), team.CardId);
        Assert.Contains(T(Language.En, "Review_ProposalQuota", ReviewQuotas.DefaultOpenProposalsPerPerson), CardReader.AllText(ResponseCard(tooMany)));
        await team.Bo.InvokeAsync(ReviewVerbs.Propose, Data(team, ("proposalKind", "Partner"), ("proposal", "Bo's club")), team.CardId);

        for (var i = 1; i <= ReviewQuotas.DefaultCommentsPerPerson; i++)
        {
            await team.Anna.InvokeAsync(ReviewVerbs.Comment, Data(team, ("target", "Plan:"), ("comment", $"Comment {i}")), team.CardId);
        }

        var oneMore = await team.Anna.InvokeAsync(ReviewVerbs.Comment, Data(team, ("target", "Plan:"), ("comment", "And another thing")), team.CardId);
        Assert.Contains(T(Language.En, "Review_CommentQuota", ReviewQuotas.DefaultCommentsPerPerson), CardReader.AllText(ResponseCard(oneMore)));
        await team.Bo.InvokeAsync(ReviewVerbs.Comment, Data(team, ("target", "Plan:"), ("comment", "Bo agrees")), team.CardId);

        var review = (await team.Owner.Plans.FindAsync(team.PlanId, default))!.Review;
        Assert.Equal(ReviewQuotas.DefaultOpenProposalsPerPerson, review.Proposals.Count(p => p.By.UserId == "29:anna"));
        Assert.Contains(review.Proposals, p => p.By.UserId == "29:bo");
        Assert.Equal(ReviewQuotas.DefaultCommentsPerPerson, review.Comments.Count(c => c.By.UserId == "29:anna"));
        Assert.Contains(review.Comments, c => c.By.UserId == "29:bo");

        // Once the owner decides one of hers, she may propose again.
        var first = review.Proposals.First(p => p.By.UserId == "29:anna").Id;
        await team.OwnerInGroup.InvokeAsync(ReviewVerbs.Decline, Data(team, ("proposalId", first)), team.CardId);
        var again = await team.Anna.InvokeAsync(ReviewVerbs.Propose, Data(team, ("proposalKind", "Partner"), ("proposal", "One more club")), team.CardId);
        Assert.Contains(T(Language.En, "Review_Proposed"), CardReader.AllText(ResponseCard(again)));
    }

    [Fact]
    public async Task WhileAPlansPostedCardsAreUpdated_TheChatsNextTurnIsNotHeldUp()
    {
        var locks = new ConversationTurnLocks();
        var team = await ShareAsync(locks: locks);
        var slowChat = new SlowCardUpdates();
        var anna = new BotDriver(team.Owner.Storage, Group, userId: "29:anna", userName: "Anna Medlem", time: team.Owner.Time, conversationType: "groupChat", locks: locks, middleware: [slowChat]);

        // Anna signs; updating the posted card hangs until the test lets it go.
        var signing = anna.InvokeAsync(ReviewVerbs.Sign, Data(team), team.CardId);
        await slowChat.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Meanwhile Bo acts in the same chat: his turn is not held up by Anna's card updates.
        var bo = await team.Bo.InvokeAsync(ReviewVerbs.Sign, Data(team), team.CardId).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(T(Language.En, "Review_SignedCount", 2), CardReader.AllText(ResponseCard(bo)));

        slowChat.Release.SetResult();
        await signing.WaitAsync(TimeSpan.FromSeconds(30));

        // The update done last shows the newest plan: both signatures.
        var posted = anna.Updates.Last(u => u.Id == team.CardId);
        Assert.Contains("Bo Kollega", CardReader.AllText(CardReader.Card(posted.Attachments[0].Content)));
    }

    /// <summary>Holds every card update of the turns it sees until <see cref="Release"/> is set.</summary>
    private sealed class SlowCardUpdates : IMiddleware
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.OnUpdateActivity(async (context, activity, nextUpdate) =>
            {
                Reached.TrySetResult();
                await Release.Task.ConfigureAwait(false);
                return await nextUpdate().ConfigureAwait(false);
            });
            return next(cancellationToken);
        }
    }
}
