using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Documents;
using Samskapelse.Review;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Review;

/// <summary>Download links for the members of the conversations a plan was shared to.</summary>
public sealed class SharedDocumentAccessTests
{
    [Fact]
    public async Task AMemberWhoActedOnTheSharedCard_GetsTheirOwnDownloadLinks_AnOutsiderDoesNot()
    {
        var plan = SamplePlans.Typical() with { Review = new PlanReview() };
        var access = new OwnerDocumentAccess();
        Assert.True(await access.MayReadAsync(plan, plan.OwnerId, default));
        Assert.False(await access.MayReadAsync(plan, "29:anna", default));

        var shared = plan with
        {
            Review = plan.Review with
            {
                SharedTo = [new SharedConversation("19:chat", "1", SharedCardKind.Plan, "en", new Actor(plan.OwnerId, null, "Owner"), default)],
                ActiveUserIds = ["29:anna"],
                CoOwnerIds = ["29:bo"],
            },
        };
        Assert.True(await access.MayReadAsync(shared, "29:anna", default));
        Assert.True(await access.MayReadAsync(shared, "29:bo", default));
        Assert.False(await access.MayReadAsync(shared, "29:eve", default));

        // The member's card carries links issued to them, which the same access rule lets through.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var signer = new DocumentLinkSigner(new DocumentSigningKey(Encoding.UTF8.GetBytes("shared-document-tests-signing-key-0123456789")), time);
        var issuer = new PlanLinkIssuer(signer, access, Options.Create(new DocumentOptions()), Options.Create(new BotUrlOptions { PublicBaseUrl = "https://bot.example.test/" }), time);
        Assert.NotNull((await issuer.ForAsync(shared, "29:anna", Samskapelse.Localization.Language.En, default))?.Word);
        Assert.Null(await issuer.ForAsync(shared, "29:eve", Samskapelse.Localization.Language.En, default));
        var card = JObject.Parse(Samskapelse.Cards.Model.CardJson.Serialize(Samskapelse.Cards.Review.ReviewCards.Shared(Samskapelse.Localization.Language.En, shared, SharedCardKind.Plan, ReviewRole.Member, "29:anna", links: await issuer.ForAsync(shared, "29:anna", Samskapelse.Localization.Language.En, default))));
        Assert.Contains(CardReader.Actions(card), a => (string?)a["type"] == "Action.OpenUrl" && ((string?)a["url"])!.StartsWith("https://bot.example.test/documents/", StringComparison.Ordinal));
    }
}
