using Microsoft.Bot.Builder;
using Microsoft.Extensions.Time.Testing;
using Samskapelse.Bot.Storage;
using Samskapelse.Localization;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Planning;

public sealed class PlanManagementTests
{
    [Fact]
    public async Task PauseThenRestart_NewBotOverSameSqliteFile_ContinuesAtTheSameQuestionWithAnswersKept()
    {
        using var database = new TempDatabase();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var first = new BotDriver(new SqliteStorage(database.Path, time), "restart", "nb-NO", time: time);
        await first.SayAsync("start Aktiv sommer");
        await first.SayAsync("Alle barn skal ha et tilbud i sommerferien");
        await first.SayAsync("Frivilligsentralen");
        var paused = await first.SayAsync("pause");
        Assert.Contains(T(Language.Nb, "Paused", "Aktiv sommer", "fortsett"), paused.Texts);

        // Days later, after a restart: a new process, a new adapter, the same file.
        time.Advance(TimeSpan.FromDays(3));
        var second = new BotDriver(new SqliteStorage(database.Path, time), "restart", "nb-NO", time: time);
        var resumed = await second.SayAsync("fortsett");

        Assert.Contains(T(Language.Nb, "Plan_Resumed", "Aktiv sommer"), resumed.AllText);
        Assert.Contains(T(Language.Nb, "Question_2_Text"), resumed.AllText);
        Assert.Contains("Frivilligsentralen", resumed.AllText);

        var next = await second.SayAsync("neste");
        Assert.Contains(T(Language.Nb, "Question_3_Text"), next.AllText);
        var plan = await GuidedPlanningTests.SinglePlanAsync(second);
        Assert.Equal("Alle barn skal ha et tilbud i sommerferien", plan.Goal);
    }

