using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Samskapelse.Cards.Model;

namespace Samskapelse.Tests.Cards;

/// <summary>
/// CardJson writes the model by hand for speed; System.Text.Json's serializer, reading the model's
/// attributes, is the reference it must match byte for byte.
/// </summary>
public sealed class CardJsonTests
{
    private static readonly JsonSerializerOptions Reference = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public void EveryCardTheBotCanSend_IsWrittenExactlyAsTheSerializerWritesIt()
    {
        var different = CardCatalogue.All()
            .Where(c => CardJson.Serialize(c.Card) != JsonSerializer.Serialize(c.Card, Reference))
            .Select(c => c.Name)
            .ToList();

        Assert.Empty(different);
    }

    [Fact]
    public void EveryElementActionAndProperty_IsWrittenExactlyAsTheSerializerWritesIt()
    {
        var card = EverythingSet();

        Assert.Equal(JsonSerializer.Serialize(card, Reference), CardJson.Serialize(card));
    }

    [Fact]
    public void TheSampleAbove_SetsEveryPropertyAndKindOfTheModel()
    {
        // A property added to the model without being added to the sample would escape the comparison.
        var json = JsonSerializer.Serialize(EverythingSet(), Reference);
        var records = typeof(AdaptiveCard).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(AdaptiveCard).Namespace && t.GetMethod("<Clone>$") is not null)
            .ToList();
        var names = records.SelectMany(t => t.GetProperties()).Select(p => $"\"{p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name)}\":");
        var kinds = records.SelectMany(t => t.GetCustomAttributes<JsonDerivedTypeAttribute>()).Select(d => $"\"type\":\"{d.TypeDiscriminator}\"");

        var missing = names.Concat(kinds).Distinct().Where(n => !json.Contains(n, StringComparison.Ordinal)).ToList();

        Assert.True(records.Count > 20, "the model's records were not found");
        Assert.Empty(missing);
    }

    [Fact]
    public void TextThatNeedsEscaping_IsEscapedAsTheSerializerEscapesIt()
    {
        // Quotes, backslashes, control characters, HTML-sensitive characters, æøå, an emoji and a lone surrogate.
        var card = new AdaptiveCard { Body = [new TextBlock("\"sitat\" \\ \n\t\u0001 <b>&amp;</b> ' + æøå ÆØÅ 🙂 \ud800 \u2028 \uffff slutt")], FallbackText = "</script>" };

        var json = CardJson.Serialize(card);

        Assert.Equal(JsonSerializer.Serialize(card, Reference), json);
        Assert.Contains("æøå ÆØÅ", json, StringComparison.Ordinal);
    }

    [Fact]
    public void CardsWrittenOneAfterAnother_DoNotShareOutput()
    {
        var large = new AdaptiveCard { Body = [new TextBlock(new string('x', 300_000))] };
        var small = new AdaptiveCard { Body = [new TextBlock("liten")] };

        var first = CardJson.Serialize(large);
        var second = CardJson.Serialize(small);

        Assert.Equal(JsonSerializer.Serialize(large, Reference), first);
        Assert.Equal(JsonSerializer.Serialize(small, Reference), second);
    }

    /// <summary>Every kind of element and action, with every optional property set.</summary>
    private static AdaptiveCard EverythingSet()
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["verb"] = "v", ["Plan Id"] = "p1" };
        var inner = new AdaptiveCard
        {
            Version = "1.4",
            Speak = "speak",
            FallbackText = "fallback",
            Body = [new TextBlock("inner")],
            Actions = [new OpenUrlAction("open", "https://example.test") { Id = "o", Style = "positive", Tooltip = "tip" }],
        };
        return new AdaptiveCard
        {
            Speak = "speak",
            FallbackText = "fallback",
            Body =
            [
                new TextBlock("text") { Id = "t", Spacing = "Small", Separator = true, IsVisible = false, Wrap = false, Size = "Large", Weight = "Bolder", Color = "Accent", IsSubtle = true, Style = "heading", MaxLines = 3 },
                new RichTextBlock([new TextRun("run") { Weight = "Bolder", IsSubtle = false, Color = "Good" }]) { Id = "r" },
                new Container([new TextBlock("in container")]) { Style = "emphasis", Bleed = true, Spacing = "None" },
                new ColumnSet([new Column([new Image("https://example.test/i.png", "alt") { Size = "Small" }]) { Width = "auto", VerticalContentAlignment = "Center" }]) { Separator = false },
                new FactSet([new Fact("title", "value")]),
                new ActionSet([new ShowCardAction("show", inner) { Id = "s" }]),
                new TextInput("label") { Id = "ti", IsRequired = true, ErrorMessage = "error", Placeholder = "ph", Value = "v", IsMultiline = true, MaxLength = 300 },
                new ChoiceSetInput("label", [new Choice("a", "1"), new Choice("b", "2")]) { Id = "cs", IsRequired = false, ErrorMessage = "error", Value = "1", Style = "compact", IsMultiSelect = true, Placeholder = "ph" },
                new ToggleInput("label", "title") { Id = "tg", IsRequired = true, ErrorMessage = "error", Value = "true", ValueOn = "yes", ValueOff = "no" },
                new DateInput("label") { Id = "d", IsRequired = true, ErrorMessage = "error", Value = "2026-11-02", Min = "2026-01-01", Max = "2027-01-01" },
            ],
            Actions =
            [
                new SubmitAction("submit", data) { Id = "sub", Style = "destructive", Tooltip = "tip", Mode = "secondary", AssociatedInputs = "none" },
                new ExecuteAction("execute", "verb", data) { Id = "ex", Style = "positive", Tooltip = "tip", AssociatedInputs = "auto" },
            ],
            Refresh = new Refresh(new ExecuteAction("refresh", "refresh", data), ["29:a", "29:b"]),
            Teams = new TeamsCardProperties("Full"),
        };
    }
}
