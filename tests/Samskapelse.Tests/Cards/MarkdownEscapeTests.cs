using System.Net;
using Markdig;

namespace Samskapelse.Tests.Cards;

/// <summary>
/// The escaping of user text in card headings (issue 14, item 2), read back by a CommonMark renderer with
/// autolinks on, as the Teams clients read a TextBlock: whatever was written shows as written, with no link or markup.
/// </summary>
public sealed class MarkdownEscapeTests
{
    private static readonly MarkdownPipeline Renderer = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Theory]
    [InlineData("[Sign here](https://evil.example)")]
    [InlineData("**bold** <at>x</at> # heading")]
    [InlineData("# heading")]
    [InlineData("- a list\n+ another\n1. numbered")]
    [InlineData("_italic_ and ~~struck~~ and `code`")]
    [InlineData("Visit https://evil.example/t or www.evil.example now")]
    [InlineData("Write to eve@evil.example or WWW.EVIL.EXAMPLE")]
    [InlineData("![image](https://evil.example/i.png) &amp; <script>x</script>")]
    [InlineData("Ungdommens møteplass (2026): æ, ø og å | 3.5 \\ backslash")]
    [InlineData("[x]: https://evil.example\n[x]")]
    public void EscapedText_RendersAsWritten_WithNoLinkOrMarkup(string text)
    {
        var html = Markdig.Markdown.ToHtml(Samskapelse.Cards.Model.Markdown.Escape(text), Renderer);

        foreach (var tag in new[] { "<a", "<strong", "<em", "<li", "<h1", "<code", "<img", "<del", "<script", "<at" })
        {
            Assert.DoesNotContain(tag, html, StringComparison.Ordinal);
        }

        var shown = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty));
        Assert.Equal(Flat(text), Flat(shown));
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
}
