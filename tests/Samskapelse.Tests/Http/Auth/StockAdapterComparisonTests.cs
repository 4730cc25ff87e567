using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Samskapelse.Tests.Http.Auth;

/// <summary>
/// The same forged requests against a stock CloudAdapter with the same settings and keys, side by side
/// with this bot: prints the table, and holds this bot to refusing every one of them.
/// </summary>
[Collection(BotHostTests.Name)]
public sealed class StockAdapterComparisonTests(AuthenticatedBotFixture fixture, ITestOutputHelper output) : IClassFixture<AuthenticatedBotFixture>
{
    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<Microsoft.Bot.Schema.IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync("echo", cancellationToken: cancellationToken);
    }

    [Fact]
    public async Task EveryForgedRequest_IsRefusedHere_WhateverTheStockAdapterAnswers()
    {
        await using var stock = await StartStockAsync();
        var table = new StringBuilder("| forged request | stock CloudAdapter | this bot | refused because |\n| --- | --- | --- | --- |\n");
        var ours = new Dictionary<string, int>();
        var stockStatuses = new Dictionary<string, int>();
        foreach (var (name, build) in ForgedRequests.Cases)
        {
            var request = build(fixture.Context("compare-" + Guid.NewGuid().ToString("N")));
            fixture.Logs.Clear();
            ours[name] = (await AuthenticatedBotFixture.PostAsync(fixture.Bot.Server, request)).StatusCode;
            var reason = fixture.Logs.Entries.FirstOrDefault(log => log.EventId.Id == 1101)?.Message ?? "-";
            stockStatuses[name] = (await AuthenticatedBotFixture.PostAsync(stock.GetTestServer(), request)).StatusCode;
            table.Append(CultureInfo.InvariantCulture, $"| {name} | {stockStatuses[name]} | {ours[name]} | {reason[(reason.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()} |\n");
        }

        table.Append(CultureInfo.InvariantCulture, $"\n{ForgedRequests.Cases.Count} forged requests: the stock adapter answers {stockStatuses.Values.Count(s => s == 500)} with 500 and {stockStatuses.Values.Count(s => s == 200)} with 200; this bot answers {ours.Values.Count(s => s is 401 or 403)} with 401.");
        output.WriteLine(table.ToString());

        Assert.All(ours, pair => Assert.True(pair.Value is 401 or 403, $"{pair.Key}: {pair.Value}"));
    }

    private async Task<WebApplication> StartStockAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(AuthenticatedBotFixture.Settings(fixture.Server));
        var app = builder.Build();
        var adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(app.Configuration));
        var bot = new EchoBot();

        // What Kestrel does with an exception the endpoint lets through.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
#pragma warning disable CA1031 // Any exception is what the stock adapter would turn into a 500.
            catch (Exception) when (!context.Response.HasStarted)
#pragma warning restore CA1031
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        });
        app.MapPost("/api/messages", (HttpContext context) => adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted));
        await app.StartAsync();
        return app;
    }
}
