using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Planning;

/// <summary>What a message activity asks for: typed text, a card submit, or nothing the bot can read.</summary>
public abstract record MessageInput
{
    private MessageInput()
    {
    }

    public sealed record Typed(string Text) : MessageInput;

    public sealed record Submitted(Intent Intent) : MessageInput;

    /// <summary>A card submit whose data the bot cannot read (no verb, a bad card number, not an object).</summary>
    public sealed record MalformedSubmit : MessageInput;

    /// <summary>Only attachments, a sticker, or an empty message.</summary>
    public sealed record NothingToRead : MessageInput;
}

public static class IntentReader
{
    public static MessageInput Read(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not null)
        {
            return ReadSubmit(activity.Value);
        }

        var text = activity.Text?.Trim();
        return string.IsNullOrEmpty(text) ? new MessageInput.NothingToRead() : new MessageInput.Typed(text);
    }

    /// <summary>
    /// Reads card data: the reserved verb, card number and plan id, and every input as a string
    /// (Teams and the emulator send numbers as strings and multi-selects as "a,b").
    /// </summary>
    public static MessageInput ReadSubmit(object value)
    {
        var data = value as JObject;
        if (data is null && value is string json && json.TrimStart().StartsWith('{'))
        {
            try
            {
                data = JObject.Parse(json);
            }
            catch (Newtonsoft.Json.JsonReaderException)
            {
                return new MessageInput.MalformedSubmit();
            }
        }

        if (data?[CardData.Verb] is not JValue { Type: JTokenType.String } verbToken || string.IsNullOrWhiteSpace(verbToken.Value<string>()))
        {
            return new MessageInput.MalformedSubmit();
        }

        int? card = null;
        if (data[CardData.Card] is JValue cardToken)
        {
            if (!int.TryParse(cardToken.ToString(CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return new MessageInput.MalformedSubmit();
            }

            card = number;
        }

        var fields = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var property in data.Properties())
        {
            if (property.Value is JValue { Value: not null } scalar)
            {
                fields[property.Name] = Convert.ToString(scalar.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        var plan = data[CardData.Plan] is JValue { Type: JTokenType.String } planToken ? planToken.Value<string>() : null;
        return new MessageInput.Submitted(new Intent(verbToken.Value<string>()!, fields.ToImmutable(), card, plan));
    }
}
