using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samskapelse.Bot.Assistant;
using Microsoft.Extensions.Options;
using Samskapelse.Localization;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Assistant;

/// <summary>The assistant as Program.cs wires it: over HTTP with deliveryMode expectReplies, no outbound calls.</summary>
[Collection(Samskapelse.Tests.Http.BotHostTests.Name)]
public sealed class AssistantHostingTests
{
    private static WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(
                new Dictionary<string, string?> { ["Storage:Provider"] = "Memory", ["MicrosoftAppId"] = string.Empty }
                    .Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))));
        });

    private static async Task<JsonArray> PostAsync(HttpClient client, string? text, JsonObject? value = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = "https://test.invalid/",
            ["from"] = new JsonObject { ["id"] = "user-http", ["name"] = "Ola" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = "conversation-http", ["conversationType"] = "personal" },
            ["locale"] = "en-US",
            ["deliveryMode"] = "expectReplies",
            ["text"] = text,
            ["value"] = value,
        };
        var response = await client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["activities"]!.AsArray();
    }

    private static IEnumerable<JsonObject> Actions(JsonArray activities) =>
        activities.SelectMany(a => a!["attachments"]?.AsArray() ?? []).SelectMany(Descendants).Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Descendants(p.Value))),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    [Fact]
    public async Task Program_OfflineByDefault_QuestionCardOffersTheAssistant_AndItsButtonAnswersInTheTurn()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        await PostAsync(client, "start Youth house");
        var q2 = await PostAsync(client, "Young people run a meeting place together with us");
        var suggest = Actions(q2).Single(a => (string?)a["title"] == "Suggest with the assistant");

        var replies = await PostAsync(client, null, suggest["data"]!.DeepClone().AsObject());

        var text = replies.ToJsonString();
        Assert.Contains(T(Language.En, "Assist_Source_Offline"), text, StringComparison.Ordinal);
        Assert.Contains(Texts.Alternatives(Language.En, "AssistOffline_Partner_NeighbouringUnit")[0], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_Disabled_NoAssistantButtons()
    {
        await using var host = Host(("Assistant:Provider", "Disabled"));
        using var client = host.CreateClient();

        await PostAsync(client, "start Youth house");
        var q2 = await PostAsync(client, "Young people run a meeting place together with us");

        Assert.Contains(Actions(q2), a => (string?)a["title"] == "Add partner");
        Assert.DoesNotContain(Actions(q2), a => ((string?)a["data"]?["verb"])?.StartsWith("assist.", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("Cloud", null, "d", "k")]
    [InlineData("AzureOpenAI", null, "d", "k")]
    [InlineData("AzureOpenAI", "http://example.org/", "d", "k")]
    [InlineData("AzureOpenAI", "https://example.openai.azure.com/", "", "k")]
    [InlineData("AzureOpenAI", "https://example.openai.azure.com/", "d", "")]
    public void AddAssistant_InvalidSettings_FailStartupValidation(string assistantProvider, string? endpoint, string deployment, string key)
    {
        // Checked on AddAssistant's own registrations rather than by starting Program: when a host fails to start,
        // WebApplicationFactory sometimes reports a disposed service provider instead of the startup error.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Assistant:Provider"] = assistantProvider,
            ["Assistant:AzureOpenAI:Endpoint"] = endpoint,
            ["Assistant:AzureOpenAI:Deployment"] = deployment,
            ["Assistant:AzureOpenAI:ApiKey"] = key,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddAssistant();
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void AddAssistant_ValidCloudSettings_PassStartupValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Assistant:Provider"] = "AzureOpenAI",
            ["Assistant:AzureOpenAI:Endpoint"] = "https://example.openai.azure.com/",
            ["Assistant:AzureOpenAI:Deployment"] = "gpt",
            ["Assistant:AzureOpenAI:ApiKey"] = "k",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddAssistant();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(Samskapelse.Assistant.AssistantMode.AzureOpenAI, provider.GetRequiredService<IOptions<Bot.Assistant.AssistantOptions>>().Value.Mode);
    }

    [Fact]
    public async Task Program_AzureOpenAIWithManagedIdentity_Starts()
    {
        await using var host = Host(
            ("Assistant:Provider", "AzureOpenAI"),
            ("Assistant:AzureOpenAI:Endpoint", "https://example.openai.azure.com/"),
            ("Assistant:AzureOpenAI:Deployment", "gpt"),
            ("Assistant:AzureOpenAI:UseManagedIdentity", "true"));
        using var client = host.CreateClient();

        var reply = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("running", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_EveryAssistantKey_InAllThreeLanguages_AndEveryOfflinePartnerHasNameAndReason()
    {
        var keys = Texts.AllKeys().Where(k => k.StartsWith("Assist", StringComparison.Ordinal)).ToList();
        Assert.True(keys.Count > 90, $"Only {keys.Count} assistant keys.");
        foreach (var language in new[] { Language.Nb, Language.Da })
        {
            Assert.Empty(keys.Except(Texts.KeysIn(language)));
            Assert.All(Samskapelse.Assistant.OfflineAssistant.PartnerCodes, code => Assert.Equal(2, Texts.Alternatives(language, "AssistOffline_Partner_" + code).Count));
        }
    }
}
