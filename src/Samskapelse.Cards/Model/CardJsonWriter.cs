using System.Text.Json;

namespace Samskapelse.Cards.Model;

/// <summary>
/// Writes the card model as JSON by hand: the model is small and fixed, and System.Text.Json's
/// reflection and polymorphism cost more than building the card. The output is exactly what the
/// serializer writes for the model's attributes (camelCase names, nulls left out, the "type"
/// discriminator first, then each record's own properties before its base record's), which a test
/// checks on every card of the catalogue.
/// </summary>
internal static class CardJsonWriter
{
    public static void Write(Utf8JsonWriter json, AdaptiveCard card)
    {
        json.WriteStartObject();
        json.WriteString(Names.Type, card.Type);
        json.WriteString(Names.Schema, card.Schema);
        json.WriteString(Names.Version, card.Version);
        WriteIfSet(json, Names.Speak, card.Speak);
        WriteIfSet(json, Names.FallbackText, card.FallbackText);
        WriteElements(json, Names.Body, card.Body);
        if (card.Actions is { } actions)
        {
            WriteActions(json, Names.Actions, actions);
        }

        if (card.Refresh is { } refresh)
        {
            json.WritePropertyName(Names.Refresh);
            json.WriteStartObject();
            json.WritePropertyName(Names.Action);
            Write(json, refresh.Action);
            if (refresh.UserIds is { } userIds)
            {
                json.WriteStartArray(Names.UserIds);
                foreach (var userId in userIds)
                {
                    json.WriteStringValue(userId);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        if (card.Teams is { } teams)
        {
            json.WritePropertyName(Names.Teams);
            json.WriteStartObject();
            json.WriteString(Names.Width, teams.Width);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter json, CardElement element)
    {
        json.WriteStartObject();
        switch (element)
        {
            case TextBlock text:
                json.WriteString(Names.Type, "TextBlock");
                json.WriteString(Names.Text, text.Text);
                json.WriteBoolean(Names.Wrap, text.Wrap);
                WriteIfSet(json, Names.Size, text.Size);
                WriteIfSet(json, Names.Weight, text.Weight);
                WriteIfSet(json, Names.Color, text.Color);
                WriteIfSet(json, Names.IsSubtle, text.IsSubtle);
                WriteIfSet(json, Names.Style, text.Style);
                WriteIfSet(json, Names.MaxLines, text.MaxLines);
                break;
            case RichTextBlock rich:
                json.WriteString(Names.Type, "RichTextBlock");
                json.WriteStartArray(Names.Inlines);
                foreach (var run in rich.Inlines)
                {
                    json.WriteStartObject();
                    json.WriteString(Names.Text, run.Text);
                    json.WriteString(Names.Type, run.Type);
                    WriteIfSet(json, Names.Weight, run.Weight);
                    WriteIfSet(json, Names.IsSubtle, run.IsSubtle);
                    WriteIfSet(json, Names.Color, run.Color);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                break;
            case Container container:
                json.WriteString(Names.Type, "Container");
                WriteElements(json, Names.Items, container.Items);
                WriteIfSet(json, Names.Style, container.Style);
                WriteIfSet(json, Names.Bleed, container.Bleed);
                break;
            case ColumnSet columns:
                json.WriteString(Names.Type, "ColumnSet");
                json.WriteStartArray(Names.Columns);
                foreach (var column in columns.Columns)
                {
                    json.WriteStartObject();
                    WriteElements(json, Names.Items, column.Items);
                    json.WriteString(Names.Type, column.Type);
                    WriteIfSet(json, Names.Width, column.Width);
                    WriteIfSet(json, Names.VerticalContentAlignment, column.VerticalContentAlignment);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                break;
            case FactSet facts:
                json.WriteString(Names.Type, "FactSet");
                json.WriteStartArray(Names.Facts);
                foreach (var fact in facts.Facts)
                {
                    WriteTitleValue(json, fact.Title, fact.Value);
                }

                json.WriteEndArray();
                break;
            case Image image:
                json.WriteString(Names.Type, "Image");
                json.WriteString(Names.Url, image.Url);
                json.WriteString(Names.AltText, image.AltText);
                WriteIfSet(json, Names.Size, image.Size);
                break;
            case ActionSet actions:
                json.WriteString(Names.Type, "ActionSet");
                WriteActions(json, Names.Actions, actions.Actions);
                break;
            case TextInput input:
                json.WriteString(Names.Type, "Input.Text");
                WriteIfSet(json, Names.Placeholder, input.Placeholder);
                WriteIfSet(json, Names.Value, input.Value);
                WriteIfSet(json, Names.IsMultiline, input.IsMultiline);
                WriteIfSet(json, Names.MaxLength, input.MaxLength);
                WriteInput(json, input);
                break;
            case ChoiceSetInput input:
                json.WriteString(Names.Type, "Input.ChoiceSet");
                json.WriteStartArray(Names.Choices);
                foreach (var choice in input.Choices)
                {
                    WriteTitleValue(json, choice.Title, choice.Value);
                }

                json.WriteEndArray();
                WriteIfSet(json, Names.Value, input.Value);
                WriteIfSet(json, Names.Style, input.Style);
                WriteIfSet(json, Names.IsMultiSelect, input.IsMultiSelect);
                WriteIfSet(json, Names.Placeholder, input.Placeholder);
                WriteInput(json, input);
                break;
            case ToggleInput input:
                json.WriteString(Names.Type, "Input.Toggle");
                json.WriteString(Names.Title, input.Title);
                WriteIfSet(json, Names.Value, input.Value);
                json.WriteString(Names.ValueOn, input.ValueOn);
                json.WriteString(Names.ValueOff, input.ValueOff);
                WriteInput(json, input);
                break;
            case DateInput input:
                json.WriteString(Names.Type, "Input.Date");
                WriteIfSet(json, Names.Value, input.Value);
                WriteIfSet(json, Names.Min, input.Min);
                WriteIfSet(json, Names.Max, input.Max);
                WriteInput(json, input);
                break;
            default:
                throw new NotSupportedException($"No JSON written for the card element {element.GetType().Name}.");
        }

        WriteIfSet(json, Names.Id, element.Id);
        WriteIfSet(json, Names.Spacing, element.Spacing);
        WriteIfSet(json, Names.Separator, element.Separator);
        WriteIfSet(json, Names.IsVisible, element.IsVisible);
        json.WriteEndObject();
    }

    private static void WriteInput(Utf8JsonWriter json, InputElement input)
    {
        json.WriteString(Names.Label, input.Label);
        WriteIfSet(json, Names.IsRequired, input.IsRequired);
        WriteIfSet(json, Names.ErrorMessage, input.ErrorMessage);
    }

    private static void Write(Utf8JsonWriter json, CardAction action)
    {
        json.WriteStartObject();
        switch (action)
        {
            case SubmitAction submit:
                json.WriteString(Names.Type, "Action.Submit");
                WriteData(json, submit.Data);
                WriteIfSet(json, Names.AssociatedInputs, submit.AssociatedInputs);
                break;
            case ExecuteAction execute:
                json.WriteString(Names.Type, "Action.Execute");
                json.WriteString(Names.Verb, execute.Verb);
                WriteData(json, execute.Data);
                WriteIfSet(json, Names.AssociatedInputs, execute.AssociatedInputs);
                break;
            case ShowCardAction show:
                json.WriteString(Names.Type, "Action.ShowCard");
                json.WritePropertyName(Names.Card);
                Write(json, show.Card);
                break;
            case OpenUrlAction open:
                json.WriteString(Names.Type, "Action.OpenUrl");
                json.WriteString(Names.Url, open.Url);
                break;
            default:
                throw new NotSupportedException($"No JSON written for the card action {action.GetType().Name}.");
        }

        json.WriteString(Names.Title, action.Title);
        WriteIfSet(json, Names.Id, action.Id);
        WriteIfSet(json, Names.Style, action.Style);
        WriteIfSet(json, Names.Tooltip, action.Tooltip);
        json.WriteEndObject();
    }

    private static void WriteElements(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<CardElement> elements)
    {
        json.WriteStartArray(name);
        foreach (var element in elements)
        {
            Write(json, element);
        }

        json.WriteEndArray();
    }

    private static void WriteActions(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<CardAction> actions)
    {
        json.WriteStartArray(name);
        foreach (var action in actions)
        {
            Write(json, action);
        }

        json.WriteEndArray();
    }

    /// <summary>Data keys are written as given, like the serializer does for dictionary keys.</summary>
    private static void WriteData(Utf8JsonWriter json, IReadOnlyDictionary<string, string> data)
    {
        json.WritePropertyName(Names.Data);
        json.WriteStartObject();
        foreach (var (key, value) in data)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static void WriteTitleValue(Utf8JsonWriter json, string title, string value)
    {
        json.WriteStartObject();
        json.WriteString(Names.Title, title);
        json.WriteString(Names.Value, value);
        json.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter json, JsonEncodedText name, bool? value)
    {
        if (value is { } set)
        {
            json.WriteBoolean(name, set);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter json, JsonEncodedText name, int? value)
    {
        if (value is { } set)
        {
            json.WriteNumber(name, set);
        }
    }

    /// <summary>The property names, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Schema = JsonEncodedText.Encode("$schema");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText Speak = JsonEncodedText.Encode("speak");
        public static readonly JsonEncodedText FallbackText = JsonEncodedText.Encode("fallbackText");
        public static readonly JsonEncodedText Body = JsonEncodedText.Encode("body");
        public static readonly JsonEncodedText Actions = JsonEncodedText.Encode("actions");
        public static readonly JsonEncodedText Refresh = JsonEncodedText.Encode("refresh");
        public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
        public static readonly JsonEncodedText UserIds = JsonEncodedText.Encode("userIds");
        public static readonly JsonEncodedText Teams = JsonEncodedText.Encode("msteams");
        public static readonly JsonEncodedText Width = JsonEncodedText.Encode("width");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Spacing = JsonEncodedText.Encode("spacing");
        public static readonly JsonEncodedText Separator = JsonEncodedText.Encode("separator");
        public static readonly JsonEncodedText IsVisible = JsonEncodedText.Encode("isVisible");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Wrap = JsonEncodedText.Encode("wrap");
        public static readonly JsonEncodedText Size = JsonEncodedText.Encode("size");
        public static readonly JsonEncodedText Weight = JsonEncodedText.Encode("weight");
        public static readonly JsonEncodedText Color = JsonEncodedText.Encode("color");
        public static readonly JsonEncodedText IsSubtle = JsonEncodedText.Encode("isSubtle");
        public static readonly JsonEncodedText Style = JsonEncodedText.Encode("style");
        public static readonly JsonEncodedText MaxLines = JsonEncodedText.Encode("maxLines");
        public static readonly JsonEncodedText Inlines = JsonEncodedText.Encode("inlines");
        public static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
        public static readonly JsonEncodedText Bleed = JsonEncodedText.Encode("bleed");
        public static readonly JsonEncodedText Columns = JsonEncodedText.Encode("columns");
        public static readonly JsonEncodedText VerticalContentAlignment = JsonEncodedText.Encode("verticalContentAlignment");
        public static readonly JsonEncodedText Facts = JsonEncodedText.Encode("facts");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText AltText = JsonEncodedText.Encode("altText");
        public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText IsRequired = JsonEncodedText.Encode("isRequired");
        public static readonly JsonEncodedText ErrorMessage = JsonEncodedText.Encode("errorMessage");
        public static readonly JsonEncodedText Placeholder = JsonEncodedText.Encode("placeholder");
        public static readonly JsonEncodedText IsMultiline = JsonEncodedText.Encode("isMultiline");
        public static readonly JsonEncodedText MaxLength = JsonEncodedText.Encode("maxLength");
        public static readonly JsonEncodedText Choices = JsonEncodedText.Encode("choices");
        public static readonly JsonEncodedText IsMultiSelect = JsonEncodedText.Encode("isMultiSelect");
        public static readonly JsonEncodedText ValueOn = JsonEncodedText.Encode("valueOn");
        public static readonly JsonEncodedText ValueOff = JsonEncodedText.Encode("valueOff");
        public static readonly JsonEncodedText Min = JsonEncodedText.Encode("min");
        public static readonly JsonEncodedText Max = JsonEncodedText.Encode("max");
        public static readonly JsonEncodedText AssociatedInputs = JsonEncodedText.Encode("associatedInputs");
        public static readonly JsonEncodedText Verb = JsonEncodedText.Encode("verb");
        public static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
        public static readonly JsonEncodedText Card = JsonEncodedText.Encode("card");
        public static readonly JsonEncodedText Tooltip = JsonEncodedText.Encode("tooltip");
    }
}
