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

/// <summary>A secret that signs links, with the id links carry to name it; see <see cref="DocumentOptions.SigningKeys"/>.</summary>
public sealed class DocumentSigningKey
{
    /// <summary>The id of the single Documents:SigningKey.</summary>
    public const string DefaultId = "0";

    public DocumentSigningKey(byte[] key)
        : this(DefaultId, key)
    {
    }

    public DocumentSigningKey(string id, byte[] key)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(key);
        if (id.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A key id is one line.", nameof(id));
        }

        Id = id;
        Key = key;
    }

    public string Id { get; }

    internal byte[] Key { get; }
}

/// <summary>The keys that verify links, by id; the first one signs new links.</summary>
public sealed class DocumentSigningKeys
{
    private readonly Dictionary<string, DocumentSigningKey> byId;

    public DocumentSigningKeys(IReadOnlyList<DocumentSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one key is needed.", nameof(keys));
        }

        Current = keys[0];
        byId = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    /// <summary>The key that signs new links.</summary>
    public DocumentSigningKey Current { get; }

    public DocumentSigningKey? Find(string id) => byId.GetValueOrDefault(id);
}

/// <summary>
/// Signs and reads download tokens: base64url(payload) "." base64url(HMAC-SHA256(payload)). The payload
/// carries the id of the key that signed it, the plan, the form, the language, the reader and the expiry,
/// so a link cannot be turned into another plan or another reader, or kept alive, without the key; a link
/// naming a key that is no longer listed is refused as forged.
/// </summary>
public sealed class DocumentLinkSigner
{
    private const string Version = "v2";
    private const int MaxTokenLength = 2048;

    private readonly DocumentSigningKeys keys;
    private readonly TimeProvider time;

    public DocumentLinkSigner(DocumentSigningKeys keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        this.keys = keys;
        this.time = time;
    }

    /// <summary>One key, which both signs and verifies.</summary>
    public DocumentLinkSigner(DocumentSigningKey key, TimeProvider time)
        : this(new DocumentSigningKeys([key]), time)
    {
    }

    public string Sign(DocumentLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var key = keys.Current;
        var payload = string.Join('\n', Version, key.Id, link.PlanId, link.Export, link.Language.Code(), link.ReaderId, link.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
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

        // The key id is read before the signature is checked, only to choose the key that checks it.
        var fields = Encoding.UTF8.GetString(payload).Split('\n');
        if (fields is not [Version, var keyId, var planId, var export, var language, var reader, var expires]
            || keys.Find(keyId) is not { } key
            || !CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key.Key, payload), signature))
        {
            return forged;
        }

        if (!Enum.TryParse<PlanExport>(export, out var form)
            || !Languages.TryParseCode(language, out var lang)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return forged;
        }

        var link = new DocumentLink(planId, form, lang, reader, DateTimeOffset.FromUnixTimeSeconds(seconds));
        return new LinkCheck(time.GetUtcNow() >= link.ExpiresAt ? LinkStatus.Expired : LinkStatus.Valid, link);
    }
}
