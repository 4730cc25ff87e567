using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Documents;
using Samskapelse.Bot.Planning;
using Samskapelse.Cards.Model;
using Samskapelse.Cards.Planning;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning.Conversation;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Documents;

public sealed class SummaryLinksTests
{
    private static readonly PlanLinks Links = new("https://bot.example.test/documents/w", "https://bot.example.test/documents/m", "https://bot.example.test/documents/p");

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public void Overview_WithLinks_OffersWordAndMarkdownDownloads(string locale, Language language)
    {
        _ = locale;
        var card = Json(SummaryCards.Overview(language, SamplePlans.Typical(), Links));

        var openUrls = CardReader.Actions(card).Where(a => (string?)a["type"] == "Action.OpenUrl").Select(a => ((string?)a["title"], (string?)a["url"])).ToList();

        Assert.Equal([(T(language, "Action_DownloadWord"), Links.Word), (T(language, "Action_DownloadMarkdown"), Links.Markdown)], openUrls);
    }

    [Fact]
    public void Partners_WithAMapLink_ShowsTheMapWithAltText()
    {
        var plan = SamplePlans.Typical();
        var card = Json(SummaryCards.Partners(Language.Nb, plan, Links));

        var image = Assert.Single(card.Descendants().OfType<JObject>(), o => (string?)o["type"] == "Image");

        Assert.Equal(Links.Map, (string?)image["url"]);
        Assert.Equal(MobilisationMap.AltText(plan, Language.Nb), (string?)image["altText"]);
    }

    [Fact]
    public void SummaryCards_WithoutLinks_HaveNoDownloadsAndNoMap()
    {
        var cards = SummaryCards.All(Language.En, SamplePlans.Typical()).Select(Json).ToList();

        Assert.DoesNotContain(cards.SelectMany(c => c.Descendants().OfType<JObject>()), o => (string?)o["type"] is "Image" or "Action.OpenUrl");
    }

    [Fact]
    public async Task SummaryCommand_ForTheOwner_CarriesSignedLinksToTheirPlan()
    {
        var time = new FakeTimeProvider(SamplePlans.Now);
        var signer = new DocumentLinkSigner(new DocumentSigningKey(Encoding.UTF8.GetBytes("summary-links-tests-signing-key-0123456789")), time);
        var issuer = new PlanLinkIssuer(signer, new OwnerDocumentAccess(), Options.Create(new DocumentOptions()), Options.Create(new BotUrlOptions { PublicBaseUrl = "https://bot.example.test/" }), time);
        var bot = new BotDriver(new MemoryStorage(), nameof(SummaryCommand_ForTheOwner_CarriesSignedLinksToTheirPlan), "nb-NO", time: time, documents: issuer);

        await bot.SayAsync(Cmd(Language.Nb, "Cmd_Start") + " Ungdommens hus");
        await bot.SayAsync("Et sted ungdom driver sammen med oss");
        var summary = await bot.SayAsync(Cmd(Language.Nb, "Cmd_Summary"));

        var word = CardReader.Actions(summary.Cards[0]).Single(a => (string?)a["title"] == T(Language.Nb, "Action_DownloadWord"));
        var url = new Uri((string)word["url"]!);
        Assert.Equal("bot.example.test", url.Host);
        Assert.StartsWith(PlanLinkIssuer.RoutePrefix, url.AbsolutePath, StringComparison.Ordinal);
        var check = signer.Read(url.AbsolutePath[PlanLinkIssuer.RoutePrefix.Length..]);
        Assert.Equal(LinkStatus.Valid, check.Status);
        var plan = Assert.Single(await bot.Plans.FindManyAsync([check.Link!.PlanId], default));
        Assert.Equal("Ungdommens hus", plan.Title);
        Assert.Equal(("user-1", PlanExport.Word, Language.Nb), (check.Link.ReaderId, check.Link.Export, check.Link.Language));
        Assert.Contains(summary.Cards[1].Descendants().OfType<JObject>(), o => (string?)o["type"] == "Image");
    }

    [Fact]
    public void Render_SummaryForAnotherPlan_GetsNoLinks()
    {
        var plan = SamplePlans.Typical();

        var activities = ReplyRenderer.Render([new SummaryReply(plan)], Language.En, new Dictionary<string, PlanLinks> { ["some-other-plan"] = Links });

        var cards = activities.SelectMany(a => a.AsMessageActivity().Attachments).Select(a => CardReader.Card(a.Content)).ToList();
        Assert.DoesNotContain(cards.SelectMany(c => c.Descendants().OfType<JObject>()), o => (string?)o["type"] is "Image" or "Action.OpenUrl");
    }

    private static JObject Json(AdaptiveCard card) => JObject.Parse(CardJson.Serialize(card));
}
