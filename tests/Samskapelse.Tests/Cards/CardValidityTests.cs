using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Samskapelse.Bot.Planning;
using Samskapelse.Cards.Model;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Cards;

public sealed class CardValidityTests
{
    // Teams' documented limit has ranged from 28 KB to about 100 KB; 40 KB keeps every client safe.
    private const int MaxMessageBytes = 40 * 1024;

    [Fact]
    public void EveryCardTheBotCanSend_PassesTheOfficialAdaptiveCardsParserAtVersion15()
    {
        var cards = CardCatalogue.All().ToList();
        var input = new JsonArray([.. cards.Select(c => new JsonObject { ["name"] = c.Name, ["card"] = JsonNode.Parse(CardJson.Serialize(c.Card)) })]);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, input.ToJsonString());
            // tests/node/render-cards.mjs draws this same catalogue to look at (tests/node/README.md).
            if (Environment.GetEnvironmentVariable("SAMSKAPELSE_CARD_CATALOGUE") is { Length: > 0 } keep)
            {
                File.Copy(file, keep, overwrite: true);
            }

            var (exitCode, output, error) = NodeTools.Run("card-validator.mjs", file);

            Assert.True(exitCode is 0 or 1, $"validator failed to run: {error}");
            var results = JsonNode.Parse(output)!.AsArray();
            Assert.Equal(cards.Count, results.Count);
            var failures = results.Where(r => r!["errors"]!.AsArray().Count > 0).Select(r => $"{r!["name"]}: {r["errors"]!.ToJsonString()}").ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Equal(0, exitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TheValidator_RejectsUnknownElementsPropertiesAndMissingLabels()
    {
        // Proves the check above can fail: the same validator on cards that break each rule.
        var bad = """
            [
              {"name":"unknown-element","card":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel"}]}},
              {"name":"unknown-property","card":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"Good"}]}},
              {"name":"no-label","card":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"a"}]}},
              {"name":"version-1.6","card":{"type":"AdaptiveCard","version":"1.6","body":[]}}
            ]
            """;
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, bad);
            var (exitCode, output, _) = NodeTools.Run("card-validator.mjs", file);
            Assert.Equal(1, exitCode);
            Assert.All(JsonNode.Parse(output)!.AsArray(), r => Assert.NotEmpty(r!["errors"]!.AsArray()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void EveryCardAsATeamsMessage_StaysUnder40KB_EvenForAPlanAtTheLimits()
    {
        var sizes = CardCatalogue.All()
            .Select(c => (c.Name, Bytes: Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(ReplyRenderer.CardActivity(c.Card)))))
            .ToList();

        var tooLarge = sizes.Where(s => s.Bytes > MaxMessageBytes).Select(s => $"{s.Name}: {s.Bytes} bytes").ToList();
        Assert.True(tooLarge.Count == 0, string.Join("\n", tooLarge));

        // The full plan really is large: the limit is tested, not avoided.
        Assert.True(sizes.Max(s => s.Bytes) > MaxMessageBytes / 2, $"largest card only {sizes.Max(s => s.Bytes)} bytes");
    }

    [Fact]
    public void EveryInputOnEveryCard_HasALabel_AndEveryCardHasFallbackText()
    {
        foreach (var (name, card) in CardCatalogue.All())
        {
            var json = JsonDocument.Parse(CardJson.Serialize(card));
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("fallbackText").GetString()), name);
        }
    }
}
