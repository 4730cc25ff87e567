using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// Writes what a turn answers in the HTTP response (an expectReplies turn's replies, a card action's answer) as
/// Bot Builder's <see cref="HttpHelper.WriteResponseAsync"/> does, with its serializer settings, but without
/// indenting: its indented JSON was half whitespace for the bot's cards and a share of the CPU of every turn.
/// </summary>
internal static class TurnResponseWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static readonly JsonSerializer Serializer = Compact(JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings));

    public static async Task WriteAsync(HttpResponse response, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (invokeResponse is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is null)
        {
            return;
        }

        response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        await using (var text = new StreamWriter(buffer, Utf8, 16 * 1024, leaveOpen: true))
        using (var json = new JsonTextWriter(text))
        {
            Serializer.Serialize(json, invokeResponse.Body);
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
    }

    private static JsonSerializer Compact(JsonSerializer serializer)
    {
        serializer.Formatting = Formatting.None;
        return serializer;
    }
}
