using Newtonsoft.Json.Linq;

namespace Samskapelse.Tests.Support;

/// <summary>Reads sent cards the way a person would: their texts, buttons and inputs.</summary>
public static class CardReader
{
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
}
