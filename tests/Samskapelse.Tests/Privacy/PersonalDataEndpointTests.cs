using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Samskapelse.Bot.Documents;
using Samskapelse.Bot.Privacy;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Tests.Documents;

namespace Samskapelse.Tests.Privacy;

/// <summary>The export file through the document endpoint of the real host: signed, short-lived, the reader's own.</summary>
[Collection(Samskapelse.Tests.Http.BotHostTests.Name)]
public sealed class PersonalDataEndpointTests(DocumentHostFactory factory) : IClassFixture<DocumentHostFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<string> SeedAndSignAsync(string userId, TimeSpan lifetime)
    {
        var plans = factory.Services.GetRequiredService<IPlanStore>();
        await plans.CreateAsync(Samskapelse.Tests.Documents.SamplePlans.Typical() with { Id = "export-" + userId, OwnerId = userId, Title = "Møteplass for " + userId }, default);
        var signer = factory.Services.GetRequiredService<DocumentLinkSigner>();
        var token = signer.Sign(new DocumentLink(new PersonalDataScope("msteams", "a:personal-" + userId).Encode(), PlanExport.PersonalData, Language.Da, userId, factory.Time.GetUtcNow() + lifetime));
        return PlanLinkIssuer.RoutePrefix + token;
    }

    [Fact]
    public async Task Get_PersonalDataLink_ReturnsTheirOwnDataAsAJsonAttachment()
    {
        var path = await SeedAndSignAsync("29:endpoint-reader", TimeSpan.FromMinutes(5));
        await SeedAndSignAsync("29:someone-else", TimeSpan.FromMinutes(5));

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(PersonalDataExport.FileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var own = Assert.Single(json.RootElement.GetProperty("plansYouOwn").EnumerateArray());
        Assert.Equal("Møteplass for 29:endpoint-reader", own.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Get_ExpiredPersonalDataLink_Is410_AndNamesTheCommandForAFreshOne()
    {
        var path = await SeedAndSignAsync("29:late-reader", TimeSpan.FromMinutes(1));
        factory.Time.Advance(TimeSpan.FromMinutes(2));

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains(Texts.Alternatives(Language.Da, "Cmd_MyData")[0], await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
