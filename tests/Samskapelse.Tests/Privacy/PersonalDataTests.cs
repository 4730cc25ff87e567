using System.Text.Json;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Privacy;
using Samskapelse.Bot.Storage;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Review;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Privacy;

/// <summary>"my data" and "delete my data": what the export holds, and that nothing about the person remains after deletion.</summary>
public sealed class PersonalDataTests : IDisposable
{
    private static readonly DataSubject Anna = new(PrivacyWorld.AnnaId, null);

    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    public static TheoryData<string> Stores => new() { "memory", "sqlite" };

    private Microsoft.Bot.Builder.IStorage Store(string kind) =>
        kind == "sqlite" ? new SqliteStorage(database.Path, TimeProvider.System) : new ListingMemoryStorage(TimeProvider.System);

    private static async Task<JsonElement> ExportAsync(PrivacyWorld world, string conversationId = "personal-anna")
    {
        var bytes = await world.Anna.Privacy!.Export.BuildAsync(new PersonalDataScope("msteams", conversationId), Anna, default);
        return JsonDocument.Parse(bytes).RootElement.Clone();
    }

    private static JObject DownloadButton(JObject card) =>
        CardReader.Actions(card).Single(a => (string?)a["type"] == "Action.OpenUrl");

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task MyData_InEachLanguage_ExplainsWhatIsStored_WithASignedShortLivedLinkForThisUserOnly(string locale, Language language)
    {
        var bot = new BotDriver(new ListingMemoryStorage(TimeProvider.System), "personal-" + locale, locale, privacy: true);
        await bot.SayAsync(Cmd(language, "Cmd_Start") + " Plan " + locale);

        var replies = await bot.SayAsync(Cmd(language, "Cmd_MyData"));

        var card = Assert.Single(replies.Cards);
        var text = CardReader.AllText(card);
        Assert.Contains(T(language, "Privacy_ExportHeading"), text);
        Assert.Contains(T(language, "Privacy_ExportStored"), text);
        var button = DownloadButton(card);
        Assert.Equal(T(language, "Action_DownloadMyData"), (string?)button["title"]);
        var url = (string)button["url"]!;
        Assert.StartsWith("https://bot.example.test/documents/", url, StringComparison.Ordinal);
        var check = bot.Privacy!.Signer.Read(url[url.LastIndexOf('/')..].TrimStart('/'));
        Assert.Equal(Samskapelse.Bot.Documents.LinkStatus.Valid, check.Status);
        Assert.Equal((PlanExport.PersonalData, "user-1", language), (check.Link!.Export, check.Link.ReaderId, check.Link.Language));
        Assert.Equal(bot.Time.GetUtcNow() + PrivacyWiring.LinkOptions.LinkLifetime, check.Link.ExpiresAt);
        Assert.Equal(new PersonalDataScope("msteams", "personal-" + locale), PersonalDataScope.Decode(check.Link.PlanId));

        // Nothing changed: the plan is still open where it was.
        Assert.Single(await bot.Plans.FindManyAsync(await Planning.GuidedPlanningTests.PlanIdsAsync(bot), default));
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task Help_NamesBothPrivacyCommands_InTheUsersLanguage(string locale, Language language)
    {
        var bot = new BotDriver(new ListingMemoryStorage(TimeProvider.System), "help-" + locale, locale, privacy: true);
        var help = (await bot.SayAsync(Cmd(language, "Cmd_Help"))).AllText;
        Assert.Contains(Cmd(language, "Cmd_MyData"), help);
        Assert.Contains(T(language, "Help_MyData"), help);
        Assert.Contains(Cmd(language, "Cmd_DeleteMyData"), help);
        Assert.Contains(T(language, "Help_DeleteMyData"), help);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Export_HoldsSettingsPlansAssistantContributionsChatsAndCoaching_OnlyTheirOwnEntriesInOthersPlans(string store)
    {
        var world = await PrivacyWorld.CreateAsync(Store(store));

        var export = await ExportAsync(world);
        var json = export.GetRawText();

        Assert.Equal(PrivacyWorld.AnnaId, export.GetProperty("yourTeamsUserId").GetString());
        Assert.Equal([world.AnnaPlanId], export.GetProperty("yourSettingsAndPlanList").GetProperty("planIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(world.AnnaPlanId, export.GetProperty("whereYouAreInTheConversation").GetProperty("activePlanId").GetString());

        var own = Assert.Single(export.GetProperty("plansYouOwn").EnumerateArray());
        Assert.Equal("Anna's reading circle", own.GetProperty("title").GetString());
        Assert.Equal("Readers meet in the library every week", own.GetProperty("goal").GetString());
        Assert.Equal(321, Assert.Single(export.GetProperty("assistantDataForYourPlans").EnumerateArray()).GetProperty("tokensUsed").GetInt32());

        var contribution = Assert.Single(export.GetProperty("contributionsToOtherPlans").EnumerateArray());
        Assert.Equal(world.KariPlanId, contribution.GetProperty("planId").GetString());
        Assert.True(contribution.GetProperty("youAreCoOwner").GetBoolean());
        Assert.Single(contribution.GetProperty("youSignedTheCodeOfConductAt").EnumerateArray());
        Assert.Equal("Anna thinks Friday is too late", Assert.Single(contribution.GetProperty("yourComments").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("Anna's book club", Assert.Single(contribution.GetProperty("yourProposals").EnumerateArray()).GetProperty("text").GetString());
        var vote = Assert.Single(contribution.GetProperty("yourVotes").EnumerateArray());
        Assert.True(vote.GetProperty("inFavour").GetBoolean());
        Assert.Equal("Safe evenings", vote.GetProperty("alliance").GetString());

        // Only Anna's own entries: nothing Bo or Kari did in Kari's plan, and none of Kari's answers.
        Assert.DoesNotContain("Bo likes it", json, StringComparison.Ordinal);
        Assert.DoesNotContain("29:bo", json, StringComparison.Ordinal);
        Assert.DoesNotContain("A meeting place run with the young", json, StringComparison.Ordinal);

        Assert.Equal(PrivacyWorld.Group, Assert.Single(export.GetProperty("chatsWhereYouAppear").EnumerateArray()).GetProperty("conversationId").GetString());
        var coaching = export.GetProperty("coaching");
        Assert.Equal("Europe/Oslo", coaching.GetProperty("howTheBotKnowsYou").GetProperty("timeZone").GetString());
        var journey = Assert.Single(coaching.GetProperty("yourCoachingJourneys").EnumerateArray());
        Assert.Equal(PrivacyWorld.AnnaName, journey.GetProperty("name").GetString());
        Assert.Equal("Hege HR", journey.GetProperty("startedBy").GetString());
    }

    [Fact]
    public async Task Export_IsIndentedUtf8Json_WithTheLettersAsTheyAre()
    {
        var storage = new ListingMemoryStorage(TimeProvider.System);
        var bot = new BotDriver(storage, "letters", "nb-NO", userId: "29:bjørn", userName: "Bjørn Ærøy", privacy: true);
        await bot.SayAsync("start Fælles gårdhave på Ærø");

        var bytes = await bot.Privacy!.Export.BuildAsync(new PersonalDataScope("msteams", "letters"), new DataSubject("29:bjørn", null), default);
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Contains("\"title\": \"Fælles gårdhave på Ærø\"", text, StringComparison.Ordinal);
        Assert.Contains("\n  \"plansYouOwn\": [", text, StringComparison.Ordinal);
        Assert.DoesNotContain("partnersOutside", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task DeleteMyData_Confirmed_LeavesNothingAboutThem_AndOthersKeepTheirCountsAndWords(string store)
    {
        var world = await PrivacyWorld.CreateAsync(Store(store));
        var before = await world.WholeStoreAsync();
        Assert.Contains(before.Values, v => v.Contains(PrivacyWorld.AnnaName, StringComparison.Ordinal));

        var asked = await world.Anna.SayAsync("delete my data");
        var confirm = Assert.Single(asked.Cards);
        Assert.Contains(T(Language.En, "Privacy_DeleteBody"), CardReader.AllText(confirm));
        var done = await world.Anna.PressOnAsync(confirm, T(Language.En, "Action_DeleteMyDataYes"));

        Assert.Equal([T(Language.En, "Privacy_Deleted", 1, 1)], done.Texts);

        // The export finds nothing any more.
        var export = await ExportAsync(world);
        Assert.False(export.TryGetProperty("yourSettingsAndPlanList", out _));
        Assert.False(export.TryGetProperty("whereYouAreInTheConversation", out _));
        Assert.Empty(export.GetProperty("plansYouOwn").EnumerateArray());
        Assert.Empty(export.GetProperty("assistantDataForYourPlans").EnumerateArray());
        Assert.Empty(export.GetProperty("contributionsToOtherPlans").EnumerateArray());
        Assert.Empty(export.GetProperty("chatsWhereYouAppear").EnumerateArray());
        Assert.False(export.TryGetProperty("coaching", out _));

        // Nowhere in the whole store: not the id, not the name, not the comment.
        foreach (var (key, value) in await world.WholeStoreAsync())
        {
            foreach (var trace in new[] { PrivacyWorld.AnnaId, PrivacyWorld.AnnaName, "aad-anna", "Anna thinks Friday", "Anna's book club", "Anna's reading circle" })
            {
                Assert.False(key.Contains(trace, StringComparison.Ordinal) || value.Contains(trace, StringComparison.Ordinal), $"'{trace}' remains in {key}");
            }
        }

        // Kari's plan keeps the counts and Bo's words.
        var plan = (await world.Kari.Plans.FindAsync(world.KariPlanId, default))!;
        Assert.Equal(2, plan.Review.Signatures.Count);
        Assert.Single(plan.Review.Signatures, s => s.By.IsMarker());
        Assert.Equal(2, plan.Review.Votes.Count);
        Assert.Single(plan.Review.Votes, v => v.By.IsMarker() && v.InFavour);
        Assert.Equal(["Bo likes it"], plan.Review.Comments.Select(c => c.Text));
        Assert.Empty(plan.Review.Proposals);
        Assert.Empty(plan.Review.CoOwnerIds);

        // Its posted card was brought up to date without her, and names a former participant instead.
        var update = world.Anna.Updates.Last(u => u.Id == world.CardId);
        var shown = CardReader.AllText(CardReader.Card(update.Attachments[0].Content));
        Assert.Contains(T(Language.En, "Review_FormerParticipant"), shown);
        Assert.DoesNotContain(PrivacyWorld.AnnaName, shown, StringComparison.Ordinal);

        // The coaching journey stays as HR's record, without her answers or her name.
        var journey = (await world.Anna.Privacy!.Journeys.FindAsync("journey-anna", default))!;
        Assert.True(journey.Answers.IsEmpty);
        Assert.Equal("Hege HR", journey.Hr.Name);
    }

    [Fact]
    public async Task OwnerDeletesTheirData_TheirPlanGoes_AndItsSharedCardSaysItWasDeleted()
    {
        var world = await PrivacyWorld.CreateAsync(new ListingMemoryStorage(TimeProvider.System));

        var asked = await world.Kari.SayAsync("delete my data");
        await world.Kari.PressOnAsync(asked.Cards.Single(), T(Language.En, "Action_DeleteMyDataYes"));

        Assert.Null(await world.Kari.Plans.FindAsync(world.KariPlanId, default));
        var update = world.Kari.Updates.Last(u => u.Id == world.CardId);
        var shown = CardReader.AllText(CardReader.Card(update.Attachments[0].Content));
        Assert.Contains(T(Language.En, "Privacy_PlanDeletedHeading"), shown);
        Assert.DoesNotContain("Youth house", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Kari", shown, StringComparison.Ordinal);

        // An action on the old card is answered clearly.
        var late = await world.Bo.InvokeAsync(ReviewVerbs.Sign, new JObject { ["plan"] = world.KariPlanId, ["kind"] = "Plan", ["version"] = "1" }, world.CardId);
        Assert.Equal(T(Language.En, "Review_NotSharedHere"), (string?)JObject.FromObject(late.InvokeResponse!.Body)["value"]);

        // The bot starts afresh with her.
        var plans = await world.Kari.SayAsync("plans");
        Assert.Contains(T(Language.En, "Plans_None", "start"), plans.AllText);
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task DeleteMyData_InEachLanguage_NoKeepsEverything_YesConfirmsInTheLanguage(string locale, Language language)
    {
        var storage = new ListingMemoryStorage(TimeProvider.System);
        var bot = new BotDriver(storage, "delete-" + locale, locale, privacy: true);
        await bot.SayAsync(Cmd(language, "Cmd_Start") + " Plan " + locale);
        var planId = (await Planning.GuidedPlanningTests.PlanIdsAsync(bot)).Single();

        var asked = await bot.SayAsync(Cmd(language, "Cmd_DeleteMyData"));
        var card = Assert.Single(asked.Cards);
        Assert.Contains(T(language, "Privacy_DeleteHeading"), CardReader.AllText(card));
        var no = await bot.PressOnAsync(card, T(language, "Action_DeleteMyDataNo"));
        Assert.Equal([T(language, "Privacy_DeleteCancelled")], no.Texts);
        Assert.NotNull(await bot.Plans.FindAsync(planId, default));

        var yes = await bot.PressOnAsync(card, T(language, "Action_DeleteMyDataYes"));
        Assert.Equal([T(language, "Privacy_Deleted", 1, 0)], yes.Texts);
        Assert.Null(await bot.Plans.FindAsync(planId, default));

        // Only the store's mark that its person index is complete, which names nobody.
        Assert.Equal([PersonIndexBackfill.DoneKey], (await storage.ListAsync(string.Empty).ToListAsync()).Select(k => k.Key));
    }

    [Fact]
    public async Task AnOldConfirmationCard_DeletesNothing_AndSaysHowToAskAgain()
    {
        var storage = new ListingMemoryStorage(TimeProvider.System);
        var bot = new BotDriver(storage, "old-card", "nb-NO", privacy: true);
        await bot.SayAsync("start Gammel plan");
        var card = (await bot.SayAsync("slett mine data")).Cards.Single();

        bot.Time.Advance(PrivacyDesk.ConfirmationLifetime + TimeSpan.FromMinutes(1));
        var late = await bot.PressOnAsync(card, T(Language.Nb, "Action_DeleteMyDataYes"));

        Assert.Equal([T(Language.Nb, "Privacy_DeleteExpired", "slett mine data")], late.Texts);
        Assert.Single(await storage.ListAsync("plans/").ToListAsync());
    }
}
