using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Planning;

/// <summary>Every bad input gets a clear answer in the user's language and loses nothing already given.</summary>
public sealed class BadInputTests
{
    private static async Task<BotDriver> AtQuestionOneAsync(string name, string locale = "en-US")
    {
        var bot = new BotDriver(new MemoryStorage(), name, locale);
        await bot.SayAsync("start Safe routes");
        await bot.SayAsync("A first goal");
        await bot.PressAsync(T(Languages.FromLocale(locale), "Action_Back"));
        return bot;
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public async Task EmptyOrWhitespaceAnswer_IsRefused_AndThePreviousAnswerStays(string locale, Language language)
    {
        var bot = await AtQuestionOneAsync(nameof(EmptyOrWhitespaceAnswer_IsRefused_AndThePreviousAnswerStays) + locale, locale);

        var reply = await bot.PressAsync(T(language, "Action_Next"), ("answer", "   \n "));

        Assert.Contains(T(language, "Error_EmptyAnswer"), reply.AllText);
        Assert.Contains(T(language, "Question_1_Text"), reply.AllText);
        Assert.Equal("A first goal", (await GuidedPlanningTests.SinglePlanAsync(bot)).Goal);
    }

    [Fact]
    public async Task AnswerOverTheLimit_SaysTheLimit_AndKeepsThePreviousAnswer()
    {
        var bot = await AtQuestionOneAsync(nameof(AnswerOverTheLimit_SaysTheLimit_AndKeepsThePreviousAnswer));
        var tooLong = new string('a', PlanLimits.AnswerLength + 1);

        var reply = await bot.PressAsync("Next", ("answer", tooLong));

        Assert.Contains(T(Language.En, "Error_TooLong", PlanLimits.AnswerLength + 1, PlanLimits.AnswerLength), reply.AllText);
        Assert.Equal("A first goal", (await GuidedPlanningTests.SinglePlanAsync(bot)).Goal);
    }

    [Fact]
    public async Task TitleOverTheLimit_ShowsTheSetupCardAgainWithTheLimit()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(TitleOverTheLimit_ShowsTheSetupCardAgainWithTheLimit));
        var reply = await bot.SayAsync("start " + new string('t', PlanLimits.TitleLength + 5));

