using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samskapelse.Cards.Model;

/// <summary>The one place cards become JSON.</summary>
public static class CardJson
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Keeps æ, ø and å readable in the payload; the JSON is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);
}
