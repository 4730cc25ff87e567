using System.Collections.Frozen;
using Samskapelse.Localization;

namespace Samskapelse.Planning;

/// <summary>
/// A word list the pitfall check reads plan texts with: whole words and short phrases per language.
/// Texts are split into words on Unicode letters (so æ, ø and å belong to the word), and a word matches
/// only itself: <c>lever</c> (lives) is not <c>leverer</c> (delivers), <c>tilhører</c> is not <c>høre</c>.
/// A plan has no language of its own (teams mix them), so a text is read against every language's list.
/// </summary>
internal sealed class PitfallWords
{
    private readonly FrozenSet<string> _words;
    private readonly string[][] _phrases;

    public PitfallWords(string[] nb, string[] da, string[] en)
    {
        ByLanguage = new Dictionary<Language, string[]> { [Language.Nb] = nb, [Language.Da] = da, [Language.En] = en };
        var all = nb.Concat(da).Concat(en).Select(Tokens).ToList();
        _words = all.Where(t => t.Count == 1).Select(t => t[0]).ToFrozenSet(StringComparer.Ordinal);
        _phrases = [.. all.Where(t => t.Count > 1).Select(t => t.ToArray())];
    }

    /// <summary>The list as written, per language: for the tests and for the documentation.</summary>
    public IReadOnlyDictionary<Language, string[]> ByLanguage { get; }

    public bool In(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var tokens = Tokens(text);
        if (tokens.Any(_words.Contains))
        {
            return true;
        }

        return _phrases.Any(phrase => Enumerable.Range(0, Math.Max(0, tokens.Count - phrase.Length + 1))
            .Any(start => phrase.Select((word, i) => tokens[start + i] == word).All(same => same)));
    }

    public bool InAny(IEnumerable<string?> texts) => texts.Any(In);

    /// <summary>The words of a text, lower case: runs of Unicode letters (and digits), everything else splits.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                tokens.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return tokens;
    }
}
