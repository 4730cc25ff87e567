using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Tests.Support;

/// <summary>Reads sent cards the way a person would: their texts, buttons and inputs.</summary>
public static class CardReader
{
    /// <summary>
    /// The card an attachment's content (or an invoke response's value) carries: a JRaw, its JSON text, as the bot
    /// hands it to Bot Builder, or a JObject (or other object) after a Newtonsoft round trip.
    /// </summary>
    public static JObject Card(object? content) => content switch
    {
        JObject card => card,
        JRaw raw => Parse((string)raw.Value!),
        null => throw new ArgumentNullException(nameof(content), "The attachment carries no card."),
        _ => JObject.FromObject(content),
    };

    /// <summary>Card JSON read as it is written: strings that look like dates stay strings.</summary>
    public static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    public static IEnumerable<JObject> Actions(JObject card) =>
        card.Descendants().OfType<JObject>().Where(o => o["type"]?.Type == JTokenType.String && ((string)o["type"]!).StartsWith("Action.", StringComparison.Ordinal));

    public static JObject? FindSubmit(JObject card, string title) =>
        Actions(card).FirstOrDefault(a => (string?)a["type"] == "Action.Submit" && (string?)a["title"] == title);

    public static IEnumerable<string> ButtonTitles(JObject card) => Actions(card).Select(a => (string?)a["title"] ?? string.Empty);

    public static IEnumerable<JObject> Inputs(JObject card) =>
        card.Descendants().OfType<JObject>().Where(o => o["type"]?.Type == JTokenType.String && ((string)o["type"]!).StartsWith("Input.", StringComparison.Ordinal));

    public static JObject? Input(JObject card, string id) => Inputs(card).FirstOrDefault(i => (string?)i["id"] == id);

    public static int? CardNumber(JObject card) =>
        Actions(card).Select(a => a["data"]?["card"]).OfType<JValue>().Select(v => (int?)int.Parse((string)v!, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();

    public static string AllText(JObject card) => string.Join("\n",
        card.Descendants().OfType<JProperty>()
            .Where(p => p.Name is "text" or "title" or "value" or "label" && p.Value.Type == JTokenType.String)
            .Select(p => (string)p.Value!));

    /// <summary>
    /// What Teams sends for a press on <paramref name="action"/>: its data, merged with every input's current
    /// value (prefilled values count as typed) and what the user <paramref name="typed"/>, unless the action
    /// says "associatedInputs": "none".
    /// </summary>
    public static JObject SubmitValue(JObject card, JObject action, IEnumerable<(string Id, string Value)> typed)
    {
        var value = (JObject)action["data"]!.DeepClone();
        if ((string?)action["associatedInputs"] == "none")
        {
            return value;
        }

        foreach (var input in Inputs(card))
        {
            if (input["id"] is JValue id && input["value"] is JValue prefilled)
            {
                value[(string)id!] = prefilled;
            }
        }

        foreach (var (id, inputValue) in typed)
        {
            value[id] = inputValue;
        }

        return value;
    }
}
