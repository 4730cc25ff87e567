using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Samskapelse.Bot.Storage;

/// <summary>
/// Storage keys as blob names, reversibly. Teams ids carry ':', ';', '@' and '/', and a blob name
/// must not end in '.' or '/' nor have more than 254 '/' segments, so every byte outside
/// [A-Za-z0-9_-] becomes "~XX" (its UTF-8 hex). The encoding works character by character, so the
/// name of a key prefix is a prefix of the key's name and listing by prefix stays a blob prefix
/// query. A name that would pass the 1024-character limit keeps its first part for listing and ends
/// in "~~" and a hash; such blobs carry the encoded key in their metadata.
/// </summary>
internal static class BlobKeyNames
{
    public const int KeptLength = 900;
    private const int MaxLength = 1024;
    private const string HashMarker = "~~";

    public static string Encode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var builder = new StringBuilder(key.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_' or (byte)'-')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('~').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The blob name for a key, and whether it was shortened (then the encoded key goes in metadata).</summary>
    public static (string Name, bool Hashed) BlobName(string key)
    {
        var encoded = Encode(key);
        if (encoded.Length <= MaxLength)
        {
            return (encoded, false);
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return (encoded[..KeptLength] + HashMarker + hash, true);
    }

    public static bool IsHashed(string name) => name.Contains(HashMarker, StringComparison.Ordinal);

    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '~')
            {
                bytes.Add(byte.Parse(encoded.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.Add((byte)encoded[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
