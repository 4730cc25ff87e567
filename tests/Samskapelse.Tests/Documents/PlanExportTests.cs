using Samskapelse.Documents;

namespace Samskapelse.Tests.Documents;

public sealed class PlanExportTests
{
    [Theory]
    [InlineData(PlanExport.Word, "Ungdommens møteplass", "Ungdommens møteplass.docx")]
    [InlineData(PlanExport.Markdown, "Plan: a/b? <ny>", "Plan a b ny.md")]
    [InlineData(PlanExport.Map, "Fælles gårdhave", "Fælles gårdhave-map.png")]
    [InlineData(PlanExport.Word, " ... ", "plan.docx")]
    public void FileName_FromTheTitle_KeepsLettersAndDropsWhatFileSystemsRefuse(PlanExport export, string title, string expected)
    {
        Assert.Equal(expected, export.FileName(title));
    }

    [Fact]
    public void FileName_VeryLongTitle_IsShortened()
    {
        var name = PlanExport.Word.FileName(new string('å', 200));

        Assert.Equal(new string('å', 80) + ".docx", name);
    }
}
