using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Documents;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Review;
using Samskapelse.Tests.Documents;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Review;

/// <summary>
/// Issue 14, item 3: the whole plan (Word, Markdown) goes only to its owner and co-owners; a member of a chat
/// the plan is shared to gets what the card shared there shows (the partners card's map), only while it is shared.
/// </summary>
[Collection(Samskapelse.Tests.Http.BotHostTests.Name)]
public sealed class SharedDocumentAccessTests(DocumentHostFactory factory) : IClassFixture<DocumentHostFactory>
{
    private const string PartnersChat = "19:partners@thread.v2";
    private const string OverviewChat = "19:overview@thread.v2";

    private readonly HttpClient client = factory.CreateClient();

    private PlanLinkIssuer Issuer => factory.Services.GetRequiredService<PlanLinkIssuer>();

    private IPlanStore Plans => factory.Services.GetRequiredService<IPlanStore>();

    /// <summary>A plan shared as the partners card in one chat and as the overview in another; Anna signed, voted and commented.</summary>
    private async Task<Plan> SeedAsync(string id)
    {
        var plan = Samskapelse.Tests.Documents.SamplePlans.Typical() with { Id = "plan-shared-" + id };
        var owner = new Actor(plan.OwnerId, null, plan.OwnerName);
        var anna = new Actor("29:anna", null, "Anna Medlem");
        var at = factory.Time.GetUtcNow();
        plan = plan with
        {
            Review = new PlanReview
            {
                SharedTo = [new SharedConversation(PartnersChat, "1", SharedCardKind.Partners, "en", owner, at), new SharedConversation(OverviewChat, "2", SharedCardKind.Plan, "en", owner, at)],
                Signatures = [new Signature(anna, at)],
                Comments = [new Comment("m1", ReviewTarget.Plan, null, "Good", anna, at)],
                Votes = plan.Alliances.IsEmpty ? [] : [new Vote(plan.Alliances[0].Id, anna, true, at)],
                ActiveUserIds = ["29:anna"],
                CoOwnerIds = ["29:bo"],
            },
        };
        await Plans.CreateAsync(plan, default);
        return plan;
    }

    private async Task<HttpStatusCode> GetAsync(string? url)
    {
        using var response = await client.GetAsync(new Uri(url!).PathAndQuery);
        return response.StatusCode;
    }

    [Fact]
    public async Task SomeoneWhoSignedVotedAndCommented_GetsNoLinkToTheWholePlan_AndAnOldLinkNoLongerWorks()
    {
        var plan = await SeedAsync("acted");
        var access = new OwnerDocumentAccess();
        Assert.True(await access.MayReadAsync(plan, plan.OwnerId, default));
        Assert.True(await access.MayReadAsync(plan, "29:bo", default));
        Assert.False(await access.MayReadAsync(plan, "29:anna", default));
        Assert.Null(await Issuer.ForAsync(plan, "29:anna", Language.En, default));

        // A Word link made for her before (by the old rule) is refused at the door.
        var signer = factory.Services.GetRequiredService<DocumentLinkSigner>();
        var old = "https://bot.example.test" + PlanLinkIssuer.RoutePrefix + signer.Sign(new DocumentLink(plan.Id, PlanExport.Word, Language.En, "29:anna", factory.Time.GetUtcNow().AddMinutes(30)));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(old));

        // On the overview card in the chat she gets no download buttons either.
        var links = await Issuer.ForSharedCardAsync(plan, "29:anna", OverviewChat, SharedCardKind.Plan, Language.En, default);
        Assert.Null(links);
        var card = JObject.Parse(Samskapelse.Cards.Model.CardJson.Serialize(Samskapelse.Cards.Review.ReviewCards.Shared(Language.En, plan, SharedCardKind.Plan, ReviewRole.Member, "29:anna", links: links)));
        Assert.DoesNotContain(CardReader.Actions(card), a => (string?)a["type"] == "Action.OpenUrl" && ((string?)a["url"])!.Contains("/documents/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOwnerAndCoOwners_GetTheWholePlan_OnEverySharedCard()
    {
        var plan = await SeedAsync("owners");

        foreach (var reader in new[] { plan.OwnerId, "29:bo" })
        {
            var links = await Issuer.ForSharedCardAsync(plan, reader, OverviewChat, SharedCardKind.Plan, Language.En, default);
            Assert.Equal(HttpStatusCode.OK, await GetAsync(links?.Word));
            Assert.Equal(HttpStatusCode.OK, await GetAsync(links?.Markdown));
        }
    }

    [Fact]
    public async Task AMemberOfThePartnersChat_GetsOnlyTheMap_AndOnlyWhileThePartnersCardIsSharedThere()
    {
        var plan = await SeedAsync("map");

        var links = await Issuer.ForSharedCardAsync(plan, "29:anna", PartnersChat, SharedCardKind.Partners, Language.En, default);
        Assert.NotNull(links?.Map);
        Assert.Null(links.Word);
        Assert.Null(links.Markdown);
        Assert.Equal(HttpStatusCode.OK, await GetAsync(links.Map));
        var card = JObject.Parse(Samskapelse.Cards.Model.CardJson.Serialize(Samskapelse.Cards.Review.ReviewCards.Shared(Language.En, plan, SharedCardKind.Partners, ReviewRole.Member, "29:anna", links: links)));
        Assert.Contains(links.Map, card.ToString(), StringComparison.Ordinal);

        // The link names its chat and its form: it cannot be turned into the Word file or used for another plan.
        var signer = factory.Services.GetRequiredService<DocumentLinkSigner>();
        var check = signer.Read(new Uri(links.Map).AbsolutePath[PlanLinkIssuer.RoutePrefix.Length..]);
        Assert.Equal(PlanExport.Map, check.Link!.Export);
        var asWord = signer.Sign(check.Link with { Export = PlanExport.Word });
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync("https://bot.example.test" + PlanLinkIssuer.RoutePrefix + asWord));

        // Unshared: the same link stops working.
        await Plans.UpdateAsync(plan.Id, p => p with { Review = p.Review with { SharedTo = p.Review.SharedTo.RemoveAll(s => s.ConversationId == PartnersChat) } }, default);
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(links.Map));

        // In the chat where only the overview was shared, a member gets nothing to take away.
        Assert.Null(await Issuer.ForSharedCardAsync(plan, "29:anna", OverviewChat, SharedCardKind.Plan, Language.En, default));
    }

    [Fact]
    public async Task AMembersMapLink_StopsWorkingWhenThePlanIsDeleted()
    {
        var plan = await SeedAsync("deleted");
        var links = await Issuer.ForSharedCardAsync(plan, "29:anna", PartnersChat, SharedCardKind.Partners, Language.En, default);
        Assert.Equal(HttpStatusCode.OK, await GetAsync(links?.Map));

        await Plans.DeleteAsync(plan.Id, default);

        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(links?.Map));
    }
}
