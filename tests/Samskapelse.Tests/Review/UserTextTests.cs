using DocumentFormat.OpenXml.Packaging;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Teams;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Review;
using Samskapelse.Tests.Planning;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Review;

/// <summary>
/// Issue 14, item 2: what people write is shown as written and never becomes a link or markup, on the shared
/// card, in the bot's messages, in the Markdown and Word exports; links are taken out of proposals before they are stored.
/// </summary>
public sealed class UserTextTests
{
    private const string Group = "19:markup@thread.v2";
    private const string Link = "[Sign here](https://evil.example/phish)";
    private const string Markup = "**bold** <at>x</at> # heading";

    private sealed record Team(BotDriver Owner, BotDriver OwnerInGroup, BotDriver Anna, string PlanId, string CardId);

    private static async Task<Team> ShareAsync(string title)
    {
        var storage = new MemoryStorage();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var locks = new ConversationTurnLocks();
        var owner = new BotDriver(storage, "personal-owner", userId: "29:owner", userName: "Kari Leder", time: time, locks: locks);
        await owner.SayAsync("start " + title);
        await owner.SayAsync("A meeting place run with the young");
        var ownerInGroup = new BotDriver(storage, Group, userId: "29:owner", userName: "Kari Leder", time: time, conversationType: "groupChat", locks: locks);
        var shared = await ownerInGroup.SayAsync("<at>Samskapelse</at> share");
        var planId = (await GuidedPlanningTests.PlanIdsAsync(owner, "29:owner")).Single();
        var cardId = shared.Activities.First(a => ((IMessageActivity)a).Attachments?.Count > 0).Id!;
        var anna = new BotDriver(storage, Group, userId: "29:anna", userName: "Anna Medlem", time: time, conversationType: "groupChat", locks: locks);
        return new Team(owner, ownerInGroup, anna, planId, cardId);
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

    /// <summary>The texts Teams reads as Markdown: TextBlock texts and facts.</summary>
    private static IEnumerable<string> MarkdownTexts(JObject card) =>
        card.Descendants().OfType<JObject>().SelectMany(o => (string?)o["type"] switch
        {
            "TextBlock" => [(string?)o["text"] ?? string.Empty],
            "FactSet" => o["facts"]!.SelectMany(f => new[] { (string?)f["title"] ?? string.Empty, (string?)f["value"] ?? string.Empty }),
            _ => [],
        });

    /// <summary>The texts Teams shows as written: the TextRuns of RichTextBlocks.</summary>
    private static IEnumerable<string> PlainRuns(JObject card) =>
        card.Descendants().OfType<JObject>().Where(o => (string?)o["type"] == "TextRun").Select(o => (string?)o["text"] ?? string.Empty);

    [Fact]
    public async Task AMembersProposal_WithALinkAndMarkup_ShowsAsWrittenWithoutTheLink_OnTheCard_InTheMessage_AndInTheExports()
    {
        var team = await ShareAsync("Youth house");

        var linked = await team.Anna.InvokeAsync(ReviewVerbs.Propose, Data(team, ("proposalKind", "Partner"), ("proposal", Link)), team.CardId);
        await team.Anna.InvokeAsync(ReviewVerbs.Propose, Data(team, ("proposalKind", "Principle"), ("proposal", Markup)), team.CardId);
        await team.Anna.InvokeAsync(ReviewVerbs.Propose, Data(team, ("proposalKind", "Partner"), ("proposal", "Call javascript:alert(1) or mailto:eve@evil.example")), team.CardId);

        // No link is stored: only its words stay.
        var plan = (await team.Owner.Plans.FindAsync(team.PlanId, default))!;
        Assert.Equal(["Sign here", Markup, "Call … or …"], plan.Review.Proposals.Select(p => p.Text));
        var posted = CardReader.Card(team.Anna.Updates.Last().Attachments[0].Content);
        var answered = CardReader.Card(((AdaptiveCardInvokeResponse)linked.InvokeResponse!.Body).Value);
        foreach (var card in new[] { posted, CardReader.Card(((AdaptiveCardInvokeResponse)(await team.Anna.InvokeAsync(ReviewVerbs.Refresh, Data(team), team.CardId)).InvokeResponse!.Body).Value) })
        {
            Assert.DoesNotContain("evil.example", card.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("javascript:", card.ToString(), StringComparison.Ordinal);

            // The markup is there as written, in a TextRun, and in no text Teams reads as Markdown.
            Assert.Contains(PlainRuns(card), t => t.Contains(Markup, StringComparison.Ordinal));
            Assert.DoesNotContain(MarkdownTexts(card), t => t.Contains("**bold**", StringComparison.Ordinal) || t.Contains("Sign here", StringComparison.Ordinal));
        }

        Assert.DoesNotContain("evil.example", answered.ToString(), StringComparison.Ordinal);

        // The owner approves the principle: the message that quotes it is plain text.
        var proposalId = plan.Review.Proposals[1].Id;
        var approved = await team.OwnerInGroup.InvokeAsync(ReviewVerbs.Approve, Data(team, ("proposalId", proposalId)), team.CardId);
        var echo = approved.Activities.OfType<IMessageActivity>().Single(a => a.Text == T(Language.En, "Review_ProposalApproved", "Anna Medlem", Markup));
        Assert.Equal(TextFormatTypes.Plain, echo.TextFormat);

        // The Markdown export escapes it; Word holds it as plain text and no hyperlink.
        plan = (await team.Owner.Plans.FindAsync(team.PlanId, default))!;
        var markdown = PlanMarkdown.Build(plan, Language.En, plan.UpdatedAt);
        Assert.Contains("\\*\\*bold\\*\\* &lt;at&gt;x&lt;/at&gt; \\# heading", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(Markup, markdown, StringComparison.Ordinal);
        using var word = WordprocessingDocument.Open(new MemoryStream(PlanDocument.Build(plan, Language.En, plan.UpdatedAt)), false);
        Assert.Contains(Markup, word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        Assert.Empty(word.MainDocumentPart.HyperlinkRelationships);
    }

    [Fact]
    public async Task ATitleWithALink_ShowsAsWritten_OnTheSharedCard_InTheMessages_AndInTheMarkdownExport()
    {
        const string Title = "[x](https://evil.example/t) **now**";
        var team = await ShareAsync(Title);

        var card = CardReader.Card(((AdaptiveCardInvokeResponse)(await team.Anna.InvokeAsync(ReviewVerbs.Refresh, Data(team), team.CardId)).InvokeResponse!.Body).Value);
        // The title is the card's heading (a TextBlock, for screen readers), escaped; nowhere else as Markdown.
        var heading = card.Descendants().OfType<JObject>().Single(o => (string?)o["style"] == "heading" && (string?)o["size"] == "Large");
        Assert.Equal(Samskapelse.Cards.Model.Markdown.Escape(Title), (string?)heading["text"]);
        Assert.Equal("\\[x\\]\\(https\\://evil.example/t\\) \\*\\*now\\*\\*", (string?)heading["text"]);
        Assert.DoesNotContain(MarkdownTexts(card), t => t.Contains("[x](", StringComparison.Ordinal));

        var renamed = await team.OwnerInGroup.SayAsync("<at>Samskapelse</at> share alliances");
        var message = renamed.Activities.OfType<IMessageActivity>().Single(a => a.Text == T(Language.En, "Share_Posted_Alliances", Title));
        Assert.Equal(TextFormatTypes.Plain, message.TextFormat);

        var plan = (await team.Owner.Plans.FindAsync(team.PlanId, default))!;
        var markdown = PlanMarkdown.Build(plan, Language.En, plan.UpdatedAt);
        Assert.Contains("# \\[x\\](https://evil.example/t) \\*\\*now\\*\\*", markdown, StringComparison.Ordinal);
    }
}
