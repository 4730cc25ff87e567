using Samskapelse.Assistant;

namespace Samskapelse.Tests.Assistant;

public sealed class TextSafetyTests
{
    [Theory]
    [InlineData("Invite the **sports club** to _design_ it", "Invite the sports club to design it")]
    [InlineData("See [the plan](https://example.org/p) first", "See the plan first")]
    [InlineData("Read https://example.org/a?b=c or www.example.org now", "Read … or … now")]
    [InlineData("Write to ola@example.org", "Write to …")]
    [InlineData("<script>alert(1)</script>Hello", "alert(1) Hello")]
    [InlineData("# Heading\n- item one\n\n> quote", "Heading\nitem one\nquote")]
    [InlineData("Tab\there\u0007 bell", "Tab here bell")]
    [InlineData("Idrettslaget: invite them to co-design the house", "Idrettslaget: invite them to co-design the house")]
    [InlineData("Frivilligsentralen – ærlig, åpen og ødegård", "Frivilligsentralen – ærlig, åpen og ødegård")]
    public void Plain_NeutralisesMarkupAndAddresses_KeepsOrdinaryText(string input, string expected) =>
        Assert.Equal(expected, TextSafety.Plain(input, 300));

    [Fact]
    public void Plain_CutsToTheLimitWithAnEllipsis()
    {
        var text = TextSafety.Plain(new string('a', 100), 10);
        Assert.Equal(10, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }
}
