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

    /// <summary>The value's JSON text, written straight from the object (no JObject in between).</summary>
    public static string ToJson(object value)
    {
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