    [Fact]
    public async Task ButtonOnTheCardShownBeforeAPause_IsStaleAfterwards_AndChangesNothing()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(ButtonOnTheCardShownBeforeAPause_IsStaleAfterwards_AndChangesNothing));
        await bot.SayAsync("start Plan A");
        var questionCard = bot.LastInputCard!;
        await bot.SayAsync("pause");

        var stale = await bot.PressOnAsync(questionCard, "Next", ("answer", "late answer"));

        Assert.Contains(T(Language.En, "Error_StaleCard"), stale.Texts);
        Assert.Null((await GuidedPlanningTests.SinglePlanAsync(bot)).Goal);
    }

    [Fact]
    public async Task SeveralPlans_ListOpenRenameAndDeleteWithConfirmation()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(SeveralPlans_ListOpenRenameAndDeleteWithConfirmation));
        await bot.SayAsync("start First plan");
        await bot.SayAsync("The first goal");

        // Question 2 is open, so "start Second plan" could be its answer: the bot asks, and the button starts the plan.
        var ambiguous = await bot.SayAsync("start Second plan");
        Assert.Contains(T(Language.En, "Ambiguous_Body", "start Second plan", 2, "Second plan"), ambiguous.AllText);
        await bot.PressAsync(T(Language.En, "Ambiguous_StartPlan"));

        var list = await bot.SayAsync("plans");
        var listCard = Assert.Single(list.Cards);
        Assert.Contains("1 · First plan", CardReader.AllText(listCard));
        Assert.Contains("2 · Second plan", CardReader.AllText(listCard));

        var opened = await bot.SayAsync("open 1");
        Assert.Contains(T(Language.En, "Plan_Opened", "First plan"), opened.AllText);
        Assert.Contains(T(Language.En, "Question_2_Text"), opened.AllText);

        var renamed = await bot.SayAsync("rename 2 Second plan, renamed");
        Assert.Contains(T(Language.En, "Plan_Renamed", "Second plan", "Second plan, renamed"), renamed.Texts);

        var asked = await bot.SayAsync("delete 2");
        Assert.Contains(T(Language.En, "Delete_Heading", "Second plan, renamed"), asked.AllText);
        var deleted = await bot.SayAsync("yes");
        Assert.Contains(T(Language.En, "Plan_Deleted", "Second plan, renamed"), deleted.Texts);

        var remaining = await bot.SayAsync("plans");
        Assert.DoesNotContain("Second plan", remaining.AllText);
        Assert.Contains("First plan", remaining.AllText);
    }

    [Fact]
    public async Task RenameAndDeleteFromThePlanListCard_Work_AndCancelKeepsThePlan()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(RenameAndDeleteFromThePlanListCard_Work_AndCancelKeepsThePlan));
        await bot.SayAsync("start Old title");
        var list = (await bot.SayAsync("plans")).Cards.Single();

        var planId = (await GuidedPlanningTests.SinglePlanAsync(bot)).Id;
        var renamed = await bot.PressOnAsync(list, "Save", ($"title_{planId}", "New title"));
        Assert.Contains(T(Language.En, "Plan_Renamed", "Old title", "New title"), renamed.Texts);

        var confirm = await bot.PressOnAsync(list, "Delete");
        var cancelled = await bot.PressOnAsync(confirm.Cards.Single(), "Cancel");
        Assert.Contains(T(Language.En, "Plan_DeleteCancelled"), cancelled.Texts);
        Assert.Equal("New title", (await GuidedPlanningTests.SinglePlanAsync(bot)).Title);

        // "yes" after the cancellation is an answer to the open question, never a late confirmation.
        await bot.SayAsync("yes");
        Assert.Equal("New title", (await GuidedPlanningTests.SinglePlanAsync(bot)).Title);
    }

    [Theory]
    [InlineData("edit 1")]
    [InlineData("endre 1")]
    [InlineData("ret 1")]
    public async Task EditCommandInAnyLanguage_AfterCompletion_ChangesOneAnswerAndReturnsToTheSummary(string command)
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(EditCommandInAnyLanguage_AfterCompletion_ChangesOneAnswerAndReturnsToTheSummary) + command);
        await bot.SayAsync("start Quick plan");
        foreach (var _ in Enumerable.Range(0, 6))
        {
            await bot.SayAsync("skip");
        }

        var edit = await bot.SayAsync(command);
        Assert.Contains(T(Language.En, "Question_1_Text"), edit.AllText);

        var summary = await bot.SayAsync("A clearer goal");
        Assert.Contains(T(Language.En, "Plan_Updated", "Quick plan"), summary.Texts);
        Assert.Equal(4, summary.Cards.Count);
        Assert.Contains("A clearer goal", CardReader.AllText(summary.Cards[0]));
    }

    [Fact]
    public async Task CodeOfConductEditor_RewordsRemovesAndAdds()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(CodeOfConductEditor_RewordsRemovesAndAdds));
        await bot.SayAsync("start Plan with a code");
        var editor = (await bot.SayAsync("code")).Cards.Single();
        var plan = await GuidedPlanningTests.SinglePlanAsync(bot);
        var first = plan.CodeOfConduct[0];
        var second = plan.CodeOfConduct[1];

        var saved = await bot.PressOnAsync(editor, "Save", ($"principle_{first.Id}", "We meet as equals, always."), ($"remove_{second.Id}", "true"), ("principle_new", "We answer within a week."));

        Assert.Contains(T(Language.En, "Code_Saved", plan.CodeOfConduct.Count), saved.Texts);
        var code = (await GuidedPlanningTests.SinglePlanAsync(bot)).CodeOfConduct;
        Assert.Equal("We meet as equals, always.", code[0].Text);
        Assert.DoesNotContain(code, p => p.Id == second.Id);
        Assert.Equal("We answer within a week.", code[^1].Text);
        // Untouched drafted principles stay templates, so they follow the reader's language.
        Assert.All(code.Skip(1).SkipLast(1), p => Assert.NotNull(p.TemplateKey));
    }

    [Fact]
    public async Task Language_FollowsTheTeamsLocale_UntilTheUserChoosesOne()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(Language_FollowsTheTeamsLocale_UntilTheUserChoosesOne), "da-DK");
        Assert.Contains(T(Language.Da, "Help_Heading"), (await bot.SayAsync("help")).AllText);

        bot.Locale = "nn-NO";
        Assert.Contains(T(Language.Nb, "Help_Heading"), (await bot.SayAsync("hjelp")).AllText);

        var switched = await bot.SayAsync("sprog en");
        Assert.Contains(T(Language.En, "Language_Set"), switched.Texts);
        Assert.Contains(T(Language.En, "Help_Heading"), (await bot.SayAsync("hjælp")).AllText);
    }

    [Fact]
    public async Task Welcome_IsSentOnce_ThoughTeamsAndTheEmulatorSendInstallEventsAgain()
    {
        var bot = new BotDriver(new MemoryStorage(), nameof(Welcome_IsSentOnce_ThoughTeamsAndTheEmulatorSendInstallEventsAgain));
        var first = await bot.ConversationUpdateAsync("installationUpdate");
        var second = await bot.ConversationUpdateAsync("conversationUpdate");
        var reload = await bot.ConversationUpdateAsync("installationUpdate");

        Assert.Contains(T(Language.En, "Welcome_Heading"), first.AllText);
        Assert.Empty(second.Activities);
        Assert.Empty(reload.Activities);
    }
}
