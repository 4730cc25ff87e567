using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Samskapelse.Bot.Documents;
using Samskapelse.Cards.Planning;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Tests.Documents;

/// <summary>The bot's web host with plans in memory and a clock the tests move.</summary>
public class DocumentHostFactory : WebApplicationFactory<Program>
{
    public FakeTimeProvider Time { get; } = new(SamplePlans.Now);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:Provider", "Memory");
        // No Bot Framework credentials in tests: the journey posts to /api/messages unauthenticated.
        builder.UseSetting("DangerouslyAllowUnauthenticatedRequests", "true");
        builder.UseSetting("Documents:SigningKey", Support.TestSigningKey.Base64);
        builder.UseSetting("Bot:PublicBaseUrl", "https://bot.example.test");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}

[Collection(Samskapelse.Tests.Http.BotHostTests.Name)]
public sealed class DocumentEndpointTests(DocumentHostFactory factory) : IClassFixture<DocumentHostFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Get_WordLink_ReturnsTheDocumentAsAnAttachmentNamedAfterThePlan()
    {
        var (plan, links) = await SeedAsync("word");

        using var response = await client.GetAsync(Path(links.Word));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlanExport.Word.ContentType(), response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Ungdommens møteplass i sentrum.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(plan.Title, text);
        Assert.Contains(Texts.Get(Language.Nb, "Documents_QuestionsHeading"), text);
        Assert.Single(document.MainDocumentPart.ImageParts);
    }

    [Fact]
    public async Task Get_MarkdownLink_ReturnsUtf8MarkdownWithTheLetters()
    {
        var (_, links) = await SeedAsync("markdown");

        using var response = await client.GetAsync(Path(links.Markdown));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("Ungdommens møteplass i sentrum.md", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.StartsWith("# Ungdommens møteplass i sentrum\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MapLink_ReturnsThePngInline()
    {
        var (_, links) = await SeedAsync("map");

        using var response = await client.GetAsync(Path(links.Map));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal((1024, 1024), Png.Header(await response.Content.ReadAsByteArrayAsync()) is var (w, h, _, _) ? (w, h) : default);
    }

    [Fact]
    public async Task Get_ExpiredLink_Is410WithAPageInTheLinksLanguage()
    {
        var (_, links) = await SeedAsync("expired");
        factory.Time.Advance(TimeSpan.FromHours(1));

        using var response = await client.GetAsync(Path(links.Word));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"nb\">", html, StringComparison.Ordinal);
        Assert.Contains(Texts.Get(Language.Nb, "Link_Expired_Title"), html, StringComparison.Ordinal);
        Assert.Contains("«oppsummering»", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AlteredLink_Is403WithAPageInTheBrowsersLanguage()
    {
        var (_, links) = await SeedAsync("altered");
        var path = Path(links.Word);
        var altered = path[..^3] + (path[^3] == 'x' ? 'y' : 'x') + path[^2..];
        using var request = new HttpRequestMessage(HttpMethod.Get, altered);
        request.Headers.AcceptLanguage.ParseAdd("da-DK, en;q=0.5");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(Texts.Get(Language.Da, "Link_Invalid_Title"), html, StringComparison.Ordinal);
        Assert.DoesNotContain(SamplePlans.Typical().Title, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/documents/not-a-token")]
    [InlineData("/documents/dGVzdA.dGVzdA")]
    public async Task Get_MadeUpLink_Is403(string path)
    {
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(Texts.Get(Language.En, "Link_Invalid_Title"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SignedLinkForSomeoneWhoIsNotTheOwner_Is403()
    {
        var (plan, _) = await SeedAsync("not-owner");
        var signer = factory.Services.GetRequiredService<DocumentLinkSigner>();
        var token = signer.Sign(new DocumentLink(plan.Id, PlanExport.Word, Language.En, "someone-else", factory.Time.GetUtcNow().AddMinutes(5)));

        using var response = await client.GetAsync(PlanLinkIssuer.RoutePrefix + token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_LinkToADeletedPlan_Is404()
    {
        var (plan, links) = await SeedAsync("deleted");
        await factory.Services.GetRequiredService<IPlanStore>().DeleteAsync(plan.Id, default);

        using var response = await client.GetAsync(Path(links.Markdown));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(Texts.Get(Language.Nb, "Link_NotFound_Title"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuer_ForSomeoneWhoIsNotTheOwner_MakesNoLinks()
    {
        var (plan, _) = await SeedAsync("no-links");

        var links = await factory.Services.GetRequiredService<PlanLinkIssuer>().ForAsync(plan, "someone-else", Language.En, default);

        Assert.Null(links);
    }

    private async Task<(Plan Plan, PlanLinks Links)> SeedAsync(string id)
    {
        var plan = SamplePlans.Typical() with { Id = "plan-" + id };
        await factory.Services.GetRequiredService<IPlanStore>().CreateAsync(plan, default);
        var links = await factory.Services.GetRequiredService<PlanLinkIssuer>().ForAsync(plan, plan.OwnerId, Language.Nb, default);
        Assert.NotNull(links);
        Assert.All(new[] { links.Word, links.Markdown, links.Map }, url => Assert.StartsWith("https://bot.example.test/documents/", url, StringComparison.Ordinal));
        return (plan, links);
    }

    private static string Path(string? url) => new Uri(url!).PathAndQuery;
}

[Collection(Samskapelse.Tests.Http.BotHostTests.Name)]
public sealed class DocumentStartupTests
{
    [Fact]
    public void Start_OutsideDevelopmentWithoutASigningKey_FailsWithAClearMessage()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:Provider", "Memory");
            builder.UseSetting("DangerouslyAllowUnauthenticatedRequests", "true");
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Documents:SigningKey must be set outside Development", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InDevelopmentWithoutASigningKey_SignsWithARandomKey()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Memory");
        });
        var plan = SamplePlans.Typical();
        await factory.Services.GetRequiredService<IPlanStore>().CreateAsync(plan, default);

        var links = await factory.Services.GetRequiredService<PlanLinkIssuer>().ForAsync(plan, plan.OwnerId, Language.En, default);
        using var response = await factory.CreateClient().GetAsync(new Uri(links!.Markdown!).PathAndQuery);

        Assert.StartsWith("http://127.0.0.1:3978/documents/", links.Markdown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
