using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Samskapelse.Cards.Model;
using Samskapelse.Cards.Planning;
using Samskapelse.Localization;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Localization;

/// <summary>
/// Holds the nb and da resource texts to docs/LANGUAGE.md: the test reads the glossary and the list of
/// calques from that page, so the page is the one place the rules live.
/// </summary>
public sealed partial class LanguageGlossaryTests
{
    /// <summary>
    /// Help-card command words in nb/da that are still the English word because of the command resources
    /// (<c>Cmd_*</c>, owned by the command parser). The rule stands; this list may only shrink: when a word
    /// is fixed, the test fails until it is removed from here.
    /// </summary>
    private static readonly LanguageRules Rules = LanguageRules.Read(Path.Combine(NodeTools.RepositoryRoot, "docs", "LANGUAGE.md"));

    public static TheoryData<Language> Nordic => new() { Language.Nb, Language.Da };

    [Fact]
    public void TheRules_AreReadFromTheLanguagePage()
    {
        Assert.True(Rules.Terms.Count >= 15, $"only {Rules.Terms.Count} glossary rows read from docs/LANGUAGE.md");
        Assert.Contains(Rules.Terms, t => t.Nb.Any(w => w.Text == "tiltak*") && t.Da.Any(w => w.Text == "initiativ*"));
        Assert.NotEmpty(Rules.Calques[Language.Nb]);
        Assert.NotEmpty(Rules.Calques[Language.Da]);
        Assert.Equal(["pause", "start"], Rules.SharedCommandWords.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Nordic))]
    public void NoText_UsesAWordTheGlossaryRulesOut(Language language)
    {
        var texts = Prose(language);
        var problems = new List<string>();
        foreach (var term in Rules.Terms)
        {
            foreach (var word in language == Language.Nb ? term.NeverNb : term.NeverDa)
            {
                var found = texts.Where(t => word.Pattern.IsMatch(t.Text)).Select(t => t.Key).ToList();
                if (found.Count > word.AllowedTexts)
                {
                    problems.Add($"'{word.Text}' ({term.Concept}) in {string.Join(", ", found)}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{language} texts use words docs/LANGUAGE.md rules out:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Nordic))]
    public void EveryGlossaryTerm_IsTheOneTheTextsUse(Language language)
    {
        var texts = Prose(language);
        var unused = Rules.Terms
            .SelectMany(t => (language == Language.Nb ? t.Nb : t.Da).Select(w => (t.Concept, Word: w)))
            .Where(w => !texts.Any(t => w.Word.Pattern.IsMatch(t.Text)))
            .Select(w => $"'{w.Word.Text}' ({w.Concept})")
            .ToList();

        Assert.True(unused.Count == 0, $"glossary terms no {language} text uses (the glossary is out of date, or the texts left it):\n" + string.Join("\n", unused));
    }

    [Theory]
    [MemberData(nameof(Nordic))]
    public void NoText_UsesABannedCalque(Language language)
    {
        var found = (from calque in Rules.Calques[language]
                     from text in Prose(language)
                     where calque.Pattern.IsMatch(text.Text)
                     select $"'{calque.Text}' in {text.Key}: {text.Text}").ToList();

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Theory]
    [MemberData(nameof(Nordic))]
    public void EveryQuote_IsAPairOfTheLanguagesOwnMarks(Language language)
    {
        // nb quotes «like this», da »like this«; nothing else may remain once the pairs are taken out.
        var pairs = language == Language.Nb ? NorwegianQuote() : DanishQuote();
        var wrong = Prose(language)
            .Where(t => StrayQuote().IsMatch(pairs.Replace(t.Text, "")) || SingleQuoted().IsMatch(t.Text))
            .Select(t => $"{t.Key}: {t.Text}")
            .ToList();

        Assert.True(wrong.Count == 0, $"{language} texts with quotes that are not {(language == Language.Nb ? "«…»" : "»…«")}:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(Nordic))]
    public void TheHelpCard_ShowsEachCommandByItsWordInTheLanguage(Language language)
    {
        var firstWords = CommandKeys().Select(k => Texts.Alternatives(language, k)[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var english = CommandKeys().SelectMany(k => Texts.Alternatives(Language.En, k)).Except(Rules.SharedCommandWords, StringComparer.OrdinalIgnoreCase).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var shown = HelpCommandWords(ManagementCards.Help(language)).ToList();
        Assert.True(shown.Count >= 10, $"only {shown.Count} command words found on the help card");

        var notFirst = shown.Where(w => !firstWords.Contains(w)).ToList();
        Assert.True(notFirst.Count == 0, $"the {language} help card shows words that are not the first word of a command: {string.Join(", ", notFirst)}");

        var englishShown = shown.Where(english.Contains).ToList();
        Assert.True(englishShown.Count == 0, $"the {language} help card shows English command words first: {string.Join(", ", englishShown)}");
    }

    /// <summary>The command words on a help card: each fact's title, split at " / ", without the example arguments.</summary>
    private static IEnumerable<string> HelpCommandWords(AdaptiveCard card)
    {
        var titles = Objects(JsonNode.Parse(CardJson.Serialize(card)))
            .Where(o => o["facts"] is JsonArray)
            .SelectMany(o => o["facts"]!.AsArray().Select(f => f!["title"]!.GetValue<string>()));
        foreach (var title in titles)
        {
            foreach (var part in title.Split(" / "))
            {
                var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .TakeWhile(w => !w.All(char.IsDigit) && w != "…" && !Languages.TryParseCode(w, out _));
                var phrase = string.Join(' ', words);
                if (phrase.Length > 0)
                {
                    yield return phrase;
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Objects(p.Value)).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    private static IEnumerable<string> CommandKeys() => Texts.AllKeys().Where(k => k.StartsWith("Cmd_", StringComparison.Ordinal));

    /// <summary>
    /// The texts people read in a language. Command words and the other word lists the bot only reads
    /// hold every language's words on purpose; of a partner kind only the label (the first word) is shown.
    /// </summary>
    private static List<(string Key, string Text)> Prose(Language language) =>
        [.. Texts.KeysIn(language)
            .Where(k => !k.StartsWith("Cmd_", StringComparison.Ordinal) && !k.StartsWith("SideWords_", StringComparison.Ordinal)
                && !(k.StartsWith("Share_Kind_", StringComparison.Ordinal) && !k.EndsWith("_Label", StringComparison.Ordinal)))
            .Select(k => (k, Text: k.StartsWith("Kind_", StringComparison.Ordinal) ? Texts.Alternatives(language, k)[0] : Texts.Get(language, k)))
            .Select(t => (t.k, t.Text.Replace("Samskapelse", "", StringComparison.Ordinal)))];

    [GeneratedRegex("«[^«»]*»")]
    private static partial Regex NorwegianQuote();

    [GeneratedRegex("»[^«»]*«")]
    private static partial Regex DanishQuote();

    [GeneratedRegex("[«»\"“”„]")]
    private static partial Regex StrayQuote();

    [GeneratedRegex(@"(?<!\p{L})'[^']+'(?!\p{L})")]
    private static partial Regex SingleQuoted();
}

/// <summary>The rules in docs/LANGUAGE.md: the glossary table, the calques table and the shared command words.</summary>
internal sealed partial record LanguageRules(IReadOnlyList<GlossaryTerm> Terms, IReadOnlyDictionary<Language, IReadOnlyList<RuleWord>> Calques, IReadOnlyList<string> SharedCommandWords)
{
    public static LanguageRules Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var terms = new List<GlossaryTerm>();
        var calques = new Dictionary<Language, List<RuleWord>> { [Language.Nb] = [], [Language.Da] = [] };
        string? table = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                table = line[3..].Trim();
                continue;
            }

            if (!line.StartsWith('|') || line.StartsWith("| ---", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (table == "Glossary" && cells.Length == 7 && cells[0] != "concept")
            {
                terms.Add(new GlossaryTerm(cells[0], Words(cells[1]), Words(cells[2]), Words(cells[4]), Words(cells[5])));
            }
            else if (table?.StartsWith("Calques", StringComparison.Ordinal) == true && cells.Length == 3 && Languages.TryParseCode(cells[0], out var language) && language != Language.En)
            {
                calques[language].AddRange(Words(cells[1]));
            }
        }

        var shared = lines.Single(l => l.Contains("Command words that are the same in English:", StringComparison.Ordinal));
        return new LanguageRules(terms, calques.ToDictionary(c => c.Key, c => (IReadOnlyList<RuleWord>)c.Value), [.. Words(shared).Select(w => w.Text)]);
    }

    /// <summary>Every `term` in a cell; a trailing * matches words that start with it, "(once)" allows it in one text.</summary>
    private static List<RuleWord> Words(string cell) =>
        [.. Backticked().Matches(cell).Select(m => m.Groups[1].Value).Select(RuleWord.From)];

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}

internal sealed record GlossaryTerm(string Concept, IReadOnlyList<RuleWord> Nb, IReadOnlyList<RuleWord> Da, IReadOnlyList<RuleWord> NeverNb, IReadOnlyList<RuleWord> NeverDa);

internal sealed record RuleWord(string Text, Regex Pattern, int AllowedTexts)
{
    public static RuleWord From(string token)
    {
        const string Once = " (once)";
        var allowed = token.EndsWith(Once, StringComparison.Ordinal) ? 1 : 0;
        var text = allowed == 1 ? token[..^Once.Length] : token;
        var prefix = text.EndsWith('*');
        var stem = prefix ? text[..^1] : text;
        var pattern = @"(?<!\p{L})" + Regex.Escape(stem) + (prefix || !char.IsLetter(stem[^1]) ? "" : @"(?!\p{L})");
        return new RuleWord(text, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), allowed);
    }
}
