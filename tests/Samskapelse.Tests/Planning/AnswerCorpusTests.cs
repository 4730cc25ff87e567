using System.Globalization;
using Microsoft.Bot.Builder;
using Samskapelse.Bot.Coaching;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Tests.Support;
using Xunit.Abstractions;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Planning;

/// <summary>
/// Answers as municipal managers write them, many beginning with a command word, each typed at the question it
/// answers in the real bot (privacy and coaching wired, as they read typed text before planning): each must be
/// stored as the answer, and the conversation must move on as the rules say.
/// </summary>
public sealed class AnswerCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string, Language> Locales => TestLocales.All;

    /// <summary>One row of the corpus: which question it answers, whether the bot must first ask "answer or command?", and the text.</summary>
    public sealed record CorpusAnswer(int Line, int Question, bool Ask, string Text);

    public static IReadOnlyList<CorpusAnswer> Load(Language language)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Planning", "AnswerCorpus", $"answers.{language.Code()}.tsv");
        var rows = new List<CorpusAnswer>();
        var number = 0;
        foreach (var line in File.ReadAllLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            Assert.True(columns.Length == 3, $"answers.{language.Code()}.tsv line {number} has {columns.Length} columns");
            rows.Add(new CorpusAnswer(number, int.Parse(columns[0], CultureInfo.InvariantCulture), columns[1] == "ask", columns[2].Replace("\\n", "\n", StringComparison.Ordinal)));
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task EveryAnswer_IsSavedVerbatim_AtItsQuestion(string locale, Language language)
    {
        var corpus = Load(language);
        Assert.True(corpus.Count >= 150, $"The {language.Code()} corpus has only {corpus.Count} answers.");
        Assert.All(Enumerable.Range(1, 6), q => Assert.Contains(corpus, a => a.Question == q));

        var failures = new List<string>();
        foreach (var answer in corpus)
        {
            var problem = await RunAsync(answer, locale, language);
            if (problem is not null)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"line {answer.Line}, question {answer.Question}: {problem}  «{answer.Text.Replace("\n", "\\n", StringComparison.Ordinal)}»"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{language.Code()}: {corpus.Count} answers in the corpus, {corpus.Count - failures.Count} passed, {failures.Count} failed"));
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every command word and alias of a language begins at least one answer in that language's corpus.</summary>
    [Theory]
    [MemberData(nameof(Locales))]
    public void Corpus_HasAnAnswerBeginningWithEveryCommandWord(string locale, Language language)
    {
        _ = locale;
        var corpus = Load(language);
        var words = CommandWords.SelectMany(key => Texts.Alternatives(language, key)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var missing = words.Where(word => !corpus.Any(a => BeginsWithWord(a.Text, word))).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{language.Code()}: {words.Count} command words and aliases, {words.Count - missing.Count} begin an answer in the corpus"));
        Assert.True(missing.Count == 0, "No answer begins with: " + string.Join(", ", missing));
    }

    /// <summary>Every resource key that holds typed command words.</summary>
    public static IReadOnlyCollection<string> CommandWords => Texts.AllKeys().Where(k => k.StartsWith("Cmd_", StringComparison.Ordinal)).ToList();

    internal static bool BeginsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetterOrDigit(text[word.Length]));

    internal static BotDriver NewDriver(string name, string locale) =>
        new(new MemoryStorage(), name, locale, privacy: true, coaching: new CoachingOptions());

    /// <summary>The partners the mobilisation and alliance answers name.</summary>
    internal static string[] Partners(Language language) => language switch
    {
        Language.Nb => ["Frivilligsentralen", "Idrettslaget", "Helsestasjonen"],
        Language.Da => ["Frivilligcentret", "Idrætsforeningen", "Sundhedsplejen"],
        _ => ["Volunteer centre", "Sports club", "Health visitors"],
    };

    /// <summary>Types the way to <paramref name="question"/> in a new plan; returns null when the question is open, else what went wrong.</summary>
    internal static async Task<string?> GoToAsync(BotDriver bot, Language language, int question)
    {
        if (question == 0)
        {
            var setup = await bot.SayAsync(Cmd(language, "Cmd_Start"));
            return setup.AllText.Contains(T(language, "Setup_Heading"), StringComparison.Ordinal) ? null : "no setup card after start: " + setup.AllText;
        }

        var replies = await bot.SayAsync(Cmd(language, "Cmd_Start") + " Korpus");
        var skip = Cmd(language, "Cmd_Skip");
        var needsPartners = question is 3 or 6;
        for (var at = 1; at < question; at++)
        {
            if (at == 2 && needsPartners)
            {
                await bot.SayAsync(string.Join("\n", Partners(language)));
                replies = await bot.SayAsync(Cmd(language, "Cmd_Next"));
            }
            else if (at != 3 || needsPartners)
            {
                replies = await bot.SayAsync(skip);
            }
        }

        return replies.AllText.Contains(T(language, $"Question_{question}_Text"), StringComparison.Ordinal) ? null : $"not at question {question}: {replies.AllText}";
    }

    private static async Task<string?> RunAsync(CorpusAnswer answer, string locale, Language language)
    {
        var bot = NewDriver($"corpus-{language.Code()}-{answer.Line}", locale);
        try
        {
            var notThere = await GoToAsync(bot, language, answer.Question);
            if (notThere is not null)
            {
                return notThere;
            }

            var before = await PlanOrNullAsync(bot);
            var replies = await bot.SayAsync(answer.Text);
            if (answer.Ask)
            {
                if (!replies.AllText.Contains(T(language, "Ambiguous_Heading"), StringComparison.Ordinal))
                {
                    return "expected the answer-or-command card, got: " + replies.AllText;
                }

                if (!Equals(Fingerprint(before), Fingerprint(await PlanOrNullAsync(bot))))
                {
                    return "the plan changed before the user chose";
                }

                var save = answer.Question == 0 ? T(language, "Ambiguous_SaveTitle") : T(language, "Ambiguous_SaveAnswer", answer.Question);
                replies = await bot.PressAsync(save);
            }

            var plan = await PlanOrNullAsync(bot);
            return plan is null ? "no plan: " + replies.AllText : Check(answer, language, plan, replies);
        }
#pragma warning disable CA1031 // A crash on one answer is reported with the others.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return exception.GetType().Name + ": " + exception.Message;
        }
    }

    private static string? Check(CorpusAnswer answer, Language language, Plan plan, Replies replies)
    {
        var text = answer.Text.Trim();
        var said = replies.AllText;
        string? Next(int question) => said.Contains(T(language, $"Question_{question}_Text"), StringComparison.Ordinal) ? null : $"question {question} not asked next: {said}";

        switch (answer.Question)
        {
            case 0:
                return plan.Title != text ? $"title is «{plan.Title}»" : Next(1);
            case 1:
                return plan.Goal != text ? $"goal is «{plan.Goal}»" : Next(2);
            case 4:
                return plan.Collaboration != text ? $"collaboration is «{plan.Collaboration}»" : Next(5);
            case 2:
                return Items(text, [.. plan.Partners.Select(p => p.Name)]) ?? Added(said, language, PlanStep.Partners, plan.Partners.Count) ?? Next(2);
            case 5:
                return Items(text, [.. plan.RelatedActivities.Select(a => a.Description)]) ?? Added(said, language, PlanStep.RelatedActivities, plan.RelatedActivities.Count) ?? Next(5);
            case 6:
                return Items(text, [.. plan.Alliances.SelectMany(a => a.Purpose is null ? [a.Name] : new[] { a.Name, a.Purpose })]) ?? Added(said, language, PlanStep.Alliances, plan.Alliances.Count) ?? Next(6);
            default:
                var mobilised = plan.Partners.Where(p => !string.IsNullOrWhiteSpace(p.Mobilisation)).ToList();
                var problem = Items(text, [.. mobilised.Select(p => p.Mobilisation!)], [.. mobilised.Select(p => p.Name)]);
                if (problem is not null)
                {
                    return problem;
                }

                // All partners mobilised: question 4 comes next; otherwise question 3 stays open with what was saved.
                return mobilised.Count == plan.Partners.Count ? Next(4) : said.Contains(T(language, "Mobilisation_Saved", mobilised.Count), StringComparison.Ordinal) ? Next(3) : "mobilisation not confirmed: " + said;
        }
    }

    /// <summary>What a list reader made of the text: every item comes from the text, and the first word (a command word in many rows) was kept.</summary>
    private static string? Items(string text, IReadOnlyList<string> items, IReadOnlyList<string>? alsoKept = null)
    {
        if (items.Count == 0)
        {
            return "nothing stored";
        }

        var invented = items.FirstOrDefault(i => !text.Contains(i, StringComparison.Ordinal));
        if (invented is not null)
        {
            return $"stored «{invented}», which is not in the text";
        }

        var first = text.TrimStart('-', '*', '•', ' ').Split([' ', '\n', ';', ':', ','], StringSplitOptions.RemoveEmptyEntries)[0];
        return items.Concat(alsoKept ?? []).Any(i => i.Contains(first, StringComparison.Ordinal)) ? null : $"the first word «{first}» was dropped";
    }

    private static string? Added(string said, Language language, PlanStep step, int count) =>
        said.Contains(T(language, "List_Added_" + step, count), StringComparison.Ordinal) ? null : $"not confirmed as {count} added: {said}";

    private static string? Fingerprint(Plan? plan) => plan is null ? null : Newtonsoft.Json.JsonConvert.SerializeObject(plan with { UpdatedAt = default });

    private static async Task<Plan?> PlanOrNullAsync(BotDriver bot)
    {
        var key = "msteams/users/user-1";
        var stored = await bot.Storage.ReadAsync([key]);
        if (!stored.TryGetValue(key, out var profile))
        {
            return null;
        }

        var ids = Newtonsoft.Json.Linq.JObject.FromObject(profile)["profile"]?["PlanIds"]?.Select(t => (string)t!).ToArray() ?? [];
        var plans = await bot.Plans.FindManyAsync(ids, default);
        return plans.Count == 0 ? null : plans[^1];
    }
}
