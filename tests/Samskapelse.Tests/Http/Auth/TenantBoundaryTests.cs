using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Tests.Http.Auth;

/// <summary>
/// Issue 14, item 5: the bot serves only the tenants in Bot:AllowedTenants (here one). An activity with a valid
/// channel token from any other tenant, or naming two tenants or none, is refused with 403 before a turn: nothing is
/// stored, and the log names the tenant and nothing else.
/// </summary>
[Collection(BotHostTests.Name)]
public sealed class TenantBoundaryTests(AuthenticatedBotFixture fixture) : IClassFixture<AuthenticatedBotFixture>
{
    private const int TenantRefusedEvent = 1111;
    private const string OtherTenant = "99999999-8888-4777-8666-555544443333";

    public static TheoryData<string> Refused => ["another tenant", "two tenants", "no tenant"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AnActivityFromATenantTheBotDoesNotServe_Is403_StoresNothing_AndLogsOnlyTheTenant(string attack)
    {
        var t = fixture.Context("tenant-" + Guid.NewGuid().ToString("N"));
        var activity = t.Activity();
        switch (attack)
        {
            case "another tenant":
                activity["conversation"]!["tenantId"] = OtherTenant;
                activity["channelData"]!["tenant"]!["id"] = OtherTenant;
                break;
            case "two tenants":
                activity["channelData"]!["tenant"]!["id"] = OtherTenant;
                break;
            default:
                ((JObject)activity["conversation"]!).Remove("tenantId");
                activity.Remove("channelData");
                break;
        }

        fixture.Logs.Clear();
        var (status, body) = await AuthenticatedBotFixture.PostAsync(fixture.Bot.Server, t.Bearer(t.Valid(), activity));

        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.Equal(string.Empty, body);
        Assert.DoesNotContain(fixture.Storage.Operations, operation => operation.Contains(t.Conversation, StringComparison.Ordinal) || operation.Contains(t.User, StringComparison.Ordinal));
        var refused = Assert.Single(fixture.Logs.Entries, log => log.EventId.Id == TenantRefusedEvent);
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.DoesNotContain(t.User, refused.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(t.Conversation, refused.Text, StringComparison.Ordinal);
        if (attack == "another tenant")
        {
            Assert.Contains(OtherTenant, refused.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnActivityFromTheBotsOwnTenant_GetsATurn_StoredUnderItsTenant()
    {
        var t = fixture.Context("tenant-own-" + Guid.NewGuid().ToString("N"));

        var (status, _) = await AuthenticatedBotFixture.PostAsync(fixture.Bot.Server, t.Bearer(t.Valid()));

        Assert.Equal(StatusCodes.Status200OK, status);
        // The old key is only looked at (state from before the tenant went into the keys), never written.
        Assert.Contains("write " + $"msteams/tenants/{AuthenticatedBotFixture.TenantId}/conversations/{t.Conversation}", fixture.Storage.Operations);
        Assert.DoesNotContain("write " + $"msteams/conversations/{t.Conversation}", fixture.Storage.Operations);
    }
}
