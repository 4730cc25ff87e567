using System.Buffers;
using System.IO.Pipelines;
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

        // Straight into the response's pipe (pooled memory, no copy), sent when flushed.
        await using (var text = new StreamWriter(new PipeWriterStream(response.BodyWriter), Utf8, bufferSize: 1024))
        using (var json = new JsonTextWriter(text) { ArrayPool = PooledChars.Instance })
        {
            Serializer.Serialize(json, invokeResponse.Body);
        }

        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static JsonSerializer Compact(JsonSerializer serializer)
    {
        serializer.Formatting = Formatting.None;
        return serializer;
    }

    /// <summary>Newtonsoft's text buffers from the shared pool.</summary>
    private sealed class PooledChars : IArrayPool<char>
    {
        public static readonly PooledChars Instance = new();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array is not null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }

    /// <summary>
    /// Synchronous writes into a <see cref="PipeWriter"/> without flushing: the writer only buffers, so nothing
    /// blocks (Kestrel refuses synchronous writes to the body stream itself); the caller flushes once at the end.
    /// </summary>
    private sealed class PipeWriterStream(PipeWriter pipe) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => pipe.Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
