using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Samskapelse.Localization;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Coaching;

namespace Samskapelse.Tests.Coaching;

/// <summary>The Coaching section is bound and checked at start, like the bot's other configuration.</summary>
public sealed class CoachingConfigurationTests
{
    private static WebApplicationFactory<Program> Factory(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Memory");
            builder.UseSetting("MicrosoftAppId", string.Empty);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    [Theory]
    [InlineData("Coaching:HrUserAadObjectIds:0", "hanne@kommune.no", "Coaching:HrUserAadObjectIds")]
    [InlineData("Coaching:HrGroupId", "HR-team", "Coaching:HrGroupId")]
    [InlineData("Coaching:ReminderCheckInterval", "00:00:05", "Coaching:ReminderCheckInterval")]
    public void ABadCoachingSetting_StopsTheBotAtStart_NamingTheKey(string key, string value, string named)
    {
        using var factory = Factory((key, value));
        var error = Record.Exception(() => factory.CreateClient().Dispose());
        var validation = Assert.IsType<OptionsValidationException>(error?.GetBaseException());
        Assert.Contains(named, string.Join(" ", validation.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void TheHrList_IsReadFromConfiguration()
    {
        using var factory = Factory(("Coaching:HrUserAadObjectIds:0", "AAAAAAAA-0000-0000-0000-000000000001"), ("Coaching:HrUserAadObjectIds:1", "aaaaaaaa-0000-0000-0000-000000000002"));
        factory.CreateClient().Dispose();
        var options = factory.Services.GetRequiredService<IOptions<CoachingOptions>>().Value;

        Assert.True(options.IsHrUser("aaaaaaaa-0000-0000-0000-000000000001"));
        Assert.True(options.IsHrUser("AAAAAAAA-0000-0000-0000-000000000002"));
        Assert.False(options.IsHrUser("aaaaaaaa-0000-0000-0000-000000000003"));
        Assert.False(options.IsHrUser(null));
    }

    [Fact]
    public async Task OverHttp_TheWiredBotTakesCoachingCommands_AndRemembersThePersonalChat()
    {
        using var factory = Factory(("Coaching:HrUserAadObjectIds:0", "aaaaaaaa-0000-0000-0000-000000000001"));
        using var client = factory.CreateClient();
        JObject Message(string text, string user, string aad) => new()
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["channelId"] = "msteams",
            ["serviceUrl"] = "https://smba.invalid/",
            ["deliveryMode"] = "expectReplies",
            ["locale"] = "da-DK",
            ["localTimezone"] = "Europe/Copenhagen",
            ["from"] = new JObject { ["id"] = user, ["name"] = "Mette Leder", ["aadObjectId"] = aad },
            ["recipient"] = new JObject { ["id"] = "28:bot", ["name"] = "Samskapelse" },
            ["conversation"] = new JObject { ["id"] = "a:" + user, ["conversationType"] = "personal" },
            ["text"] = text,
        };

        async Task<string> PostAsync(JObject activity)
        {
            using var content = new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
            return await response.Content.ReadAsStringAsync();
        }

        var refused = await PostAsync(Message("vejledning", "29:mette", "bbbbbbbb-0000-0000-0000-000000000002"));
        var hr = await PostAsync(Message("vejledning", "29:hanne", "aaaaaaaa-0000-0000-0000-000000000001"));

        Assert.Contains(Texts.Format(Language.Da, "Coach_HrOnly", Texts.Alternatives(Language.Da, "Cmd_MyCoaching")[0]), JObject.Parse(refused).ToString(), StringComparison.Ordinal);
        Assert.Contains(Texts.Get(Language.Da, "CoachStart_Heading"), hr, StringComparison.Ordinal);
        Assert.Contains("Mette Leder", hr, StringComparison.Ordinal);
        var known = await factory.Services.GetRequiredService<PeopleDirectory>().FindAsync("29:mette", CancellationToken.None);
        Assert.True(known?.Reachable);
        Assert.Equal("Europe/Copenhagen", known?.TimeZone);
    }
}
