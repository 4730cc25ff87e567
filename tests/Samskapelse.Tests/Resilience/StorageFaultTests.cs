using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Resilience;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Tests.Planning;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Resilience;

/// <summary>A storage fault in a turn: the user is told in their language, and their answer is kept and lands in the plan on "retry".</summary>
public sealed class StorageFaultTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly FaultingStorage faults = new();
    private readonly StorageFaultMiddleware guard;

    public StorageFaultTests() =>
        guard = new StorageFaultMiddleware(new PendingAnswers(time, Options.Create(new ResilienceOptions())), NullLogger<StorageFaultMiddleware>.Instance);

    private BotDriver Driver(string conversation, string locale = "en-US") =>
        new(GuardedStorage.Wrap(faults), conversation, locale, time: time, middleware: [guard]);

    private static async Task ToFirstQuestionAsync(BotDriver bot, Language language)
    {
        await bot.SayAsync(Cmd(language, "Cmd_Start"));
        var q1 = await bot.PressAsync(T(language, "Action_StartPlanning"), ("title", "Ungdommens hus"));
        Assert.Contains(T(language, "Question_1_Text"), q1.AllText);
    }

    [Fact]
    public async Task TypedAnswer_WhileWritesFailTwice_IsKept_AndLandsInThePlanOnTheSecondRetry()
    {
        var bot = Driver(nameof(TypedAnswer_WhileWritesFailTwice_IsKept_AndLandsInThePlanOnTheSecondRetry));
        await ToFirstQuestionAsync(bot, Language.En);
        faults.FailWrites(2);

        var failed = await bot.SayAsync("A meeting place young people run with us");
        Assert.Equal([T(Language.En, "Storage_Unavailable_AnswerKept", "retry")], failed.Texts);
        Assert.Null((await GuidedPlanningTests.SinglePlanAsync(bot)).Goal);

        var failedAgain = await bot.SayAsync("retry");
        Assert.Equal([T(Language.En, "Storage_Unavailable_AnswerKept", "retry")], failedAgain.Texts);

        var retried = await bot.SayAsync("retry");
        Assert.Contains(T(Language.En, "Question_2_Text"), retried.AllText);
        Assert.Equal("A meeting place young people run with us", (await GuidedPlanningTests.SinglePlanAsync(bot)).Goal);
        Assert.Equal([T(Language.En, "Storage_NothingToRetry")], (await bot.SayAsync("retry")).Texts);
    }

    [Fact]
    public async Task CardSubmit_WhenTheStateCannotBeRead_IsKept_AndRetriedInNorwegian()
    {
        var bot = Driver(nameof(CardSubmit_WhenTheStateCannotBeRead_IsKept_AndRetriedInNorwegian), "nb-NO");
        await bot.SayAsync(Cmd(Language.Nb, "Cmd_Start"));
        faults.FailReads(1);

        var failed = await bot.PressAsync(T(Language.Nb, "Action_StartPlanning"), ("title", "Ungdommens hus"));
        Assert.Equal([T(Language.Nb, "Storage_Unavailable_AnswerKept", Cmd(Language.Nb, "Cmd_Retry"))], failed.Texts);

        var retried = await bot.SayAsync(Cmd(Language.Nb, "Cmd_Retry"));
        Assert.Contains(T(Language.Nb, "Question_1_Text"), retried.AllText);
        Assert.Equal("Ungdommens hus", (await GuidedPlanningTests.SinglePlanAsync(bot)).Title);
    }

    [Fact]
    public async Task TheSameAnswerSentAgainByHand_IsNotAppliedTwice()
    {
        var bot = Driver(nameof(TheSameAnswerSentAgainByHand_IsNotAppliedTwice));
        await ToFirstQuestionAsync(bot, Language.En);
        faults.FailWrites(1);
        await bot.SayAsync("Our goal");

        var resent = await bot.SayAsync("Our goal");

        Assert.Contains(T(Language.En, "Question_2_Text"), resent.AllText);
        Assert.Equal([T(Language.En, "Storage_NothingToRetry")], (await bot.SayAsync("retry")).Texts);
        Assert.Equal("Our goal", (await GuidedPlanningTests.SinglePlanAsync(bot)).Goal);
    }

    [Fact]
    public async Task CardAction_DuringAFault_GetsAnInvokeResponseAskingToPressAgain()
    {
        var bot = Driver(nameof(CardAction_DuringAFault_GetsAnInvokeResponseAskingToPressAgain), "da-DK");
        faults.FailReads(5);

        var replies = await bot.InvokeAsync("review.sign", new JObject { ["plan"] = "p1" });

        var response = Assert.IsType<InvokeResponse>(replies.InvokeResponse);
        Assert.Equal(200, response.Status);
        var body = Assert.IsType<Microsoft.Bot.Schema.AdaptiveCardInvokeResponse>(response.Body);
        Assert.Equal(T(Language.Da, "Storage_Unavailable_PressAgain"), body.Value);
    }

    [Fact]
    public async Task TheGuard_TurnsStoreFaultsIntoStorageUnavailable_ButLeavesETagConflictsToThePlanStore()
    {
        var guarded = GuardedStorage.Wrap(faults);
        faults.FailReads(1);
        var fault = await Assert.ThrowsAsync<StorageUnavailableException>(() => guarded.ReadAsync(["plans/p1"]));
        Assert.IsType<IOException>(fault.InnerException);

        var memory = GuardedStorage.Wrap(new MemoryStorage());
        await memory.WriteAsync(new Dictionary<string, object> { ["plans/p1"] = new Samskapelse.Bot.Storage.PlanDocument { Plan = SamplePlans.Typical() } });
        var conflict = await Assert.ThrowsAsync<ArgumentException>(() => memory.WriteAsync(new Dictionary<string, object> { ["plans/p1"] = new Samskapelse.Bot.Storage.PlanDocument { Plan = SamplePlans.Typical(), ETag = "stale" } }));
        Assert.True(Samskapelse.Bot.Storage.ETagConflictException.IsConflict(conflict));
    }
}
