using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Samskapelse.Localization;

namespace Samskapelse.Tests.Http;

[Collection(BotHostTests.Name)]
public sealed class TurnErrorTests
{
    private sealed class BrokenStorage : IStorage
    {
        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            throw new IOException("disk unavailable");

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    [Theory]
    [InlineData("da-DK", Language.Da)]
    [InlineData("nb-NO", Language.Nb)]
    public async Task AFailingTurn_ApologisesInTheUsersLanguage_AndAnswersTheRequest(string locale, Language language)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Memory");
            builder.ConfigureTestServices(services => services.AddSingleton<IStorage, BrokenStorage>());
        });
        using var client = factory.CreateClient();
        var activity = new JObject
        {
            ["type"] = "message",
            ["channelId"] = "msteams",
            ["serviceUrl"] = "https://smba.invalid/",
            ["deliveryMode"] = "expectReplies",
            ["locale"] = locale,
            ["from"] = new JObject { ["id"] = "29:u" },
            ["recipient"] = new JObject { ["id"] = "28:bot" },
            ["conversation"] = new JObject { ["id"] = "a:broken", ["conversationType"] = "personal" },
            ["text"] = "start",
        };
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(Texts.Get(language, "Error_Generic"), body, StringComparison.Ordinal);
        Assert.DoesNotContain("disk unavailable", body, StringComparison.Ordinal);
    }
}
