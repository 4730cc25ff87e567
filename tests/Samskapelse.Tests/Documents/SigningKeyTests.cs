using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Samskapelse.Bot.Documents;
using Samskapelse.Bot.Hosting;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Documents;

/// <summary>
/// Issue 14, item 6: whoever knows the signing key can mint a link to anyone's full data export, so the
/// key must be a key. A key anyone can guess (the sample's placeholder, typed text, a pattern) stops the
/// bot at start; keys carry ids so they rotate without breaking live links.
/// </summary>
[Collection(Samskapelse.Tests.Http.BotHostTests.Name)]
public sealed class SigningKeyTests
{
    private readonly FakeTimeProvider time = new(SamplePlans.Now);

    private static string Random32() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The placeholder exactly as appsettings.sample.json has it, so copying the sample can never ship it.</summary>
    private static string SamplePlaceholder()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(NodeTools.RepositoryRoot, "appsettings.sample.json")))!;
        return (string)sample["Documents"]!["SigningKeys"]![0]!["Key"]!;
    }

    public static TheoryData<string, string> WeakKeys()
    {
        var block = RandomNumberGenerator.GetBytes(8);
        return new()
        {
            // The placeholder of the sample before this change: 57 characters, which the old check took as a key.
            { "<at-least-32-random-characters-from-your-secret-store>", "placeholder" },
            // 32 typed characters: what the old check asked for.
            { "0123456789abcdefghijklmnopqrstuv", "holds 24 bytes" },
            { "endpoint-tests-signing-key-0123456789", "not base64" },
            { Convert.ToBase64String(Encoding.UTF8.GetBytes("correct horse battery staple, 32+ chars")), "password" },
            { Convert.ToBase64String(new byte[32]), "not random" },
            { Convert.ToBase64String(Enumerable.Repeat((byte)0xA7, 48).ToArray()), "not random" },
            { Convert.ToBase64String([.. block, .. block, .. block, .. block]), "not random" },
            { Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray()), "not random" },
            { Convert.ToBase64String(RandomNumberGenerator.GetBytes(31)), "holds 31 bytes" },
        };
    }

    [Theory]
    [MemberData(nameof(WeakKeys))]
    public void Problem_WeakKey_IsNamed(string key, string expected)
    {
        Assert.Contains(expected, SigningKeyText.Problem(key, out var bytes), StringComparison.Ordinal);
        Assert.Empty(bytes);
    }

    [Fact]
    public void Problem_TheSamplesPlaceholder_IsRefused() =>
        Assert.Contains("placeholder", SigningKeyText.Problem(SamplePlaceholder(), out _), StringComparison.Ordinal);

    [Fact]
    public void Problem_RandomKeys_AreAccepted()
    {
        for (var i = 0; i < 2000; i++)
        {
            var length = 32 + (i % 40);
            var key = RandomNumberGenerator.GetBytes(length);
            Assert.Null(SigningKeyText.Problem(Convert.ToBase64String(key), out var read));
            Assert.Equal(key, read);
        }
    }

    [Theory]
    [MemberData(nameof(WeakKeys))]
    public void Start_WithAWeakSigningKey_IsRefusedNamingTheKey(string key, string expected)
    {
        var failure = Start(("Documents:SigningKey", key));

        var validation = Assert.IsType<OptionsValidationException>(failure?.GetBaseException());
        Assert.Contains(validation.Failures, f => f.StartsWith("Documents:SigningKey ", StringComparison.Ordinal) && f.Contains(expected, StringComparison.Ordinal) && f.Contains("openssl rand -base64 32", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_WithTheSamplesKeyList_IsRefused()
    {
        var failure = Start(("Documents:SigningKeys:0:Id", "2026-12"), ("Documents:SigningKeys:0:Key", SamplePlaceholder()));

        var validation = Assert.IsType<OptionsValidationException>(failure?.GetBaseException());
        Assert.Contains(validation.Failures, f => f.StartsWith("Documents:SigningKeys:0:Key is the placeholder", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "Id must be")]
    [InlineData("a b", "Id must be")]
    [InlineData("same", "listed twice")]
    public void Start_WithABadKeyId_IsRefused(string secondId, string expected)
    {
        var failure = Start(
            ("Documents:SigningKeys:0:Id", "same"),
            ("Documents:SigningKeys:0:Key", Random32()),
            ("Documents:SigningKeys:1:Id", secondId),
            ("Documents:SigningKeys:1:Key", Random32()));

        var validation = Assert.IsType<OptionsValidationException>(failure?.GetBaseException());
        Assert.Contains(validation.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Start_WithBothTheSingleKeyAndTheList_IsRefused()
    {
        var failure = Start(("Documents:SigningKey", Random32()), ("Documents:SigningKeys:0:Id", "k1"), ("Documents:SigningKeys:0:Key", Random32()));

        Assert.Contains("use one of them", Assert.IsType<OptionsValidationException>(failure?.GetBaseException()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithStrongKeys_Starts()
    {
        Assert.Null(Start(("Documents:SigningKey", Random32())));
        Assert.Null(Start(("Documents:SigningKeys:0:Id", "2026-12"), ("Documents:SigningKeys:0:Key", Random32()), ("Documents:SigningKeys:1:Id", "2026-06"), ("Documents:SigningKeys:1:Key", Random32())));
    }

    [Fact]
    public void KeyList_TheFirstSigns_AndALinkSignedWithAnOlderListedKeyStillOpens()
    {
        var older = new DocumentSigningKey("2026-06", RandomNumberGenerator.GetBytes(32));
        var newer = new DocumentSigningKey("2026-12", RandomNumberGenerator.GetBytes(32));
        var before = new DocumentLinkSigner(new DocumentSigningKeys([older]), time);
        var liveLink = before.Sign(Link());

        var rotated = new DocumentLinkSigner(new DocumentSigningKeys([newer, older]), time);
        var fresh = rotated.Sign(Link());

        Assert.Equal(LinkStatus.Valid, rotated.Read(liveLink).Status);
        Assert.Equal(LinkStatus.Valid, rotated.Read(fresh).Status);
        Assert.Equal(LinkStatus.Forged, before.Read(fresh).Status);
        // Once the older key is taken off the list, its links end.
        Assert.Equal(LinkStatus.Forged, new DocumentLinkSigner(new DocumentSigningKeys([newer]), time).Read(liveLink).Status);
    }

    [Fact]
    public void KeyId_NamingAKeyNotListed_OrAnotherListedKey_IsForged()
    {
        var listed = new DocumentSigningKey("2026-12", RandomNumberGenerator.GetBytes(32));
        var other = new DocumentSigningKey("2026-06", RandomNumberGenerator.GetBytes(32));
        var bot = new DocumentLinkSigner(new DocumentSigningKeys([listed, other]), time);
        var attackerKey = RandomNumberGenerator.GetBytes(32);

        // The attacker signs with their own key and names a key id the bot does not list...
        var unknown = new DocumentLinkSigner(new DocumentSigningKeys([new DocumentSigningKey("attacker", attackerKey)]), time).Sign(Link());
        // ...or a listed one, hoping the id is trusted.
        var claimed = new DocumentLinkSigner(new DocumentSigningKeys([new DocumentSigningKey("2026-06", attackerKey)]), time).Sign(Link());
        // A real link moved to the other listed key's id.
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(bot.Sign(Link()).Split('.')[0]));
        var moved = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace("\n2026-12\n", "\n2026-06\n", StringComparison.Ordinal))) + "." + bot.Sign(Link()).Split('.')[1];

        Assert.Contains("\n2026-12\n", payload, StringComparison.Ordinal);
        Assert.Equal(new LinkCheck(LinkStatus.Forged, null), bot.Read(unknown));
        Assert.Equal(new LinkCheck(LinkStatus.Forged, null), bot.Read(claimed));
        Assert.Equal(new LinkCheck(LinkStatus.Forged, null), bot.Read(moved));
    }

    [Fact]
    public void Host_WithAKeyList_SignsWithTheFirstAndReadsLinksOfTheSecond()
    {
        var newer = RandomNumberGenerator.GetBytes(32);
        var older = RandomNumberGenerator.GetBytes(32);
        var app = SamskapelseHost.Build(
        [
            "--environment=Production", "--Storage:Provider=Memory", "--DangerouslyAllowUnauthenticatedRequests=true",
            "--Documents:SigningKeys:0:Id=new", "--Documents:SigningKeys:0:Key=" + Convert.ToBase64String(newer),
            "--Documents:SigningKeys:1:Id=old", "--Documents:SigningKeys:1:Key=" + Convert.ToBase64String(older),
        ]);
        try
        {
            var signer = app.Services.GetRequiredService<DocumentLinkSigner>();
            var token = signer.Sign(Link(DateTimeOffset.UtcNow));

            Assert.Contains("\nnew\n", Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[0])), StringComparison.Ordinal);
            Assert.Equal(LinkStatus.Valid, new DocumentLinkSigner(new DocumentSigningKey("new", newer), TimeProvider.System).Read(token).Status);
            Assert.Equal(LinkStatus.Valid, signer.Read(new DocumentLinkSigner(new DocumentSigningKey("old", older), TimeProvider.System).Sign(Link(DateTimeOffset.UtcNow))).Status);
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    private DocumentLink Link(DateTimeOffset? now = null) => new("plan-typical", PlanExport.PersonalData, Language.Nb, "29:someone", (now ?? time.GetUtcNow()).AddHours(1));

    /// <summary>Starts the host in Production with authentication off, where a signing key is required.</summary>
    private static Exception? Start(params (string Key, string Value)[] settings) =>
        Http.ConfigurationValidationTests.Start("Production", [("DangerouslyAllowUnauthenticatedRequests", "true"), .. settings]);
}
