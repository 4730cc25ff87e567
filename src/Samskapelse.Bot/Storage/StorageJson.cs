using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Bot.Storage;

/// <summary>
/// How stored items become JSON. Bot Builder's state works on Newtonsoft, so the stores do too.
/// No type names are written: items come back as JObject and are converted to their record
/// type by whoever reads them, which keeps the stored JSON free of .NET type names.
/// </summary>
internal static class StorageJson
{
    public static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
        Converters = { new StringEnumConverter() },
        MaxDepth = 64,
    });

    public static JObject ToJObject(object value) => JObject.FromObject(value, Serializer);

    /// <summary>For plain values (<see cref="PlainTypes"/>): the same JSON as <see cref="Serializer"/> writes, several times faster.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions PlainOptions = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        MaxDepth = 64,
    };

    /// <summary>The value's JSON text, written straight from the object (no JObject in between).</summary>
    public static string ToJson(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (PlainTypes.Accepts(value))
        {
            return System.Text.Json.JsonSerializer.Serialize(value, value.GetType(), PlainOptions);
        }


        var text = new StringBuilder(256);
        using (var writer = new JsonTextWriter(new StringWriter(text, CultureInfo.InvariantCulture)) { Formatting = Formatting.None })
        {
            Serializer.Serialize(writer, value);
        }

        return text.ToString();
    }

    public static T? As<T>(object? value)
        where T : class =>
        value switch
        {
            null => null,
            T typed => typed,
            JToken token => token.ToObject<T>(Serializer),
            _ => null,
        };
}
