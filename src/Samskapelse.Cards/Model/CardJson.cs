namespace Samskapelse.Cards.Model;

/// <summary>The one place cards become JSON.</summary>
public static class CardJson
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    // One writer per thread, reused: a card is written in one go, without callbacks.
    [ThreadStatic]
    private static JsonText? writer;

    public static string Serialize(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var json = writer ??= new JsonText();
        try
        {
            CardJsonWriter.Write(json, card);
            return json.ToString();
        }
        finally
        {
            json.Clear();
        }
    }
}
