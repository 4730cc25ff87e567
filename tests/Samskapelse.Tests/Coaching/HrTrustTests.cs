using Samskapelse.Bot.Coaching;
using Samskapelse.Coaching;
using Samskapelse.Localization;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Coaching;

/// <summary>
/// Issue 14, items 4 and 5: HR learned from the HR team is confirmed against the team roster through the connector
/// (a loopback Bot Connector here), counts only for members of the bot's own tenant who are not guests, and expires;
/// and coaching stays inside a tenant. Each test plays an attack that the roster learned from events alone let through.
/// </summary>
public sealed class HrTrustTests
{
    [Fact]
    public async Task AGuestInTheHrTeam_CannotStartCoaching()
    {
        var (world, roster) = await HrTeamAsync();
        await using var _ = roster;
        var guest = world.Person("29:guest", "Gunnar Gjest", "eeeeeeee-0000-0000-0000-0000000000a1");
        roster.Add(CoachingWorld.HrTeamId, guest.UserId, guest.Account.AadObjectId, CoachingWorld.TenantId, userRole: "guest");

        await guest.SayInTeamAsync("hello", CoachingWorld.HrGroupId);
        var reply = await guest.SayAsync("coaching");

        Assert.Contains(HrOnly, reply.Texts);
        Assert.DoesNotContain(T(Language.En, "CoachStart_Heading"), reply.AllText, StringComparison.Ordinal);
        Assert.True(roster.Lookups > 0, "The roster was asked before anything was granted.");
    }

