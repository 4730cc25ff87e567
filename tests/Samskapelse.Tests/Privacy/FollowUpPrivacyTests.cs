using System.Text.Json;
using Samskapelse.Bot.Privacy;
using Samskapelse.Bot.Storage;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Review;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Privacy;

/// <summary>Follow-up entries are their author's personal data: indexed, exported, and anonymised on deletion.</summary>
public sealed class FollowUpPrivacyTests
{
    private const string EvaId = "29:eva-19ab";
    private const string EvaName = "Eva Oppfølger";

    private static FollowUpEntry Entry(string id, string userId, string name, string text, DateTimeOffset at) =>
        new(id, FollowUpSubject.Partner, "p1", "Sports club", text, new Actor(userId, "aad-" + userId, name), at);

    [Fact]
    public async Task AFollowUpAuthor_IsIndexed_AndTheirExportHoldsTheirEntries_AndTheOwnersHoldsTheWholeHistory()
    {
        var world = await PrivacyWorld.CreateAsync(new ListingMemoryStorage(TimeProvider.System));
        var at = world.Time.GetUtcNow();
        await world.Kari.Plans.UpdateAsync(world.KariPlanId, p => p with { FollowUps = [Entry("f1", "29:kari", "Kari Leder", "Met twice", at), Entry("f2", EvaId, EvaName, "Eva saw the hall open", at)] }, default);

        var index = await new PersonIndex(world.Storage).ReadAsync(EvaId, default);
        Assert.Contains(world.KariPlanId, index!.PlanIds);

        var eva = await ExportAsync(world, new DataSubject(EvaId, null), "personal-eva");
        var contribution = Assert.Single(eva.GetProperty("contributionsToOtherPlans").EnumerateArray());
        var entry = Assert.Single(contribution.GetProperty("yourFollowUps").EnumerateArray());
        Assert.Equal("Eva saw the hall open", entry.GetProperty("text").GetString());
        Assert.Equal("Sports club", entry.GetProperty("name").GetString());
        Assert.DoesNotContain("Met twice", contribution.GetRawText(), StringComparison.Ordinal);

        var kari = await ExportAsync(world, new DataSubject("29:kari", null), "personal-kari");
        var owned = Assert.Single(kari.GetProperty("plansYouOwn").EnumerateArray());
        Assert.Equal(["Met twice", "Eva saw the hall open"], owned.GetProperty("followUps").EnumerateArray().Select(f => f.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task DeleteMyData_LeavesTheirFollowUpInThePlansHistory_UnderAFormerParticipant_AndTheirNameNowhere()
    {
        var world = await PrivacyWorld.CreateAsync(new ListingMemoryStorage(TimeProvider.System));
        var at = world.Time.GetUtcNow();
        await world.Kari.Plans.UpdateAsync(world.KariPlanId, p => p with { FollowUps = [Entry("f1", PrivacyWorld.AnnaId, PrivacyWorld.AnnaName, "The club opened the hall", at)] }, default);

        var asked = await world.Anna.SayAsync("delete my data");
        await world.Anna.PressOnAsync(asked.Cards.Single(), T(Language.En, "Action_DeleteMyDataYes"));

        var plan = (await world.Kari.Plans.FindAsync(world.KariPlanId, default))!;
        var kept = Assert.Single(plan.FollowUps);
        Assert.True(kept.By.IsMarker());
        Assert.Equal(("The club opened the hall", at), (kept.Text, kept.At));
        foreach (var (key, value) in await world.WholeStoreAsync())
        {
            foreach (var trace in new[] { PrivacyWorld.AnnaId, PrivacyWorld.AnnaName })
            {
                Assert.False(key.Contains(trace, StringComparison.Ordinal) || value.Contains(trace, StringComparison.Ordinal), $"'{trace}' remains in {key}");
            }
        }
    }

    [Fact]
    public void Without_TouchesOnlyTheSubjectsEntries_AndLeavesAPlanTheyNeverFollowedUpAsItIs()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var plan = SamplePlans.Typical() with { FollowUps = [Entry("f1", "user-1", "Kari Nordmann", "Owner's note", at), Entry("f2", EvaId, EvaName, "Eva's note", at)] };
        var eva = new DataSubject(EvaId, null);

        var without = plan.Without(eva);

        Assert.Equal("Kari Nordmann", without.FollowUps[0].By.Name);
        Assert.True(without.FollowUps[1].By.IsMarker());
        Assert.Equal(["Owner's note", "Eva's note"], without.FollowUps.Select(f => f.Text));
        Assert.Same(without, without.Without(eva));
        Assert.Contains(EvaId, PersonIndex.PeopleIn(plan));
        Assert.DoesNotContain(EvaId, PersonIndex.PeopleIn(without));
    }

    private static async Task<JsonElement> ExportAsync(PrivacyWorld world, DataSubject subject, string conversationId)
    {
        var bytes = await world.Anna.Privacy!.Export.BuildAsync(new PersonalDataScope("msteams", conversationId), subject, default);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }
}
