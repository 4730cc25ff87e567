using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Samskapelse.Cards.Model;

/// <summary>The one place cards become JSON.</summary>
public static class CardJson
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Cards stay far below this; a buffer grown past it is not kept for the next card.</summary>
    private const int KeptBufferBytes = 256 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        // Keeps æ, ø and å readable in the payload; the JSON is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // One buffer and writer per thread, reused: a card is written in one go, without callbacks.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    public static string Serialize(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var bytes = buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        var json = writer ??= new Utf8JsonWriter(bytes, Options);
        try
        {
            CardJsonWriter.Write(json, card);
            json.Flush();
            return Encoding.UTF8.GetString(bytes.WrittenSpan);
        }
        finally
        {
            json.Reset();
            bytes.ResetWrittenCount();
            if (bytes.Capacity > KeptBufferBytes)
            {
                buffer = null;
                writer = null;
            }
        }
    }
}