    [Fact]
    public async Task AMemberOfAnotherTenantInASharedHrChannel_CannotStartCoaching()
    {
        var (world, roster) = await HrTeamAsync();
        await using var _ = roster;
        world.Tenants.AllowedTenants.Add(CoachingWorld.TenantId);
        world.Tenants.AllowedTenants.Add(CoachingWorld.OtherTenantId);
        world.Restart();

        // A member of the shared channel whose home is another tenant: Teams lists them with that tenant.
        var visitor = world.Person("29:visitor", "Vera Besøk", "eeeeeeee-0000-0000-0000-0000000000a2", tenantId: CoachingWorld.OtherTenantId);
        roster.Add(CoachingWorld.HrTeamId, visitor.UserId, visitor.Account.AadObjectId, CoachingWorld.OtherTenantId);

        await visitor.SayInTeamAsync("hello", CoachingWorld.HrGroupId);
        var reply = await visitor.SayAsync("coaching");

        Assert.Contains(HrOnly, reply.Texts);
        Assert.Empty(await world.Journeys.AllIdsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AMemberRemovedFromTheTeam_WhoseRemovalWasMissed_LosesHrOnceTheEntryExpires()
    {
        var (world, roster) = await HrTeamAsync();
        await using var _ = roster;
        var leaver = world.Person("29:leaver", "Lars Slutter", "eeeeeeee-0000-0000-0000-0000000000a3");
        roster.Add(CoachingWorld.HrTeamId, leaver.UserId, leaver.Account.AadObjectId, CoachingWorld.TenantId);
        await leaver.SayInTeamAsync("hello", CoachingWorld.HrGroupId);
        Assert.Contains(T(Language.En, "CoachStart_Heading"), (await leaver.SayAsync("coaching")).AllText, StringComparison.Ordinal);

        // They leave the team; the membersRemoved event never reaches the bot.
        roster.Remove(CoachingWorld.HrTeamId, leaver.UserId);
        world.Time.Advance(world.Options.HrRosterMaxAge + TimeSpan.FromMinutes(1));
        var manager = world.Manager();
        await manager.SayAsync("hi");
        var reply = await leaver.SayAsync("coaching");

        Assert.Contains(HrOnly, reply.Texts);
        var entries = await world.Storage.ReadAsync([PeopleDirectory.HrRosterKey(CoachingWorld.TenantId)], CancellationToken.None);
        Assert.DoesNotContain(leaver.UserId, Newtonsoft.Json.JsonConvert.SerializeObject(entries), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConfirmedMember_StaysHrWithinTheMaxAge_WithoutAskingTheRosterAgain()
    {
        var (world, roster) = await HrTeamAsync();
        await using var _ = roster;
        var member = world.Person("29:member", "Mona Medlem", "eeeeeeee-0000-0000-0000-0000000000a4");
        roster.Add(CoachingWorld.HrTeamId, member.UserId, member.Account.AadObjectId, CoachingWorld.TenantId);
        await member.SayInTeamAsync("hello", CoachingWorld.HrGroupId);
        var lookups = roster.Lookups;

        world.Time.Advance(world.Options.HrRosterMaxAge - TimeSpan.FromMinutes(1));
        await member.SayInTeamAsync("hello again", CoachingWorld.HrGroupId);
        var reply = await member.SayAsync("coaching");

        Assert.Contains(T(Language.En, "CoachStart_Heading"), reply.AllText, StringComparison.Ordinal);
        Assert.Equal(lookups, roster.Lookups);
    }

    [Fact]
    public async Task HrInOneTenant_CannotSeeOrInviteAManagerInAnother()
    {
        var world = new CoachingWorld();
        world.Tenants.AllowedTenants.Add(CoachingWorld.TenantId);
        world.Tenants.AllowedTenants.Add(CoachingWorld.OtherTenantId);
        world.Restart();
        var hr = world.Hr();
        var colleague = world.Person("29:colleague", "Kari Kollega", "bbbbbbbb-0000-0000-0000-0000000000b1");
        var foreign = world.Person("29:foreign", "Frida Fremmed", "bbbbbbbb-0000-0000-0000-0000000000b2", tenantId: CoachingWorld.OtherTenantId);
        await colleague.SayAsync("hi");
        await foreign.SayAsync("hi");

        var start = await hr.SayAsync("coaching");
        var submitted = await hr.PressAsync(T(Language.En, "CoachStart_Submit"), (CoachingFields.Manager, foreign.UserId));

        Assert.Contains("Kari Kollega", start.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Frida Fremmed", start.AllText, StringComparison.Ordinal);
        Assert.Contains(T(Language.En, "Coach_ChooseManager"), submitted.AllText, StringComparison.Ordinal);
        Assert.Empty(await world.Journeys.AllIdsAsync(CancellationToken.None));
        Assert.Empty(foreign.Proactive.Activities);
    }

    [Fact]
    public async Task AJourneyKeepsItsTenant_SoRemindersReachTheManagerThere()
    {
        var world = new CoachingWorld();
        var hr = world.Hr();
        var manager = world.Manager();
        await CoachingJourneyTests.StartAsync(hr, manager);
        await CoachingJourneyTests.AcceptAsync(manager);

        var id = Assert.Single(await world.Journeys.AllIdsAsync(CancellationToken.None));
        Assert.Equal(CoachingWorld.TenantId, (await world.Journeys.FindDocumentAsync(id, CancellationToken.None))?.TenantId);
        var items = await world.Storage.ReadAsync([PeopleDirectory.Key(CoachingWorld.TenantId, manager.UserId), PeopleDirectory.Key(manager.UserId)], CancellationToken.None);
        Assert.Equal([PeopleDirectory.Key(CoachingWorld.TenantId, manager.UserId)], items.Keys);
    }

    private static string HrOnly => T(Language.En, "Coach_HrOnly", Cmd(Language.En, "Cmd_MyCoaching"));

    /// <summary>A world whose HR comes from the HR team (no configured object ids), with the team's roster on a loopback connector.</summary>
    private static async Task<(CoachingWorld World, TeamRosterStub Roster)> HrTeamAsync()
    {
        var world = new CoachingWorld();
        world.Options.HrUserAadObjectIds.Clear();
        world.Options.HrGroupId = CoachingWorld.HrGroupId;
        var roster = await world.UseTeamRosterAsync();
        return (world, roster);
    }
}
