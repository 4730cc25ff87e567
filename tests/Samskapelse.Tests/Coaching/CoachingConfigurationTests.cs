using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
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
}