        Assert.Contains(T(Language.En, "Error_TooLong", PlanLimits.TitleLength + 5, PlanLimits.TitleLength), reply.AllText);
        Assert.Contains(T(Language.En, "Setup_TitleLabel"), reply.AllText);
        var fixedTitle = await bot.SayAsync("Short title");
        Assert.Contains(T(Language.En, "Plan_Created", "Short title"), fixedTitle.AllText);
    }

    [Fact]
    public async Task SameCardSubmittedTwice_IsTakenOnce()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(SameCardSubmittedTwice_IsTakenOnce));
        await bot.SayAsync("start Twice");
        await bot.SayAsync("Goal");
        var partnersCard = bot.LastInputCard!;

        await bot.PressOnAsync(partnersCard, "Add partner", ("name", "Red Cross"));
        var second = await bot.PressOnAsync(partnersCard, "Add partner", ("name", "Red Cross"));

        Assert.Empty(second.Activities);
        Assert.Single((await GuidedPlanningTests.SinglePlanAsync(bot)).Partners);
    }

    [Fact]
    public async Task ADoubleClick_TakesTheAnswerOnce_AndSaysNothingMore()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(ADoubleClick_TakesTheAnswerOnce_AndSaysNothingMore));
        await bot.SayAsync("start Double click");
        var questionOne = bot.LastInputCard!;

        var first = await bot.PressOnAsync(questionOne, "Next", ("answer", "The goal"));
        var second = await bot.PressOnAsync(questionOne, "Next", ("answer", "The goal"));

        Assert.Contains(T(Language.En, "Question_2_Text"), first.AllText);
        Assert.Empty(second.Activities);
        Assert.Equal("The goal", (await GuidedPlanningTests.SinglePlanAsync(bot)).Goal);
    }

    [Fact]
    public async Task CardFromAnEarlierStep_IsStale_AndTheCurrentQuestionIsShown()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(CardFromAnEarlierStep_IsStale_AndTheCurrentQuestionIsShown));
        await bot.SayAsync("start Steps");
        var questionOne = bot.LastInputCard!;
        await bot.SayAsync("The goal");

        var stale = await bot.PressOnAsync(questionOne, "Next", ("answer", "An overwritten goal"));

        Assert.Contains(T(Language.En, "Error_StaleCard"), stale.Texts);
        Assert.Contains(T(Language.En, "Question_2_Text"), stale.AllText);
        Assert.Equal("The goal", (await GuidedPlanningTests.SinglePlanAsync(bot)).Goal);
    }

    [Theory]
    [InlineData("""{"answer":"no verb"}""")]
    [InlineData("""{"verb":"answer.submit","card":"seven"}""")]
    [InlineData("""{"verb":42}""")]
    [InlineData("\"just a string\"")]
    public async Task MalformedSubmit_IsRefusedPolitely_AndTheQuestionIsShownAgain(string value)
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(MalformedSubmit_IsRefusedPolitely_AndTheQuestionIsShownAgain) + value.GetHashCode(StringComparison.Ordinal));
        await bot.SayAsync("start Malformed");

        var reply = await bot.SubmitAsync(JToken.Parse(value));

        Assert.Contains(T(Language.En, "Error_MalformedSubmit"), reply.Texts);
        Assert.Contains(T(Language.En, "Question_1_Text"), reply.AllText);
        Assert.Null((await GuidedPlanningTests.SinglePlanAsync(bot)).Goal);
    }

    [Fact]
    public async Task UnknownVerbOnACard_ChangesNothing()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(UnknownVerbOnACard_ChangesNothing));
        await bot.SayAsync("start Unknown verb");
        var reply = await bot.SubmitAsync(new JObject { ["verb"] = "plan.explode", ["card"] = "1" });
        Assert.Contains(T(Language.En, "Error_UnknownAction"), reply.Texts);
    }

    [Theory]
    [InlineData("halp", "help")]
    [InlineData("plnas", "plans")]
    [InlineData("hjelpp", "help")]
    public async Task MistypedCommand_WithNoPlanOpen_SuggestsTheClosest(string typed, string suggestion)
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(MistypedCommand_WithNoPlanOpen_SuggestsTheClosest) + typed);
        var reply = await bot.SayAsync(typed);
        Assert.Contains(T(Language.En, "Unknown_DidYouMean", typed, suggestion), reply.AllText);
    }

    [Fact]
    public async Task FreeTextWithNoPlanOpen_SaysHowToBegin()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(FreeTextWithNoPlanOpen_SaysHowToBegin), "da-DK");
        var reply = await bot.SayAsync("Vi vil gerne have flere frivillige i ældreplejen");
        Assert.Contains(T(Language.Da, "Unknown_Command", "start", "hjælp"), reply.Texts);
    }

    [Fact]
    public async Task OnlyAnAttachmentOrSticker_IsExplained_AndTheAnswerIsNotTouched()
    {
        var bot = await AtQuestionOneAsync(nameof(OnlyAnAttachmentOrSticker_IsExplained_AndTheAnswerIsNotTouched));
        var activity = new Activity(ActivityTypes.Message)
        {
            Attachments = [new Attachment("image/png", "https://example.invalid/sticker.png")],
            From = new ChannelAccount("user-1", "Kari Nordmann"),
            Recipient = new ChannelAccount("bot-id", "Samskapelse"),
            Conversation = new ConversationAccount(id: nameof(OnlyAnAttachmentOrSticker_IsExplained_AndTheAnswerIsNotTouched), conversationType: "personal"),
            ChannelId = "msteams",
            ServiceUrl = "https://test.invalid/",
        };

        var reply = await bot.SendAsync(activity);

        Assert.Contains(T(Language.En, "Error_NothingToRead"), reply.Texts);
        Assert.Equal("A first goal", (await GuidedPlanningTests.SinglePlanAsync(bot)).Goal);
    }

    [Fact]
    public async Task YesWithNothingToConfirm_IsAnAnswer_NotADeletion()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(YesWithNothingToConfirm_IsAnAnswer_NotADeletion));
        await bot.SayAsync("start Keep me");
        await bot.SayAsync("yes");
        Assert.Equal("yes", (await GuidedPlanningTests.SinglePlanAsync(bot)).Goal);
    }

    [Fact]
    public async Task DuplicatePartnerAndFullList_AreRefusedWithTheReason()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(DuplicatePartnerAndFullList_AreRefusedWithTheReason));
        await bot.SayAsync("start Lists");
        await bot.SayAsync("Goal");
        await bot.SayAsync("Red Cross");
        var duplicate = await bot.SayAsync("red cross");
        Assert.Contains(T(Language.En, "Error_Duplicate", "red cross"), duplicate.AllText);

        var many = string.Join("\n", Enumerable.Range(1, PlanLimits.Partners + 3).Select(i => $"Partner {i}"));
        var full = await bot.SayAsync(many);
        Assert.Contains(T(Language.En, "Error_ListFull", PlanLimits.Partners), full.AllText);
        Assert.Equal(PlanLimits.Partners, (await GuidedPlanningTests.SinglePlanAsync(bot)).Partners.Count);
    }

    [Fact]
    public async Task DeletingAnotherUsersPlanByItsId_IsImpossible()
    {
        var storage = new MemoryStorage();
        var owner = new BotDriver(storage, "owner-chat", userId: "owner");
        await owner.SayAsync("start Owner's plan");
        var ownerPlanId = (await GuidedPlanningTests.PlanIdsAsync(owner, "owner")).Single();

        var other = new BotDriver(storage, "other-chat", userId: "intruder");
        var reply = await other.SubmitAsync(new JObject { ["verb"] = "plan.delete", ["plan"] = ownerPlanId });
        await other.SayAsync("yes");

        Assert.Contains(T(Language.En, "Plans_None", "start"), reply.Texts);
        Assert.NotNull(await owner.Plans.FindAsync(ownerPlanId, default));
    }
}
