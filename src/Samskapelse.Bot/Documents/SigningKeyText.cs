namespace Samskapelse.Bot.Documents;

/// <summary>
/// Reads a configured signing key: base64 of at least <see cref="MinBytes"/> random bytes. Refused with
/// a reason: the placeholder from appsettings.sample.json, text that is not base64, too few bytes, a
/// password encoded as base64 (every byte printable text), and bytes that are not random: when the
/// bytes, or the steps from each byte to the next, take fewer than half as many different values as
/// the key is long (capped at 128), the key is repeated text, a counter or a pattern. 32 bytes from a
/// random generator take about 30 different values; failing that by chance is less likely than 1 in 10^15.
/// </summary>
public static class SigningKeyText
{
    public const int MinBytes = 32;

    /// <summary>How to make a good key, for the messages.</summary>
    public const string Advice = "Make one with `openssl rand -base64 32` and keep it in a secret store (Key Vault).";

    /// <summary>Null when the text is a usable key (then <paramref name="key"/> holds its bytes); else what is wrong with it.</summary>
    public static string? Problem(string? text, out byte[] key)
    {
        key = [];
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return "is empty";
        }

        if (value.StartsWith('<') || value.EndsWith('>'))
        {
            return "is the placeholder from appsettings.sample.json, not a key";
        }

        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, buffer, out var length))
        {
            return $"is not base64: it must be at least {MinBytes} random bytes written in base64";
        }

        if (length < MinBytes)
        {
            return $"holds {length} bytes; at least {MinBytes} random bytes are needed";
        }

        var bytes = buffer.AsSpan(0, length);
        if (!bytes.ContainsAnyExcept(PrintableText))
        {
            return "is text written in base64 (a password), not random bytes";
        }

        var needed = Math.Min(length - 1, 256) / 2;
        if (DistinctValues(bytes, step: false) < needed || DistinctValues(bytes, step: true) < needed)
        {
            return "is not random: its bytes repeat or follow a pattern";
        }

        key = bytes.ToArray();
        return null;
    }

    private static readonly System.Buffers.SearchValues<byte> PrintableText =
        System.Buffers.SearchValues.Create([(byte)'\t', (byte)'\n', (byte)'\r', .. Enumerable.Range(0x20, 0x7F - 0x20).Select(b => (byte)b)]);

    /// <summary>How many different byte values the key holds, or (with <paramref name="step"/>) how many different steps from one byte to the next.</summary>
    private static int DistinctValues(ReadOnlySpan<byte> bytes, bool step)
    {
        Span<bool> seen = stackalloc bool[256];
        var count = 0;
        for (var i = step ? 1 : 0; i < bytes.Length; i++)
        {
            var value = step ? (byte)(bytes[i] - bytes[i - 1]) : bytes[i];
            if (!seen[value])
            {
                seen[value] = true;
                count++;
            }
        }

        return count;
    }
}
