using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Samskapelse.Bot.Documents;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Tests.Documents;

/// <summary>The document host with low limits: two fetches a link, five an address, a minute.</summary>
public sealed class LimitedDocumentHostFactory : DocumentHostFactory
{
    public const string AddressHeader = "X-Test-Client-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Documents:RequestsPerLinkPerMinute", "2");
        builder.UseSetting("Documents:RequestsPerAddressPerMinute", "5");

        // TestServer has no client address: the test names one per request, before the bot's middleware runs.
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The cost of /documents is bounded: rate limits per link and per address, and renders kept by plan version.</summary>
[Collection(Samskapelse.Tests.Http.BotHostTests.Name)]
public sealed class DocumentCostTests(LimitedDocumentHostFactory factory) : IClassFixture<LimitedDocumentHostFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<string> MapPathAsync(string id)
    {
        var plan = SamplePlans.Typical() with { Id = "cost-" + id };
        await factory.Services.GetRequiredService<IPlanStore>().CreateAsync(plan, default);
        var links = await factory.Services.GetRequiredService<PlanLinkIssuer>().ForAsync(plan, plan.OwnerId, Language.Nb, default);
        return new Uri(links!.Map!).PathAndQuery;
    }

    private async Task<HttpStatusCode> GetAsync(string path, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(LimitedDocumentHostFactory.AddressHeader, address);
        using var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Assert.NotNull(response.Headers.RetryAfter);
        }

        return response.StatusCode;
    }

    [Fact]
    public async Task OneLinkFetchedOverAndOver_Is429AfterItsLimit_FromAnyAddress_WhileOtherLinksStillWork()
    {
        var looped = await MapPathAsync("looped");
        var other = await MapPathAsync("other");

        Assert.Equal(HttpStatusCode.OK, await GetAsync(looped, "192.0.2.1"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(looped, "192.0.2.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(looped, "192.0.2.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(looped, "192.0.2.2"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(other, "192.0.2.2"));
    }

    [Fact]
    public async Task OneAddressTryingManyLinks_Is429AfterItsLimit_WhileOtherAddressesStillGetThrough()
    {
        var paths = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            paths.Add(await MapPathAsync("many-" + i));
        }

        // Forged links count too: guessing is what the address limit stops.
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync("/documents/forged.token", "198.51.100.7"));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await GetAsync(paths[i], "198.51.100.7"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(paths[4], "198.51.100.7"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(paths[5], "198.51.100.8"));
    }

    [Fact]
    public async Task BotMessages_AreNotLimitedByTheDocumentLimits()
    {
        for (var i = 0; i < 8; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            request.Headers.Add(LimitedDocumentHostFactory.AddressHeader, "203.0.113.9");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

/// <summary>Rendered documents are kept by plan version, form, language and day.</summary>
public sealed class RenderedDocumentsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheSamePlanVersion_IsRenderedOnce_AChangeFormLanguageOrDayRendersAgain()
    {
        using var cache = new RenderedDocuments(Options.Create(new DocumentOptions()), new FakeTimeProvider(Now), NullLogger<RenderedDocuments>.Instance);
        var plan = SamplePlans.Typical();
        var renders = 0;
        byte[] Render(Plan p, PlanExport export, Language language, DateTimeOffset at) =>
            cache.GetOrRender(p, export, language, at, () => [(byte)++renders]);

        var first = Render(plan, PlanExport.Map, Language.Nb, Now);
        Assert.Same(first, Render(plan, PlanExport.Map, Language.Nb, Now.AddHours(1)));
        Assert.Equal(1, renders);

        Render(plan.Touched(Now.AddMinutes(5)), PlanExport.Map, Language.Nb, Now);
        Render(plan, PlanExport.Word, Language.Nb, Now);
        Render(plan, PlanExport.Map, Language.Da, Now);
        Render(plan, PlanExport.Map, Language.Nb, Now.AddDays(1));
        Assert.Equal(5, renders);
    }

    [Fact]
    public void TheCache_KeepsToItsSizeLimit()
    {
        using var cache = new RenderedDocuments(Options.Create(new DocumentOptions { RenderCacheBytes = 1000 }), new FakeTimeProvider(Now), NullLogger<RenderedDocuments>.Instance);
        var renders = 0;
        for (var i = 0; i < 3; i++)
        {
            cache.GetOrRender(SamplePlans.Typical() with { Id = "big-" + i }, PlanExport.Word, Language.En, Now, () => new byte[600 + renders++]);
        }

        // Two of 600 bytes do not fit in 1000: at most one of the three is still kept.
        for (var i = 0; i < 3; i++)
        {
            cache.GetOrRender(SamplePlans.Typical() with { Id = "big-" + i }, PlanExport.Word, Language.En, Now, () => new byte[600 + renders++]);
        }

        Assert.True(renders >= 5, $"{renders - 3} of 3 were rendered again");
    }
}
