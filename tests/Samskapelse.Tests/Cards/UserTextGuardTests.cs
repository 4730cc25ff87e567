using System.Text.Json.Nodes;
using Markdig;
using Samskapelse.Cards.Model;

namespace Samskapelse.Tests.Cards;

/// <summary>
/// Issue 14, item 2, for every card at once: user text reaches a card only as a TextRun (no Markdown) or
/// escaped. Every card of the catalogue is built from <see cref="HostileSamples"/>, where every user-written
/// field holds a link, emphasis, a heading and a mention; each place a Teams client renders Markdown is read
/// back by a CommonMark renderer with autolinks, as <see cref="MarkdownEscapeTests"/> does.
/// </summary>
public sealed class UserTextGuardTests
{
    private static readonly MarkdownPipeline Renderer = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly string[] MarkupTags = ["<a", "<strong", "<em", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<at", "<img", "<code", "<del", "<li"];

    [Fact]
    public void EveryCard_BuiltFromHostileUserText_RendersNoUserMarkdownAnywhere()
    {
        var samples = new HostileSamples();
        var cards = CardCatalogue.From(samples.Samples).ToList();
        var leaks = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, card) in cards)
        {
            var json = JsonNode.Parse(CardJson.Serialize(card))!;
            foreach (var (path, text) in AllStrings(json, "$"))
            {
                seen.UnionWith(HostileSamples.MarkersIn(text));
            }

            leaks.AddRange(Leaks(json).Select(leak => $"{name}: {leak}"));
        }

        Assert.True(leaks.Count == 0, $"{leaks.Count} places render user text as Markdown:\n" + string.Join("\n", leaks.Distinct().Take(60)));

        // Every hostile field reached some card: the check above looked at all of them.
        Assert.Empty(samples.Fields.Except(seen));
        Assert.True(cards.Count > 300, $"only {cards.Count} cards");
    }

    [Fact]
    public void TheGuard_FindsUserMarkdownInEachPlaceItRenders_AndAcceptsRunsAndEscapes()
    {
        // Proves the check can fail: the payload raw in each place a client renders Markdown.
        var raw = "zzRawzz " + HostileSamples.Payload;
        var bad = new AdaptiveCard
        {
            Body =
            [
                new TextBlock(raw),
                new FactSet([new Fact("Title", raw), new Fact(raw, "value")]),
                new ToggleInput("Label", raw),
                new ChoiceSetInput("Label", [new Choice(raw, "1")]) { IsMultiSelect = true },
                new ChoiceSetInput("Label", [new Choice(raw, "1")]) { Style = "expanded" },
                new Container([new TextBlock(raw)]),
            ],
            Actions = [new ShowCardAction("More", new AdaptiveCard { Body = [new TextBlock(raw)] })],
        };
        Assert.Equal(8, Leaks(JsonNode.Parse(CardJson.Serialize(bad))!).Count());

        var good = new AdaptiveCard
        {
            Body =
            [
                new RichTextBlock([new TextRun(raw)]),
                new TextBlock(Samskapelse.Cards.Model.Markdown.Escape(raw)),
                new FactSet([new Fact("Title", Samskapelse.Cards.Model.Markdown.Escape(raw))]),
                new ChoiceSetInput("Label", [new Choice(raw, "1")]) { Style = "compact" },
                new TextInput(raw) { Value = raw, Placeholder = raw },
            ],
            Actions = [new SubmitAction(raw, new Dictionary<string, string> { ["verb"] = raw })],
        };
        Assert.Empty(Leaks(JsonNode.Parse(CardJson.Serialize(good))!));
    }

    /// <summary>
    /// Each string a Teams client renders as Markdown that carries a hostile marker and renders as markup. Those are
    /// a TextBlock's text, a Fact's title and value (Teams' documentation), and the titles of a toggle and of the
    /// choices of an expanded or multi-select choice set (the official renderer draws them as TextBlocks with Markdown
    /// on). A TextRun, an input's label, value and placeholder, a compact choice, a button's title and the fallback
    /// text are plain text in every client.
    /// </summary>
    private static IEnumerable<string> Leaks(JsonNode card)
    {
        foreach (var (path, text) in MarkdownStrings(card, "$"))
        {
            if (!HostileSamples.MarkersIn(text).Any())
            {
                continue;
            }

            var html = Markdig.Markdown.ToHtml(text, Renderer);
            var tags = MarkupTags.Where(tag => html.Contains(tag, StringComparison.Ordinal)).ToList();
            if (tags.Count > 0)
            {
                yield return $"{path} ({string.Join(", ", HostileSamples.MarkersIn(text))}) renders {string.Join(" ", tags)}";
            }
        }
    }

    private static IEnumerable<(string Path, string Text)> MarkdownStrings(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in MarkdownStrings(array[i]!, $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonObject obj:
                var type = (string?)obj["type"];
                if (type == "TextBlock" && (string?)obj["text"] is { } text)
                {
                    yield return ($"{path}.text", text);
                }

                if (type == "Input.Toggle" && (string?)obj["title"] is { } title)
                {
                    yield return ($"{path}.title", title);
                }

                if (type == "FactSet" && obj["facts"] is JsonArray facts)
                {
                    for (var i = 0; i < facts.Count; i++)
                    {
                        yield return ($"{path}.facts[{i}].title", (string)facts[i]!["title"]!);
                        yield return ($"{path}.facts[{i}].value", (string)facts[i]!["value"]!);
                    }
                }

                if (type == "Input.ChoiceSet" && ((bool?)obj["isMultiSelect"] == true || (string?)obj["style"] == "expanded") && obj["choices"] is JsonArray choices)
                {
                    for (var i = 0; i < choices.Count; i++)
                    {
                        yield return ($"{path}.choices[{i}].title", (string)choices[i]!["title"]!);
                    }
                }

                foreach (var (key, value) in obj)
                {
                    if (value is JsonObject or JsonArray && key is not "facts" and not "choices")
                    {
                        foreach (var found in MarkdownStrings(value, $"{path}.{key}"))
                        {
                            yield return found;
                        }
                    }
                }

                break;
        }
    }

    private static IEnumerable<(string Path, string Text)> AllStrings(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in AllStrings(array[i]!, $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        foreach (var found in AllStrings(value, $"{path}.{key}"))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return (path, text);
                break;
        }
    }
}
