using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Http.Auth;

/// <summary>
/// Every way a caller who is not the Bot Framework channel may try to get a turn: each must be refused
/// with 401 or 403. Each case breaks one thing in an otherwise valid request.
/// </summary>
public static class ForgedRequests
{
    private const string TeamsKey = "teams-key";
    private const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private const string EmulatorIssuerV2 = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    public static readonly IReadOnlyDictionary<string, Func<TokenContext, AuthRequest>> Cases = new Dictionary<string, Func<TokenContext, AuthRequest>>
    {
        // The header.
        ["no Authorization header"] = t => t.Headers(),
        ["empty Authorization header"] = t => t.Headers(string.Empty),
        ["Basic scheme"] = t => t.Headers("Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("bot:password"))),
        ["token without a scheme"] = t => t.Headers(t.Valid()),
        ["lower-case bearer scheme"] = t => t.Headers("bearer " + t.Valid()),
        ["Bearer without a token"] = t => t.Headers("Bearer"),
        ["Bearer and an empty token"] = t => t.Headers("Bearer "),
        ["two spaces after Bearer"] = t => t.Headers("Bearer  " + t.Valid()),
        ["a word after the token"] = t => t.Headers("Bearer " + t.Valid() + " extra"),
        ["two Authorization headers"] = t => t.Headers("Bearer " + t.Valid(), "Bearer " + t.Valid()),

        // The token's form.
        ["garbage token"] = t => t.Bearer("garbage"),
        ["two-part token"] = t => t.Bearer(string.Join('.', t.Valid().Split('.')[..2])),
        ["four-part token"] = t => t.Bearer(t.Valid() + ".AAAA"),
        ["five-part token (JWE shape)"] = t => t.Bearer(t.Valid() + ".AAAA.BBBB"),
        ["segments not base64url"] = t => t.Bearer("!!!!.####.$$$$"),
        ["header not JSON"] = t => t.Bearer(TokenForge.Encode(Encoding.UTF8.GetBytes("not json")) + "." + t.Valid().Split('.', 2)[1]),
        ["header a JSON array"] = t => t.Bearer(TokenForge.Encode(new JsonArray("RS256")) + "." + t.Valid().Split('.', 2)[1]),
        ["huge token (12 000 characters)"] = t =>
        {
            var claims = t.Claims();
            claims["padding"] = new string('x', 9000);
            return t.Bearer(TokenForge.SignRsa(TokenForge.Header("RS256", TeamsKey), claims, t.Attacker, HashAlgorithmName.SHA256));
        },

        // The algorithm and the signature.
        ["alg none, no signature"] = t => t.Bearer(TokenForge.WithoutSignature(TokenForge.Header("none", TeamsKey), t.Claims()) + "."),
        ["alg none with a signature"] = t => t.Bearer(TokenForge.WithoutSignature(TokenForge.Header("none", TeamsKey), t.Claims()) + "." + t.Valid().Split('.')[2]),
        ["alg NONE in capitals"] = t => t.Bearer(TokenForge.WithoutSignature(TokenForge.Header("NONE", TeamsKey), t.Claims()) + "."),
        ["stripped signature"] = t => t.Bearer(TokenForge.WithoutSignature(TokenForge.Header("RS256", TeamsKey), t.Claims()) + "."),
        ["signature of another token"] = t =>
        {
            var other = t.Claims();
            other["aud"] = "11111111-2222-3333-4444-555555555555";
            return t.Bearer(TokenForge.WithoutSignature(TokenForge.Header("RS256", TeamsKey), t.Claims()) + "." + t.SignedBy(other).Split('.')[2]);
        },
        ["payload changed after signing"] = t =>
        {
            var parts = t.Valid().Split('.');
            var claims = t.Claims();
            claims["serviceurl"] = "https://attacker.example/";
            return t.Bearer(parts[0] + "." + TokenForge.Encode(claims) + "." + parts[2]);
        },
        ["HS256 keyed with the public key (PEM)"] = t =>
            t.Bearer(TokenForge.SignHmac(TokenForge.Header("HS256", TeamsKey), t.Claims(), Encoding.ASCII.GetBytes(t.KeyOf(TeamsKey).ExportSubjectPublicKeyInfoPem()))),
        ["HS256 keyed with the public key (modulus)"] = t =>
            t.Bearer(TokenForge.SignHmac(TokenForge.Header("HS256", TeamsKey), t.Claims(), t.KeyOf(TeamsKey).ExportParameters(false).Modulus!)),
        ["ES256 from a key of the caller's"] = t =>
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return t.Bearer(TokenForge.SignEcdsa(TokenForge.Header("ES256", TeamsKey), t.Claims(), ec));
        },
        ["PS256 by the endorsed key"] = t =>
            t.Bearer(TokenForge.SignRsa(TokenForge.Header("PS256", TeamsKey), t.Claims(), t.KeyOf(TeamsKey), HashAlgorithmName.SHA256, RSASignaturePadding.Pss)),
        ["embedded jwk of the caller's key"] = t =>
        {
            var header = TokenForge.Header("RS256", "callers-key");
            var parameters = t.Attacker.ExportParameters(false);
            header["jwk"] = new JsonObject { ["kty"] = "RSA", ["kid"] = "callers-key", ["n"] = TokenForge.Encode(parameters.Modulus!), ["e"] = TokenForge.Encode(parameters.Exponent!) };
            return t.Bearer(TokenForge.SignRsa(header, t.Claims(), t.Attacker, HashAlgorithmName.SHA256));
        },
        ["unknown kid"] = t => t.Bearer(TokenForge.SignRsa(TokenForge.Header("RS256", "no-such-key"), t.Claims(), t.Attacker, HashAlgorithmName.SHA256)),
        ["substituted key under the endorsed kid"] = t => t.Bearer(TokenForge.SignRsa(TokenForge.Header("RS256", TeamsKey), t.Claims(), t.Attacker, HashAlgorithmName.SHA256)),
        ["no kid, signed by a key endorsed for skype only"] = t => t.Bearer(TokenForge.SignRsa(TokenForge.Header("RS256", null), t.Claims(), t.KeyOf("skype-key"), HashAlgorithmName.SHA256)),

        // Endorsements: the key must be endorsed for the activity's channel.
        ["key endorsed for skype only"] = t => t.Bearer(t.SignedBy(t.Claims(), "skype-key")),
        ["key listed without endorsements"] = t => t.Bearer(t.SignedBy(t.Claims(), "bare-key")),
        ["channel the key is not endorsed for (slack)"] = t => t.Bearer(t.Valid(), t.Activity(channelId: "slack")),

        // The claims.
        ["wrong audience"] = t => t.WithClaims(c => c["aud"] = "11111111-2222-3333-4444-555555555555"),
        ["no audience"] = t => t.WithClaims(c => c.Remove("aud")),
        ["wrong issuer"] = t => t.WithClaims(c => c["iss"] = "https://attacker.example"),
        ["no issuer"] = t => t.WithClaims(c => c.Remove("iss")),
        ["expired"] = t => t.WithClaims(c => c["exp"] = t.Now.AddMinutes(-10).ToUnixTimeSeconds()),
        ["no expiry"] = t => t.WithClaims(c => c.Remove("exp")),
        ["not valid yet (nbf in 10 minutes)"] = t => t.WithClaims(c => c["nbf"] = t.Now.AddMinutes(10).ToUnixTimeSeconds()),
        ["issued in 10 minutes (iat)"] = t => t.WithClaims(c => c["iat"] = t.Now.AddMinutes(10).ToUnixTimeSeconds()),
        ["serviceurl claim of another host"] = t => t.WithClaims(c => c["serviceurl"] = "https://attacker.example/emea/"),
        ["no serviceurl claim"] = t => t.WithClaims(c => c.Remove("serviceurl")),

        // Tokens of the Bot Framework Emulator and of skills, which the SDK checks for neither audience nor service URL.
        ["emulator token v1 (appid)"] = t => t.Bearer(t.SignedBy(Emulator(t, EmulatorIssuerV1, "1.0", "appid"))),
        ["emulator token v2 (azp)"] = t => t.Bearer(t.SignedBy(Emulator(t, EmulatorIssuerV2, "2.0", "azp"))),
        ["skill token of another bot"] = t =>
        {
            var claims = Emulator(t, EmulatorIssuerV1, "1.0", "appid");
            claims["appid"] = "99999999-8888-4777-8666-555555555555";
            return t.Bearer(t.SignedBy(claims));
        },
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    public static JsonObject Emulator(TokenContext t, string issuer, string version, string appIdClaim)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new JsonObject
        {
            ["iss"] = issuer,
            ["aud"] = AuthenticatedBotFixture.AppId,
            ["ver"] = version,
            [appIdClaim] = AuthenticatedBotFixture.AppId,
            ["nbf"] = t.Now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["iat"] = t.Now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = t.Now.AddMinutes(30).ToUnixTimeSeconds(),
        };
    }
}
