using Samskapelse.Assistant;

namespace Samskapelse.Tests.Assistant;

public sealed class TextSafetyTests
{
    [Theory]
    [InlineData("Invite the **sports club** to _design_ it", "Invite the sports club to design it")]
    [InlineData("See [the plan](https://example.org/p) first", "See the plan first")]
    [InlineData("Read https://example.org/a?b=c or www.example.org now", "Read … or … now")]
    [InlineData("Write to ola@example.org", "Write to …")]
    [InlineData("<script>alert(1)</script>Hello", "alert(1) Hello")]
    [InlineData("# Heading\n- item one\n\n> quote", "Heading\nitem one\nquote")]
    [InlineData("Tab\there\u0007 bell", "Tab here bell")]
    [InlineData("Idrettslaget: invite them to co-design the house", "Idrettslaget: invite them to co-design the house")]
    [InlineData("Frivilligsentralen – ærlig, åpen og ødegård", "Frivilligsentralen – ærlig, åpen og ødegård")]
    public void Plain_NeutralisesMarkupAndAddresses_KeepsOrdinaryText(string input, string expected) =>
        Assert.Equal(expected, TextSafety.Plain(input, 300));

    [Fact]
    public void Plain_CutsToTheLimitWithAnEllipsis()
    {
        var text = TextSafety.Plain(new string('a', 100), 10);
        Assert.Equal(10, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }
}

public sealed class SuggestionCardSizeTests
{
    [Theory]
    [InlineData(SuggestionKind.Partners)]
    [InlineData(SuggestionKind.Mobilisation)]
    [InlineData(SuggestionKind.Alliances)]
    [InlineData(SuggestionKind.CodeOfConduct)]
    public void FullestSuggestionCard_StaysWellWithinTeamsMessageSize(SuggestionKind kind)
    {
        var partners = Enumerable.Range(1, Samskapelse.Planning.PlanLimits.Partners)
            .Select(i => new Samskapelse.Planning.Partner("p" + i, new string('Æ', Samskapelse.Planning.PlanLimits.NameLength), Samskapelse.Planning.PartnerSide.Outside, Samskapelse.Planning.PartnerKind.Association))
            .ToList();
        var plan = new Samskapelse.Planning.Plan { Id = "x", OwnerId = "u", Title = new string('Ø', Samskapelse.Planning.PlanLimits.TitleLength), Partners = [.. partners] };
        var batch = new SuggestionBatch
        {
            Id = "b1",
            Kind = kind,
            Source = AssistantSource.AzureOpenAI,
            Fault = AssistantFault.Malformed,
            Suggestions = [.. Enumerable.Range(1, AssistantService.MaxFor(kind)).Select(i => new Suggestion
            {
                Id = "b1s" + i,
                Kind = kind,
                Text = new string('å', Samskapelse.Planning.PlanLimits.ItemLength),
                Detail = new string('ø', Samskapelse.Planning.PlanLimits.ItemLength),
                TargetId = "p" + i,
                PartnerKind = Samskapelse.Planning.PartnerKind.Association,
                Side = Samskapelse.Planning.PartnerSide.Outside,
                PartnerIds = [.. partners.Take(12).Select(p => p.Id)],
            })],
        };

        var json = Samskapelse.Cards.Model.CardJson.Serialize(Samskapelse.Cards.Assistant.AssistantCards.Suggestions(Samskapelse.Localization.Language.Da, plan, batch));

        // Teams' documented limit is 100 KB, but connectors and reports cite 28 KB (TEAMS-FACTS.md): stay far below that.
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(json), 1, 20_000);
    }
}
