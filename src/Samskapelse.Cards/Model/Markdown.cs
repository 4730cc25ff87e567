using System.Text;

namespace Samskapelse.Cards.Model;

/// <summary>
/// Makes user text literal in the one place a card needs a TextBlock for it: a heading (a RichTextBlock has no
/// <c>style: heading</c>, which screen readers announce). Teams renders a Markdown subset in TextBlocks (emphasis,
/// links, lists); a backslash before each character that could start markup keeps it as written. Everywhere
/// else user text goes into a TextRun, which renders no Markdown at all (CardParts.UserText).
/// </summary>
public static class Markdown
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // Addresses turn into links by themselves: "https://", "www." and "name@host" lose their shape.
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '`' or '~' or '<' or '>' or '&' or '#' or '|' or '!' or '@'
                || (lineStart && c is '-' or '+')
                || (c == '.' && i > 0 && char.IsAsciiDigit(text[i - 1]))
                || (c == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase))
                || (c == ':' && i + 2 < text.Length && text[i + 1] == '/' && text[i + 2] == '/'))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return escaped.ToString();
    }
}
