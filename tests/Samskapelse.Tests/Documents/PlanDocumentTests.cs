using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Tests.Support;
using Xunit.Abstractions;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Samskapelse.Tests.Documents;

public sealed class PlanDocumentTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public void Build_TypicalPlan_IsValidOpenXmlAndHoldsEveryAnswer(string locale, Language language)
    {
        _ = locale;
        var plan = SamplePlans.Typical();

        var docx = PlanDocument.Build(plan, language, SamplePlans.Now, MobilisationMap.RenderPng(plan, language));

        using var document = Open(docx);
        AssertValid(document);
        var text = AllText(document);
        Assert.Contains(plan.Title, text);
        Assert.Contains(plan.Goal!, text);
        Assert.Contains(plan.Collaboration!, text);
        foreach (var partner in plan.Partners)
        {
            Assert.Contains(partner.Name, text);
            Assert.Contains(partner.Mobilisation ?? Texts.Get(language, "Summary_NotMobilised"), text);
        }

        foreach (var alliance in plan.Alliances)
        {
            Assert.Contains(alliance.Name, text);
            Assert.Contains(alliance.Purpose!, text);
        }

        Assert.All(plan.RelatedActivities, a => Assert.Contains(a.Description, text));
        Assert.All(plan.CodeOfConduct, p => Assert.Contains(p.Text ?? Texts.Get(language, p.TemplateKey!), text));
        Assert.All(PitfallCheck.Run(plan), p => Assert.Contains(Texts.Get(language, "Pitfall_" + p), text));
        Assert.All(Enumerable.Range(1, 6), n => Assert.Contains(Texts.Get(language, $"Question_{n}_Text"), text));
        Assert.Contains(Texts.Get(language, "Documents_SignedByNobody"), text);
    }

    [Theory]
    [MemberData(nameof(MobilisationMapTests.Samples), MemberType = typeof(MobilisationMapTests))]
    public void Build_AnyPlan_ValidatesWithoutErrors(string sample)
    {
        var plan = MobilisationMapTests.Sample(sample);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var docx = PlanDocument.Build(plan, Language.Da, SamplePlans.Now, MobilisationMap.RenderPng(plan, Language.Da));
        output.WriteLine($"{sample}: {docx.Length} bytes with the map in {watch.ElapsedMilliseconds} ms");

        using var document = Open(docx);
        AssertValid(document);
        Assert.Contains(plan.Title, AllText(document));
    }

    [Fact]
    public void Build_KeepsNorwegianAndDanishLettersAndLineBreaks()
    {
        var plan = SamplePlans.Typical() with { Goal = "Første linje med æ, ø og å\nAndre linje: ÆØÅ" };

        using var document = Open(PlanDocument.Build(plan, Language.Nb, SamplePlans.Now));

        Assert.Contains("Første linje med æ, ø og å\nAndre linje: ÆØÅ", AllText(document));
    }

    [Fact]
    public void Build_UsesWordsBuiltInStyles_SoATemplateCanRestyleIt()
    {
        using var document = Open(PlanDocument.Build(SamplePlans.Typical(), Language.En, SamplePlans.Now));
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!, s => s.StyleName!.Val!.Value);
        var body = document.MainDocumentPart.Document!.Body!;

        Assert.Equal("Title", styles["Title"]);
        Assert.Equal("heading 1", styles["Heading1"]);
        Assert.Equal("heading 2", styles["Heading2"]);
        Assert.Equal("Table Grid", styles["TableGrid"]);
        Assert.Single(ParagraphsIn(body, "Title"));
        Assert.Equal(Texts.Get(Language.En, "Documents_QuestionsHeading"), ParagraphsIn(body, "Heading1").First());
        Assert.Equal(7, ParagraphsIn(body, "Heading2").Count); // the six questions, and "Signed by"
        Assert.Equal(2, body.Descendants<Table>().Count(t => t.GetFirstChild<TableProperties>()?.TableStyle?.Val == "TableGrid"));
    }

    [Fact]
    public void Build_WithSignatures_ListsWhoSignedTheCodeOfConduct()
    {
        var signedAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

        var signed = SamplePlans.Typical();
        signed = signed with { Review = signed.Review with { Signatures = [new(new Samskapelse.Review.Actor("29:ola", null, "Ola Nordmann"), signedAt), new(new Samskapelse.Review.Actor("29:ase", null, "Åse Ødegård"), signedAt)] } };
        using var document = Open(PlanDocument.Build(signed, Language.Nb, SamplePlans.Now));

        var text = AllText(document);
        Assert.Contains(Texts.Format(Language.Nb, "Documents_Signature", "Åse Ødegård", signedAt.ToString("d", Language.Nb.Culture())), text);
        Assert.Contains("Ola Nordmann", text);
        Assert.DoesNotContain(Texts.Get(Language.Nb, "Documents_SignedByNobody"), text);
    }

    [Fact]
    public void Build_WithTheMap_EmbedsThePngWithItsAltText()
    {
        var plan = SamplePlans.Typical();
        var png = MobilisationMap.RenderPng(plan, Language.En);

        using var document = Open(PlanDocument.Build(plan, Language.En, SamplePlans.Now, png));

        var image = Assert.Single(document.MainDocumentPart!.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        using var stream = image.GetStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(png, copy.ToArray());
        Assert.Equal(MobilisationMap.AltText(plan, Language.En), document.MainDocumentPart.Document!.Descendants<DW.DocProperties>().Single().Description);
    }

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    private static void AssertValid(WordprocessingDocument document)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    private static List<string> ParagraphsIn(Body body, string style) =>
        body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == style).Select(Text).ToList();

    /// <summary>Every paragraph's text, with line breaks as newlines.</summary>
    private static string AllText(WordprocessingDocument document) =>
        string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(Text));

    private static string Text(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            if (element is Text t)
            {
                text.Append(t.Text);
            }
            else if (element is Break { Type: null })
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
