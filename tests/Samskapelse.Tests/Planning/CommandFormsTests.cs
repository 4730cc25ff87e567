using System.Globalization;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Tests.Support;
using Xunit.Abstractions;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Planning;

/// <summary>
/// The other side of answers first: every real command form, each alias of each command in the language, typed at
/// every question (privacy and coaching wired), still does what it did, and is never stored as an answer.
/// </summary>
public sealed class CommandFormsTests(ITestOutputHelper output)
{
    public static TheoryData<string, Language> Locales => TestLocales.All;

    /// <summary>
    /// A command form, and what the bot's reply at question q must hold. Question 2 is reached with no partners, so
    /// "next" there skips the mobilisation question; "back" at question 1 goes to the title and setting.
    /// </summary>
    private sealed record Form(string Key, string Argument, Func<Language, int, string> Expected);

    private static readonly Form[] Forms =
    [
        new("Cmd_Help", string.Empty, (l, _) => T(l, "Help_Heading")),
        new("Cmd_Plans", string.Empty, (l, _) => T(l, "Plans_Heading", 1)),
        new("Cmd_Open", " 1", (l, _) => T(l, "Plan_Opened", "Korpus")),
        new("Cmd_Rename", " 1 Nytt navn", (l, _) => T(l, "Plan_Renamed", "Korpus", "Nytt navn")),
        new("Cmd_Delete", " 1", (l, _) => T(l, "Delete_Heading", "Korpus")),
        new("Cmd_Edit", " 1", (l, _) => T(l, "Question_1_Text")),
        new("Cmd_Back", string.Empty, (l, q) => q == 1 ? T(l, "Setup_EditHeading") : T(l, $"Question_{(q == 4 ? 2 : q - 1)}_Text")),
        new("Cmd_Skip", string.Empty, (l, q) => T(l, "Question_Skipped", q)),
        new("Cmd_Next", string.Empty, (l, q) => q switch { 2 => T(l, "Question_4_Text"), 5 => T(l, "Question_6_Text"), 6 => T(l, "Summary_OverviewKicker"), _ => T(l, "Error_NoAnswerYet", Cmd(l, "Cmd_Skip")) }),
        new("Cmd_Pause", string.Empty, (l, _) => T(l, "Paused", "Korpus", Cmd(l, "Cmd_Continue"))),
        new("Cmd_Continue", string.Empty, (l, _) => T(l, "Plan_Resumed", "Korpus")),
        new("Cmd_Summary", string.Empty, (l, _) => T(l, "Summary_OverviewKicker")),
        new("Cmd_Code", string.Empty, (l, _) => T(l, "Code_EditHeading")),
        new("Cmd_FollowUp", string.Empty, (l, _) => T(l, "FollowUp_Heading")),
        new("Cmd_Language", " da", (_, _) => T(Language.Da, "Language_Set")),
        new("Cmd_Language", " en", (_, _) => T(Language.En, "Language_Set")),
        new("Cmd_Share", string.Empty, (l, _) => T(l, "Share_Usage")),
        new("Cmd_Share", " 1", (l, _) => T(l, "Share_Usage")),
        new("Cmd_Start", string.Empty, (l, _) => T(l, "Setup_Heading")),
        new("Cmd_Start", " Eldretreff", (l, _) => T(l, "Ambiguous_Heading")),
        new("Cmd_MyData", string.Empty, (l, _) => T(l, "Privacy_ExportHeading")),
        new("Cmd_DeleteMyData", string.Empty, (l, _) => T(l, "Privacy_DeleteHeading")),
        new("Cmd_Coaching", string.Empty, (l, _) => T(l, "Coach_HrOnly", Cmd(l, "Cmd_MyCoaching"))),
        new("Cmd_CoachingStatus", string.Empty, (l, _) => T(l, "Coach_HrOnly", Cmd(l, "Cmd_MyCoaching"))),
        new("Cmd_MyCoaching", string.Empty, (l, _) => T(l, "Coach_NoJourney")),
    ];

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task EveryCommandForm_WorksAtEveryQuestion(string locale, Language language)
    {
        var cases = 0;
        var failures = new List<string>();
        foreach (var form in Forms)
        {
            foreach (var word in Texts.Alternatives(language, form.Key))
            {
                for (var question = 1; question <= 6; question++)
                {
                    cases++;
                    var typed = word + form.Argument;
                    var problem = await RunAsync(locale, language, question, typed, form.Expected(language, question));
                    if (problem is not null)
                    {
                        failures.Add(string.Create(CultureInfo.InvariantCulture, $"«{typed}» at question {question}: {problem}"));
                    }
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{language.Code()}: {cases} command forms at questions 1 to 6, {cases - failures.Count} passed"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<string?> RunAsync(string locale, Language language, int question, string typed, string expected)
    {
        var bot = AnswerCorpusTests.NewDriver($"forms-{language.Code()}-{question}-{typed}", locale);
        var notThere = await AnswerCorpusTests.GoToAsync(bot, language, question);
        if (notThere is not null)
        {
            return notThere;
        }

        var before = await GuidedPlanningTests.SinglePlanAsync(bot);
        var replies = await bot.SayAsync(typed);
        var after = await GuidedPlanningTests.SinglePlanAsync(bot);
        if (StoredAnswers(after).Any(a => a.Contains(typed, StringComparison.OrdinalIgnoreCase)))
        {
            return "stored as an answer";
        }

        if (!replies.AllText.Contains(expected, StringComparison.Ordinal))
        {
            return $"expected «{expected}», got: {replies.AllText}";
        }

        return StoredAnswers(before).SequenceEqual(StoredAnswers(after)) ? null : "changed the answers";
    }

    private static IEnumerable<string> StoredAnswers(Plan plan) =>
        new[] { plan.Goal, plan.Collaboration }.OfType<string>()
            .Concat(plan.Partners.Select(p => p.Name + "|" + p.Mobilisation))
            .Concat(plan.RelatedActivities.Select(a => a.Description))
            .Concat(plan.Alliances.Select(a => a.Name + "|" + a.Purpose));
}
