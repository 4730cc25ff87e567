using System.Buffers;
using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Net.Http.Headers;

namespace Samskapelse.Bot.Teams;

/// <summary>What is wrong with a request body, for the log and the status code.</summary>
internal enum ActivityProblem
{
    None,
    NotJsonContentType,
    TooLarge,
    Empty,
    NotJson,
    NotAnObject,
    TooDeep,
    NotAnActivity,
    MissingType,
    UnknownType,
    MissingChannelId,
    MissingServiceUrl,
    MissingConversation,
    MissingFrom,
}

/// <summary>
/// Reads the activity of POST /api/messages within limits the SDK does not set: a capped body (also
/// when it comes chunked, without a length), a capped nesting depth checked by a non-recursive reader
/// before the SDK's serializer sees it, a known activity type and the fields a turn needs.
/// </summary>
internal static class InboundActivityReader
{
    /// <summary>Teams activities, cards and card data included, nest far less deep; the SDK sets no limit at all.</summary>
    public const int MaxDepth = 64;

    private static readonly FrozenSet<string> KnownTypes = typeof(ActivityTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static bool IsJsonContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (media.Charset.Length == 0 || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    public static async Task<(Activity? Activity, ActivityProblem Problem)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = await ReadCappedAsync(body, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return (null, ActivityProblem.TooLarge);
        }

        var shape = CheckShape(bytes);
        if (shape != ActivityProblem.None)
        {
            return (null, shape);
        }

        Activity? activity;
        try
        {
            using var reader = new Newtonsoft.Json.JsonTextReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8)) { MaxDepth = MaxDepth + 2 };
            activity = HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return (null, ActivityProblem.NotAnActivity);
        }

        return activity is null ? (null, ActivityProblem.NotAnActivity) : (activity, MissingField(activity));
    }

    private static ActivityProblem MissingField(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Type))
        {
            return ActivityProblem.MissingType;
        }

        if (!KnownTypes.Contains(activity.Type))
        {
            return ActivityProblem.UnknownType;
        }

        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return ActivityProblem.MissingChannelId;
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return ActivityProblem.MissingServiceUrl;
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return ActivityProblem.MissingConversation;
        }

        return string.IsNullOrEmpty(activity.From?.Id) ? ActivityProblem.MissingFrom : ActivityProblem.None;
    }

    // Null when the body is longer than the limit, whether or not it declared its length.
    private static async Task<byte[]?> ReadCappedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MessagesEndpoint.MaxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static ActivityProblem CheckShape(ReadOnlySpan<byte> bytes)
    {
        bytes = bytes.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;
        if (bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            return ActivityProblem.Empty;
        }

        // The reader checks the JSON's structure, not the UTF-8 inside its strings.
        if (!Utf8.IsValid(bytes))
        {
            return ActivityProblem.NotJson;
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return ActivityProblem.NotAnObject;
            }

            while (reader.Read())
            {
                if (reader.CurrentDepth >= MaxDepth && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    return ActivityProblem.TooDeep;
                }
            }

            return ActivityProblem.None;
        }
        catch (JsonException)
        {
            return ActivityProblem.NotJson;
        }
    }
}
