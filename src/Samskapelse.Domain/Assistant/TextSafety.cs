using System.Text;
using System.Text.RegularExpressions;

namespace Samskapelse.Assistant;

/// <summary>
/// Makes assistant output plain text before it reaches a card: Adaptive Card text blocks render a
/// subset of Markdown and Teams turns addresses into links, so links, Markdown and HTML are taken
/// out, control characters dropped and the length bounded. Applied to every suggestion, whatever wrote it.
/// </summary>
public static partial class TextSafety
{
    public static string Plain(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var value = MarkdownLink().Replace(text, "$1");
        value = HtmlTag().Replace(value, " ");
        value = Address().Replace(value, "…");
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\n':
                    builder.Append(c);
                    break;
                case '\t' or '\r' or '[' or ']' or '<' or '>':
                    builder.Append(' ');
                    break;
                case '*' or '_' or '`' or '~' or '#' or '|' or '\\':
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        var lines = builder.ToString()
            .Split('\n')
            .Select(line => Spaces().Replace(line, " ").Trim().TrimStart('-', '+', '=').Trim())
            .Where(line => line.Length > 0);
        var result = string.Join("\n", lines);
        return result.Length <= maxLength ? result : result[..(maxLength - 1)].TrimEnd() + "…";
    }

    /// <summary>
    /// Takes links and addresses out of what a person wrote for others to read (a proposal on a shared card),
    /// keeping the rest as written: cards and documents show it as plain text, so nothing else can become markup.
    /// </summary>
    public static string WithoutLinks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Address().Replace(MarkdownLink().Replace(text, "$1"), "…");
    }

    // [text](target) keeps the text only.
    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"<[^>]{0,200}>")]
    private static partial Regex HtmlTag();

    // Anything a client could open: a scheme with a colon, or a bare www. or e-mail address.
    [GeneratedRegex(@"\b(?:(?:https?|ftp|file|mailto|tel|sip|javascript|vbscript|data|msteams):\S+|[a-z][a-z0-9+.\-]{1,15}://\S+|www\.\S+|[^\s@]+@[^\s@]+\.[^\s@]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    [GeneratedRegex(@"[ \u00A0]{2,}")]
    private static partial Regex Spaces();
}
