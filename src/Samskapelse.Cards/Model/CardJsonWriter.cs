namespace Samskapelse.Cards.Model;

/// <summary>
/// Writes the card model as JSON by hand: the model is small and fixed, and System.Text.Json's
/// reflection, polymorphism and UTF-8 round trip cost more than building the card. The output is exactly what the
/// serializer writes for the model's attributes (camelCase names, nulls left out, the "type"
/// discriminator first, then each record's own properties before its base record's), which a test
/// checks on every card of the catalogue.
/// </summary>
internal static class CardJsonWriter
{
    public static void Write(JsonText json, AdaptiveCard card)
    {
        json.StartObject();
        json.String("type", card.Type);
        json.String("$schema", card.Schema);
        json.String("version", card.Version);
        json.StringIfSet("speak", card.Speak);
        json.StringIfSet("fallbackText", card.FallbackText);
        WriteElements(json, "body", card.Body);
        if (card.Actions is { } actions)
        {
            WriteActions(json, "actions", actions);
        }

        if (card.Refresh is { } refresh)
        {
            json.StartObject("refresh");
            json.Name("action");
            Write(json, refresh.Action);
            if (refresh.UserIds is { } userIds)
            {
                json.StartArray("userIds");
                foreach (var userId in userIds)
                {
                    json.String(userId);
                }

                json.EndArray();
            }

            json.EndObject();
        }

        if (card.Teams is { } teams)
        {
            json.StartObject("msteams");
            json.String("width", teams.Width);
            json.EndObject();
        }

        json.EndObject();
    }

    private static void Write(JsonText json, CardElement element)
    {
        json.StartObject();
        switch (element)
        {
            case TextBlock text:
                json.String("type", "TextBlock");
                json.String("text", text.Text);
                json.Boolean("wrap", text.Wrap);
                json.StringIfSet("size", text.Size);
                json.StringIfSet("weight", text.Weight);
                json.StringIfSet("color", text.Color);
                json.BooleanIfSet("isSubtle", text.IsSubtle);
                json.StringIfSet("style", text.Style);
                json.NumberIfSet("maxLines", text.MaxLines);
                break;
            case RichTextBlock rich:
                json.String("type", "RichTextBlock");
                json.StartArray("inlines");
                foreach (var run in rich.Inlines)
                {
                    json.StartObject();
                    json.String("text", run.Text);
                    json.String("type", run.Type);
                    json.StringIfSet("weight", run.Weight);
                    json.BooleanIfSet("isSubtle", run.IsSubtle);
                    json.StringIfSet("color", run.Color);
                    json.StringIfSet("size", run.Size);
                    json.EndObject();
                }

                json.EndArray();
                break;
            case Container container:
                json.String("type", "Container");
                WriteElements(json, "items", container.Items);
                json.StringIfSet("style", container.Style);
                json.BooleanIfSet("bleed", container.Bleed);
                break;
            case ColumnSet columns:
                json.String("type", "ColumnSet");
                json.StartArray("columns");
                foreach (var column in columns.Columns)
                {
                    json.StartObject();
                    WriteElements(json, "items", column.Items);
                    json.String("type", column.Type);
                    json.StringIfSet("width", column.Width);
                    json.StringIfSet("verticalContentAlignment", column.VerticalContentAlignment);
                    json.EndObject();
                }

                json.EndArray();
                break;
            case FactSet facts:
                json.String("type", "FactSet");
                json.StartArray("facts");
                foreach (var fact in facts.Facts)
                {
                    WriteTitleValue(json, fact.Title, fact.Value);
                }

                json.EndArray();
                break;
            case Image image:
                json.String("type", "Image");
                json.String("url", image.Url);
                json.String("altText", image.AltText);
                json.StringIfSet("size", image.Size);
                break;
            case ActionSet actions:
                json.String("type", "ActionSet");
                WriteActions(json, "actions", actions.Actions);
                break;
            case TextInput input:
                json.String("type", "Input.Text");
                json.StringIfSet("placeholder", input.Placeholder);
                json.StringIfSet("value", input.Value);
                json.BooleanIfSet("isMultiline", input.IsMultiline);
                json.NumberIfSet("maxLength", input.MaxLength);
                WriteInput(json, input);
                break;
            case ChoiceSetInput input:
                json.String("type", "Input.ChoiceSet");
                json.StartArray("choices");
                foreach (var choice in input.Choices)
                {
                    WriteTitleValue(json, choice.Title, choice.Value);
                }

                json.EndArray();
                json.StringIfSet("value", input.Value);
                json.StringIfSet("style", input.Style);
                json.BooleanIfSet("isMultiSelect", input.IsMultiSelect);
                json.StringIfSet("placeholder", input.Placeholder);
                WriteInput(json, input);
                break;
            case ToggleInput input:
                json.String("type", "Input.Toggle");
                json.String("title", input.Title);
                json.StringIfSet("value", input.Value);
                json.String("valueOn", input.ValueOn);
                json.String("valueOff", input.ValueOff);
                WriteInput(json, input);
                break;
            case DateInput input:
                json.String("type", "Input.Date");
                json.StringIfSet("value", input.Value);
                json.StringIfSet("min", input.Min);
                json.StringIfSet("max", input.Max);
                WriteInput(json, input);
                break;
            default:
                throw new NotSupportedException($"No JSON written for the card element {element.GetType().Name}.");
        }

        json.StringIfSet("id", element.Id);
        json.StringIfSet("spacing", element.Spacing);
        json.BooleanIfSet("separator", element.Separator);
        json.BooleanIfSet("isVisible", element.IsVisible);
        json.EndObject();
    }

