using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Resilience;
using Samskapelse.Bot.Storage;
using Samskapelse.Tests.Assistant;
using Samskapelse.Tests.Http;

namespace Samskapelse.Tests.Resilience;

/// <summary>The host as Program.cs builds it: the storage is guarded, and replies reach Teams through the retrying connector client.</summary>
[Collection(BotHostTests.Name)]
public sealed class ResilienceHostTests
{
    [Fact]
    public async Task TheHost_ReplyToAMessage_GetsThroughA503_WithTheStorageGuarded()
    {
        var time = new SignalingTimeProvider();
        await using var connector = await FakeOpenAIServer.StartAsync(time);
        connector.Status(503).Status(200, "{\"id\":\"sent-1\"}");
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Memory");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
        });
        using var client = factory.CreateClient();
        var registered = factory.Services.GetRequiredService<IStorage>();
        var decorators = new List<IStorage>();
        for (var store = registered; store is IStorageDecorator decorator; store = decorator.Inner)
        {
            decorators.Add(store);
        }

        Assert.Contains(decorators, store => store is GuardedStorage);

        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = "incoming-1",
            ["channelId"] = "msteams",
            ["serviceUrl"] = connector.Endpoint.ToString(),
            ["locale"] = "en-US",
            ["from"] = new JObject { ["id"] = "29:u" },
            ["recipient"] = new JObject { ["id"] = "28:bot" },
            ["conversation"] = new JObject { ["id"] = "a:host-resilience", ["conversationType"] = "personal" },
            ["text"] = "help",
        };
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        var post = client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        await connector.NextRequestAsync();
        time.Advance(await time.NextTimerAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(5)));
        await connector.NextRequestAsync();
        using var response = await post.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, connector.Requests.Count);
        Assert.All(connector.Requests, r => Assert.Equal("/v3/conversations/a:host-resilience/activities/incoming-1", r.Path));
        Assert.Equal(connector.Requests[0].Body, connector.Requests[1].Body);
    }
}
