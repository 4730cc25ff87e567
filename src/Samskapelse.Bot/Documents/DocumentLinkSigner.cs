using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Samskapelse.Documents;
using Samskapelse.Localization;

namespace Samskapelse.Bot.Documents;

/// <summary>What a download link grants: one plan, in one form and language, to one reader, until a time.</summary>
public sealed record DocumentLink(string PlanId, PlanExport Export, Language Language, string ReaderId, DateTimeOffset ExpiresAt);

public enum LinkStatus
{
    Valid,
    Expired,
    Forged,
}

/// <summary>The outcome of reading a token; <see cref="Link"/> is set for valid and expired links (their signature held).</summary>
public sealed record LinkCheck(LinkStatus Status, DocumentLink? Link);

/// <summary>The secret that signs links; see <see cref="DocumentOptions.SigningKey"/>.</summary>
public sealed class DocumentSigningKey(byte[] key)
{
    internal byte[] Key { get; } = key;
}

/// <summary>
/// Signs and reads download tokens: base64url(payload) "." base64url(HMAC-SHA256(payload)). The payload
/// carries the plan, the form, the language, the reader and the expiry, so a link cannot be turned into
/// another plan or another reader, or kept alive, without the key.
/// </summary>
public sealed class DocumentLinkSigner(DocumentSigningKey key, TimeProvider time)
{
    private const string Version = "v1";
    private const int MaxTokenLength = 2048;

    public string Sign(DocumentLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var payload = string.Join('\n', Version, link.PlanId, link.Export, link.Language.Code(), link.ReaderId, link.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var bytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key.Key, bytes));
    }

    public LinkCheck Read(string? token)
    {
        var forged = new LinkCheck(LinkStatus.Forged, null);
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || token.Split('.') is not [var payloadPart, var signaturePart])
        {
            return forged;
        }

        byte[] payload;
        byte[] signature;
        try
        {
            payload = Base64Url.DecodeFromChars(payloadPart);
            signature = Base64Url.DecodeFromChars(signaturePart);
        }
        catch (FormatException)
        {
            return forged;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key.Key, payload), signature))
        {
            return forged;
        }

        if (Encoding.UTF8.GetString(payload).Split('\n') is not [Version, var planId, var export, var language, var reader, var expires]
            || !Enum.TryParse<PlanExport>(export, out var form)
            || !Languages.TryParseCode(language, out var lang)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return forged;
        }

        var link = new DocumentLink(planId, form, lang, reader, DateTimeOffset.FromUnixTimeSeconds(seconds));
        return new LinkCheck(time.GetUtcNow() >= link.ExpiresAt ? LinkStatus.Expired : LinkStatus.Valid, link);
    }
}
