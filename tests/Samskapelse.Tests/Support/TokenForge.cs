using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Samskapelse.Tests.Support;

/// <summary>Builds JWTs by hand, valid or forged in one chosen way, signed with local keys.</summary>
public static class TokenForge
{
    public static string Encode(JsonNode node) => Encode(Encoding.UTF8.GetBytes(node.ToJsonString()));

    public static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);

    public static JsonObject Header(string algorithm, string? keyId)
    {
        var header = new JsonObject { ["alg"] = algorithm, ["typ"] = "JWT" };
        if (keyId is not null)
        {
            header["kid"] = keyId;
        }

        return header;
    }

    /// <summary>The claims the Bot Framework channel puts in a token for this bot, valid now.</summary>
    public static JsonObject ChannelClaims(string appId, string serviceUrl, DateTimeOffset now) => new()
    {
        ["iss"] = LocalOpenIdServer.ChannelIssuer,
        ["aud"] = appId,
        ["serviceurl"] = serviceUrl,
        ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
        ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
        ["exp"] = now.AddMinutes(30).ToUnixTimeSeconds(),
    };

    public static string WithoutSignature(JsonObject header, JsonObject claims) => Encode(header) + "." + Encode(claims);

    public static string SignRsa(JsonObject header, JsonObject claims, RSA key, HashAlgorithmName hash, RSASignaturePadding? padding = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var input = WithoutSignature(header, claims);
        return input + "." + Encode(key.SignData(Encoding.ASCII.GetBytes(input), hash, padding ?? RSASignaturePadding.Pkcs1));
    }

    public static string SignHmac(JsonObject header, JsonObject claims, byte[] secret)
    {
        var input = WithoutSignature(header, claims);
        return input + "." + Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    public static string SignEcdsa(JsonObject header, JsonObject claims, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var input = WithoutSignature(header, claims);
        return input + "." + Encode(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256));
    }
}
