using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Samskapelse.Bot.Documents;
using Samskapelse.Documents;
using Samskapelse.Localization;

namespace Samskapelse.Tests.Documents;

public sealed class DocumentLinkSignerTests
{
    private static readonly DocumentSigningKey Key = new(Encoding.UTF8.GetBytes("a test key that is long enough for HMAC-SHA256"));
    private readonly FakeTimeProvider time = new(SamplePlans.Now);

    private DocumentLink Link(string planId = "plan-typical", string reader = "user-1") =>
        new(planId, PlanExport.Word, Language.Nb, reader, time.GetUtcNow().AddHours(1));

    [Fact]
    public void Read_SignedLink_GivesBackWhatItGrants()
    {
        var signer = new DocumentLinkSigner(Key, time);
        var link = Link() with { Export = PlanExport.Map, Language = Language.Da, ReaderId = "29:1aBc-ØÅ" };

        var check = signer.Read(signer.Sign(link));

        Assert.Equal(LinkStatus.Valid, check.Status);
        Assert.Equal(link, check.Link);
    }

    [Fact]
    public void Read_AtExpiry_IsExpired_AndASecondBeforeIsStillValid()
    {
        var signer = new DocumentLinkSigner(Key, time);
        var token = signer.Sign(Link());

        time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.Equal(LinkStatus.Valid, signer.Read(token).Status);

        time.Advance(TimeSpan.FromSeconds(1));
        var expired = signer.Read(token);
        Assert.Equal(LinkStatus.Expired, expired.Status);
        Assert.Equal(Language.Nb, expired.Link?.Language);
    }

    [Theory]
    [InlineData("plan-typical", "plan-other")]
    [InlineData("\nuser-1\n", "\nuser-2\n")]
    [InlineData("\nWord\n", "\nMap\n")]
    public void Read_PayloadAlteredUnderTheSameSignature_IsForged(string from, string to)
    {
        var signer = new DocumentLinkSigner(Key, time);
        var (payload, signature) = Split(signer.Sign(Link()));
        var altered = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payload)).Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payload)), altered);

        var check = signer.Read(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(altered)) + "." + signature);

        Assert.Equal(new LinkCheck(LinkStatus.Forged, null), check);
    }

    [Fact]
    public void Read_ExpiryPushedLater_IsForged()
    {
        var signer = new DocumentLinkSigner(Key, time);
        var (payload, signature) = Split(signer.Sign(Link()));
        var fields = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payload)).Split('\n');
        fields[^1] = (long.Parse(fields[^1], System.Globalization.CultureInfo.InvariantCulture) + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var check = signer.Read(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', fields))) + "." + signature);

        Assert.Equal(LinkStatus.Forged, check.Status);
    }

    [Fact]
    public void Read_SignatureChangedInOneCharacter_IsForged()
    {
        var signer = new DocumentLinkSigner(Key, time);
        var token = signer.Sign(Link());
        var last = token[^2] == 'A' ? 'B' : 'A';

        Assert.Equal(LinkStatus.Forged, signer.Read(token[..^2] + last + token[^1]).Status);
    }

    [Fact]
    public void Read_SignedWithAnotherKey_IsForged()
    {
        var other = new DocumentLinkSigner(new DocumentSigningKey(Encoding.UTF8.GetBytes("another key that is long enough for HMAC-SHA256")), time);

        Assert.Equal(LinkStatus.Forged, new DocumentLinkSigner(Key, time).Read(other.Sign(Link())).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    [InlineData("djE.")]
    public void Read_Garbage_IsForged(string token)
    {
        Assert.Equal(LinkStatus.Forged, new DocumentLinkSigner(Key, time).Read(token).Status);
    }

    [Fact]
    public void Sign_TwoReaders_GetDifferentTokens()
    {
        var signer = new DocumentLinkSigner(Key, time);

        Assert.NotEqual(signer.Sign(Link(reader: "user-1")), signer.Sign(Link(reader: "user-2")));
    }

    private static (string Payload, string Signature) Split(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(2, parts.Length);
        return (parts[0], parts[1]);
    }
}
