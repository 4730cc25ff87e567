using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Samskapelse.Tests.Support;

/// <summary>A key the local OpenID server publishes, with the channels it is endorsed for (null: none listed).</summary>
public sealed record PublishedKey(string KeyId, RSA Rsa, string[]? Endorsements);

/// <summary>
/// The Bot Framework's OpenID metadata and key set, served over HTTPS on 127.0.0.1 with a throw-away
/// certificate the test process trusts (CurrentUser root store, removed again on dispose): the SDK
/// fetches metadata over HTTPS only, through a static HttpClient no test can replace. The SDK caches
/// metadata per URL for the life of the process, so each server gets its own port and keys.
/// </summary>
public sealed class LocalOpenIdServer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private readonly WebApplication app;
    private readonly X509Certificate2 trusted;

    private LocalOpenIdServer(WebApplication app, X509Certificate2 trusted, string baseUrl, IReadOnlyList<PublishedKey> keys)
    {
        this.app = app;
        this.trusted = trusted;
        BaseUrl = baseUrl;
        Keys = keys;
    }

    public string BaseUrl { get; }

    public string MetadataUrl => BaseUrl + "/openid";

    public IReadOnlyList<PublishedKey> Keys { get; }

    public PublishedKey Key(string keyId) => Keys.Single(k => k.KeyId == keyId);

    public static async Task<LocalOpenIdServer> StartAsync(params PublishedKey[] keys)
    {
        using var certificate = CreateCertificate();
        var trusted = X509CertificateLoader.LoadCertificate(certificate.RawData);
        using (var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser))
        {
            store.Open(OpenFlags.ReadWrite);
            store.Add(trusted);
        }

        // Re-imported so Kestrel gets a certificate whose private key is not ephemeral.
        var serving = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serving)));
        var app = builder.Build();
        string? baseUrl = null;
        app.MapGet("/openid", () => Results.Text(new JsonObject { ["issuer"] = ChannelIssuer, ["jwks_uri"] = baseUrl + "/keys", ["id_token_signing_alg_values_supported"] = new JsonArray("RS256") }.ToJsonString(), "application/json"));
        app.MapGet("/keys", () => Results.Text(KeySet(keys).ToJsonString(), "application/json"));
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        baseUrl = $"https://127.0.0.1:{port}";
        return new LocalOpenIdServer(app, trusted, baseUrl, keys);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        using (var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser))
        {
            store.Open(OpenFlags.ReadWrite);
            store.Remove(trusted);
        }

        trusted.Dispose();
    }

    private static JsonObject KeySet(IEnumerable<PublishedKey> keys) => new()
    {
        ["keys"] = new JsonArray([.. keys.Select(key =>
        {
            var parameters = key.Rsa.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.KeyId,
                ["n"] = Convert.ToBase64String(parameters.Modulus!).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
                ["e"] = Convert.ToBase64String(parameters.Exponent!).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            };
            if (key.Endorsements is not null)
            {
                jwk["endorsements"] = new JsonArray([.. key.Endorsements.Select(e => (JsonNode)e)]);
            }

            return (JsonNode)jwk;
        })]),
    };

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Samskapelse tests local OpenID server", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));
    }
}
