using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Bot.Connector.Authentication;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// The shape of an Authorization header, read without trusting it: the SDK parses tokens with
/// exceptions it does not map to 401, and would fetch keys for any algorithm it is handed. Only a
/// well-formed signed JWT with an algorithm the Bot Framework uses and a key id gets as far as the SDK,
/// which then checks the signature and the claims.
/// </summary>
internal sealed record BearerToken(string Algorithm, string KeyId, string? Issuer, DateTimeOffset? IssuedAt)
{
    /// <summary>Bot Framework tokens are about 1.5 KB; a generous cap keeps parsing cheap.</summary>
    public const int MaxLength = 8 * 1024;

    private const string Scheme = "Bearer ";
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 8 };
    private static readonly SearchValues<char> TokenCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public static bool TryRead(string header, [NotNullWhen(true)] out BearerToken? token, out AuthRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(header);
        token = null;
        if (!header.StartsWith(Scheme, StringComparison.Ordinal))
        {
            refusal = AuthRefusal.NotBearer;
            return false;
        }

        var raw = header.AsSpan(Scheme.Length);
        if (raw.Length > MaxLength)
        {
            refusal = AuthRefusal.TokenTooLong;
            return false;
        }

        Span<Range> parts = stackalloc Range[4];
        if (raw.ContainsAnyExcept(TokenCharacters) || raw.Split(parts, '.') != 3 || !IsSegment(raw[parts[0]]) || !IsSegment(raw[parts[1]]) || !IsSegment(raw[parts[2]]))
        {
            refusal = AuthRefusal.MalformedToken;
            return false;
        }

        try
        {
            using var head = JsonDocument.Parse(Base64Url.DecodeFromChars(raw[parts[0]]), JsonOptions);
            using var body = JsonDocument.Parse(Base64Url.DecodeFromChars(raw[parts[1]]), JsonOptions);
            if (head.RootElement.ValueKind != JsonValueKind.Object || body.RootElement.ValueKind != JsonValueKind.Object)
            {
                refusal = AuthRefusal.MalformedToken;
                return false;
            }

            var algorithm = StringProperty(head.RootElement, "alg");
            if (algorithm is null || !AuthenticationConstants.AllowedSigningAlgorithms.Contains(algorithm))
            {
                refusal = AuthRefusal.AlgorithmNotAllowed;
                return false;
            }

            // The channel always names its key; without one the SDK would try every published key.
            var keyId = StringProperty(head.RootElement, "kid");
            if (string.IsNullOrEmpty(keyId))
            {
                refusal = AuthRefusal.NoKeyId;
                return false;
            }

            DateTimeOffset? issuedAt = body.RootElement.TryGetProperty("iat", out var iat) && iat.ValueKind == JsonValueKind.Number && iat.TryGetInt64(out var seconds)
                && seconds is >= 0 and < 253402300800
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
            token = new BearerToken(algorithm, keyId, StringProperty(body.RootElement, "iss"), issuedAt);
            refusal = default;
            return true;
        }
        catch (JsonException)
        {
            refusal = AuthRefusal.MalformedToken;
            return false;
        }
    }

    private static bool IsSegment(ReadOnlySpan<char> segment) => !segment.IsEmpty && Base64Url.IsValid(segment);

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
