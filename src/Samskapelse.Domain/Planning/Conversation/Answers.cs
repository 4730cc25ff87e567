using System.Globalization;
using Samskapelse.Localization;

namespace Samskapelse.Planning.Conversation;

/// <summary>Checks and reads what users type or submit; every refusal is a localized, specific reply.</summary>
internal static class Answers
{
    public static TextReply? Check(string? text, int limit)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TextReply("Error_EmptyAnswer");
        }

        var length = text.Trim().Length;
        return length > limit ? new TextReply("Error_TooLong", length, limit) : null;
    }

    public static string Clean(string text) => text.Trim();

    /// <summary>Splits typed list answers: one item a line, or items separated by semicolons on one line.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var items = lines.Length == 1 && lines[0].Contains(';', StringComparison.Ordinal)
            ? SplitOutsideParentheses(lines[0])
            : lines;
        return items.Select(i => i.TrimStart('-', '*', '•', ' ')).Where(i => i.Length > 0).ToList();
    }

    // "Røde Kors (forening; lokaler); Bakeriet": a semicolon inside parentheses belongs to the item.
    private static string[] SplitOutsideParentheses(string line)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ';' when depth == 0:
                    items.Add(line[start..i]);
                    start = i + 1;
                    break;
            }
        }

        items.Add(line[start..]);
        return [.. items.Select(i => i.Trim()).Where(i => i.Length > 0)];
    }

    /// <summary>Reads "name: rest", returning null for the name when there is no colon.</summary>
    public static (string? Name, string Remainder) SplitNamed(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? (null, line.Trim()) : (line[..colon].Trim(), line[(colon + 1)..].Trim());
    }

    public static bool TryNumber(string? text, out int number) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out number);

    public static TEnum? ParseEnum<TEnum>(string? value)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    /// <summary>A new short id, unique within a plan.</summary>
    public static string NewId(string prefix, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var id = prefix + n.ToString(CultureInfo.InvariantCulture);
            if (!used.Contains(id))
            {
                return id;
            }
        }
    }

    public static bool MatchesAny(string word, Language language, string key) =>
        Texts.Alternatives(language, key).Any(a => string.Equals(a, word, StringComparison.OrdinalIgnoreCase));
}
