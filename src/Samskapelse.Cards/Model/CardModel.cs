using System.Text.Json.Serialization;

namespace Samskapelse.Cards.Model;

/// <summary>
/// The project's own small Adaptive Card model: just the elements and actions Teams renders for
/// bot cards at schema 1.5. <see cref="CardJson"/> writes it by hand, exactly as System.Text.Json
/// would from these attributes (a test compares the two); every card is checked by the official
/// parser in the tests. A new element, action or property needs its line in CardJsonWriter.
/// </summary>
public sealed record AdaptiveCard
{
    [JsonPropertyName("type")]
    public string Type { get; } = "AdaptiveCard";

    [JsonPropertyName("$schema")]
    public string Schema { get; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    public string Version { get; init; } = "1.5";

    public string? Speak { get; init; }

    /// <summary>Shown by clients that cannot render the card, and read out by some screen readers.</summary>
    public string? FallbackText { get; init; }

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    public Refresh? Refresh { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? Teams { get; init; }
}

public sealed record TeamsCardProperties(string Width);

public sealed record Refresh(CardAction Action, IReadOnlyList<string>? UserIds);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
public abstract record CardElement
{
    public string? Id { get; init; }

    public string? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }
}

public sealed record TextBlock(string Text) : CardElement
{
    public bool Wrap { get; init; } = true;

    public string? Size { get; init; }

    public string? Weight { get; init; }

    public string? Color { get; init; }

    public bool? IsSubtle { get; init; }

    /// <summary>"heading" lets screen readers announce the block as a heading.</summary>
    public string? Style { get; init; }

    public int? MaxLines { get; init; }
}

public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;

/// <summary>A run of text in a <see cref="RichTextBlock"/>: unlike a TextBlock's text it renders no Markdown, so it carries what people wrote.</summary>
public sealed record TextRun(string Text)
{
    [JsonPropertyName("type")]
    public string Type { get; } = "TextRun";

    public string? Weight { get; init; }

    public bool? IsSubtle { get; init; }

    public string? Color { get; init; }

    public string? Size { get; init; }
}

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public string? Style { get; init; }

    public bool? Bleed { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyName("type")]
    public string Type { get; } = "Column";

    public string? Width { get; init; }

    public string? VerticalContentAlignment { get; init; }
}

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Fact(string Title, string Value);

public sealed record Image(string Url, string AltText) : CardElement
{
    public string? Size { get; init; }
}

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

/// <summary>Every input carries a <see cref="Label"/>, which screen readers announce.</summary>
public abstract record InputElement(string Label) : CardElement
{
    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record TextInput(string Label) : InputElement(Label)
{
    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }
}

public sealed record ChoiceSetInput(string Label, IReadOnlyList<Choice> Choices) : InputElement(Label)
{
    public string? Value { get; init; }

    public string? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    public string? Placeholder { get; init; }
}

public sealed record Choice(string Title, string Value);

public sealed record ToggleInput(string Label, string Title) : InputElement(Label)
{
    public string? Value { get; init; }

    public string ValueOn { get; init; } = "true";

    public string ValueOff { get; init; } = "false";
}

/// <summary>An Input.Date; Teams sends the value as yyyy-MM-dd.</summary>
public sealed record DateInput(string Label) : InputElement(Label)
{
    public string? Value { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }

    public string? Style { get; init; }

    public string? Tooltip { get; init; }

    /// <summary>
    /// "secondary" puts the button in the card's overflow menu ("…"), which Teams shows on every client; a phone
    /// keeps room for three buttons in a row. Null is the default, a primary button.
    /// </summary>
    public string? Mode { get; init; }
}

/// <summary>An Action.Submit; <see cref="Data"/> carries the reserved verb, card number and plan id.</summary>
public sealed record SubmitAction(string Title, IReadOnlyDictionary<string, string> Data) : CardAction(Title)
{
    /// <summary>"none" for buttons that must not validate the inputs (Back, Pause).</summary>
    public string? AssociatedInputs { get; init; }
}

public sealed record ExecuteAction(string Title, string Verb, IReadOnlyDictionary<string, string> Data) : CardAction(Title)
{
    public string? AssociatedInputs { get; init; }
}

public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);

public sealed record OpenUrlAction(string Title, string Url) : CardAction(Title);