    private static void WriteInput(JsonText json, InputElement input)
    {
        json.String("label", input.Label);
        json.BooleanIfSet("isRequired", input.IsRequired);
        json.StringIfSet("errorMessage", input.ErrorMessage);
    }

    private static void Write(JsonText json, CardAction action)
    {
        json.StartObject();
        switch (action)
        {
            case SubmitAction submit:
                json.String("type", "Action.Submit");
                WriteData(json, submit.Data);
                json.StringIfSet("associatedInputs", submit.AssociatedInputs);
                break;
            case ExecuteAction execute:
                json.String("type", "Action.Execute");
                json.String("verb", execute.Verb);
                WriteData(json, execute.Data);
                json.StringIfSet("associatedInputs", execute.AssociatedInputs);
                break;
            case ShowCardAction show:
                json.String("type", "Action.ShowCard");
                json.Name("card");
                Write(json, show.Card);
                break;
            case OpenUrlAction open:
                json.String("type", "Action.OpenUrl");
                json.String("url", open.Url);
                break;
            default:
                throw new NotSupportedException($"No JSON written for the card action {action.GetType().Name}.");
        }

        json.String("title", action.Title);
        json.StringIfSet("id", action.Id);
        json.StringIfSet("style", action.Style);
        json.StringIfSet("tooltip", action.Tooltip);
        json.StringIfSet("mode", action.Mode);
        json.EndObject();
    }

    private static void WriteElements(JsonText json, string name, IReadOnlyList<CardElement> elements)
    {
        json.StartArray(name);
        foreach (var element in elements)
        {
            Write(json, element);
        }

        json.EndArray();
    }

    private static void WriteActions(JsonText json, string name, IReadOnlyList<CardAction> actions)
    {
        json.StartArray(name);
        foreach (var action in actions)
        {
            Write(json, action);
        }

        json.EndArray();
    }

    /// <summary>Data keys are written as given, like the serializer does for dictionary keys.</summary>
    private static void WriteData(JsonText json, IReadOnlyDictionary<string, string> data)
    {
        json.StartObject("data");
        foreach (var (key, value) in data)
        {
            json.EscapedNameString(key, value);
        }

        json.EndObject();
    }

    private static void WriteTitleValue(JsonText json, string title, string value)
    {
        json.StartObject();
        json.String("title", title);
        json.String("value", value);
        json.EndObject();
    }
}
