using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Samskapelse.Planning;
using Samskapelse.Localization;
using Samskapelse.Review;
using Samskapelse.Tests.Http;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Review;

/// <summary>
/// Issue 14, item 1, played over HTTP against the real host: a refused card action answers with a short
/// message and nothing of the plan, the same whether the plan exists or not; the card's kind must have
/// been shared in the chat the action comes from; the owner's role holds only where the plan was shared.
/// </summary>
[Collection(BotHostTests.Name)]
public sealed class RefusedActionTests
{
    private const string Goal = "A meeting place run with the young";
    private const string Group = "19:partners-only@thread.v2";

    private sealed class Host : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Memory");
            builder.UseSetting("MicrosoftAppId", string.Empty);
        }
    }

    private sealed record World(Host Host, string PlanId)
    {
        public HttpConversation In(string conversationId, string userId, string name) => new(Host.CreateClient(), conversationId, userId, name, "groupChat");

        public async Task<Plan> PlanAsync() => (await Host.Services.GetRequiredService<IPlanStore>().FindAsync(PlanId, default))!;
    }

    /// <summary>Kari plans "Youth house" and shares only its partners card into <see cref="Group"/>.</summary>
    private static async Task<World> ShareOnlyPartnersAsync()
    {
        var host = new Host();
        var owner = new HttpConversation(host.CreateClient(), "a:owner", "29:owner", "Kari Leder");
        await owner.SayAsync("start Youth house");
        await owner.SayAsync(Goal);
        await owner.SayAsync("Sports club (association, outside)\nCulture department (colleagues)");
        await owner.SayAsync("next");
        await owner.SayAsync("skip");
        await owner.SayAsync("skip");
        await owner.SayAsync("skip");
        await owner.SayAsync("Safe evenings: open the hall on Fridays (Sports club)");
        await owner.SayAsync("next");

        var shared = await new HttpConversation(host.CreateClient(), Group, "29:owner", "Kari Leder", "groupChat").SayAsync("<at>Samskapelse</at> share partners");
        var planId = shared.Cards.SelectMany(CardReader.Actions).Select(a => (string?)a["data"]?[ReviewFields.Plan]).First(p => p is not null)!;
        return new World(host, planId);
    }

    private static JObject Data(string planId, string kind, params (string Key, string Value)[] fields)
    {
        var data = new JObject { [ReviewFields.Plan] = planId, [ReviewFields.Kind] = kind, [ReviewFields.Version] = "1" };
        foreach (var (key, value) in fields)
        {
            data[key] = value;
        }

        return data;
    }

    /// <summary>The invoke response's body as Teams receives it.</summary>
    private static JObject Answer(Replies replies)
    {
        var response = (JObject)JToken.FromObject(replies.Activities.Single(a => a.Type == "invokeResponse"));
        // InvokeResponse carries no JSON names of its own: in the expectReplies list it reads "Status" and "Body".
        var value = (JObject)response["value"]!;
        Assert.Equal(200, (int?)value.GetValue("status", StringComparison.OrdinalIgnoreCase));
        return (JObject)value.GetValue("body", StringComparison.OrdinalIgnoreCase)!;
    }

    private static void AssertRefusedWithNothingOfThePlan(Replies replies)
    {
        var answer = Answer(replies);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.Equal(Texts.Get(Language.En, "Review_NotSharedHere"), (string?)answer["value"]);
        var everything = string.Join("\n", replies.Activities.Select(a => JToken.FromObject(a).ToString()));
        Assert.DoesNotContain("Youth house", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Goal, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Sports club", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnrelatedChatNamingAPlanId_GetsNothingOfThePlan_TheSameAnswerAsForAPlanThatDoesNotExist()
    {
        var world = await ShareOnlyPartnersAsync();
        using var host = world.Host;
        var eve = world.In("19:unrelated@thread.v2", "29:eve", "Eve Utenfor");

        var refresh = await eve.InvokeAsync(ReviewVerbs.Refresh, Data(world.PlanId, "Plan"));
        var partners = await eve.InvokeAsync(ReviewVerbs.Refresh, Data(world.PlanId, "Partners"));
        var sign = await eve.InvokeAsync(ReviewVerbs.Sign, Data(world.PlanId, "Plan"));
        var noSuchPlan = await eve.InvokeAsync(ReviewVerbs.Refresh, Data("no-such-plan", "Plan"));

        AssertRefusedWithNothingOfThePlan(refresh);
        AssertRefusedWithNothingOfThePlan(partners);
        AssertRefusedWithNothingOfThePlan(sign);
        Assert.Equal(Answer(noSuchPlan).ToString(), Answer(refresh).ToString());
        Assert.Empty((await world.PlanAsync()).Review.Signatures);
    }

    [Fact]
    public async Task AMemberOfAChatWhereOnlyThePartnersCardWasShared_CannotAskForTheOverview()
    {
        var world = await ShareOnlyPartnersAsync();
        using var host = world.Host;
        var anna = world.In(Group, "29:anna", "Anna Medlem");

        // The card shared here answers.
        var partners = Answer(await anna.InvokeAsync(ReviewVerbs.Refresh, Data(world.PlanId, "Partners")));
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)partners["type"]);
        Assert.Contains("Sports club", CardReader.AllText(CardReader.Card(partners["value"])), StringComparison.Ordinal);

        // The overview, the alliances and the code of conduct were not shared here.
        AssertRefusedWithNothingOfThePlan(await anna.InvokeAsync(ReviewVerbs.Refresh, Data(world.PlanId, "Plan")));
        AssertRefusedWithNothingOfThePlan(await anna.InvokeAsync(ReviewVerbs.Refresh, Data(world.PlanId, "Alliances")));
        AssertRefusedWithNothingOfThePlan(await anna.InvokeAsync(ReviewVerbs.Sign, Data(world.PlanId, "CodeOfConduct")));

        // Nor can an action meant for another card be sent from this one: no signing a code nobody showed her.
        AssertRefusedWithNothingOfThePlan(await anna.InvokeAsync(ReviewVerbs.Sign, Data(world.PlanId, "Partners")));
        var allianceId = (await world.PlanAsync()).Alliances.Single().Id;
        AssertRefusedWithNothingOfThePlan(await anna.InvokeAsync(ReviewVerbs.Vote, Data(world.PlanId, "Partners", (ReviewFields.Alliance, allianceId), (ReviewFields.InFavour, "true"))));
        var review = (await world.PlanAsync()).Review;
        Assert.Empty(review.Signatures);
        Assert.Empty(review.Votes);
    }

    [Fact]
    public async Task TheOwnerActingFromAChatThePlanWasNotSharedTo_IsRefusedToo()
    {
        var world = await ShareOnlyPartnersAsync();
        using var host = world.Host;
        var member = world.In(Group, "29:anna", "Anna Medlem");
        await member.InvokeAsync(ReviewVerbs.Propose, Data(world.PlanId, "Partners", (ReviewFields.ProposalKind, "Partner"), (ReviewFields.ProposalText, "Red Cross")));
        var proposalId = (await world.PlanAsync()).Review.Proposals.Single().Id;
        var ownerElsewhere = world.In("19:another-team@thread.v2", "29:owner", "Kari Leder");

        var approve = await ownerElsewhere.InvokeAsync(ReviewVerbs.Approve, Data(world.PlanId, "Partners", (ReviewFields.Proposal, proposalId)));

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)Answer(approve)["type"]);
        Assert.Equal(Texts.Get(Language.En, "Review_NotSharedHere"), (string?)Answer(approve)["value"]);
        var plan = await world.PlanAsync();
        Assert.Equal(ProposalStatus.Open, plan.Review.Proposals.Single().Status);
        Assert.DoesNotContain(plan.Partners, p => p.Name == "Red Cross");
    }
}
