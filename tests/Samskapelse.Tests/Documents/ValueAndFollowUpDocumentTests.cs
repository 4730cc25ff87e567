using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Review;
using SkiaSharp;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Documents;

/// <summary>Contributions, what partners bring, and the follow-up history in the Word document, Markdown and the map.</summary>
public sealed class ValueAndFollowUpDocumentTests
{
    private static readonly DateTimeOffset FirstFollowUp = SamplePlans.Now.AddDays(30);

    internal static Plan WithValueAndFollowUp(Plan plan) => plan with
    {
        Contributions = [Contribution.PublicInnovation, Contribution.ParticipatoryDemocracy],
        Partners = [.. plan.Partners.Select((p, i) => i % 2 == 0 ? p with { Resources = [PartnerResource.Premises, PartnerResource.People] } : p)],
        Status = PlanStatus.UnderWay,
        FollowUps =
        [
            new FollowUpEntry("f1", FollowUpSubject.Plan, null, plan.Title, string.Empty, new Actor("user-1", null, "Kari Nordmann"), FirstFollowUp) { StatusSetTo = PlanStatus.UnderWay },
            new FollowUpEntry("f2", FollowUpSubject.Partner, "p1", "Ungdomsrådet", "Møttes to ganger, lager åpningstider sammen", new Actor("user-1", null, "Kari Nordmann"), FirstFollowUp),
            new FollowUpEntry("f3", FollowUpSubject.Alliance, "l1", "Trygg by om kvelden", "Nattevandring hver fredag fra desember", new Actor("user-1", null, "Kari Nordmann"), FirstFollowUp.AddDays(14)),
        ],
    };

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public void Word_HoldsTheContributionsTheResourcesAndAFollowUpSectionWithDates(string locale, Language language)
    {
        _ = locale;
        var plan = WithValueAndFollowUp(SamplePlans.Typical());
        var docx = PlanDocument.Build(plan, language, SamplePlans.Now, MobilisationMap.RenderPng(plan, language));

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Description)));
        var text = AllText(document);
        Assert.Contains(T(language, "Summary_Contributions") + ": " + T(language, "Contribution_PublicInnovation") + ", " + T(language, "Contribution_ParticipatoryDemocracy"), text);
        Assert.Contains(T(language, "Documents_ResourcesColumn"), text);
        Assert.Contains(T(language, "Resource_Premises") + ", " + T(language, "Resource_People"), text);
        Assert.Contains(T(language, "Documents_FollowUpHeading"), Headings(document));
        Assert.Contains(T(language, "Summary_Status") + ": " + T(language, "Status_UnderWay"), text);
        Assert.Contains(FirstFollowUp.ToString("d", language.Culture()), text);
        Assert.Contains(FirstFollowUp.AddDays(14).ToString("d", language.Culture()), text);
        Assert.Contains("Møttes to ganger, lager åpningstider sammen", text);
        Assert.Contains("Nattevandring hver fredag fra desember", text);
    }

    [Fact]
    public void Word_APlanWithoutThem_HasNoResourceColumnNoContributionsAndNoFollowUpSection()
    {
        var plan = SamplePlans.Typical();
        using var document = WordprocessingDocument.Open(new MemoryStream(PlanDocument.Build(plan, Language.Nb, SamplePlans.Now)), false);
        var text = AllText(document);
        Assert.DoesNotContain(T(Language.Nb, "Documents_ResourcesColumn"), text);
        Assert.DoesNotContain(T(Language.Nb, "Summary_Contributions"), text);
        Assert.DoesNotContain(T(Language.Nb, "Documents_FollowUpHeading"), Headings(document));
    }

    [Fact]
    public void Markdown_HoldsTheContributionsTheResourcesAndTheFollowUpTable()
    {
        var plan = WithValueAndFollowUp(SamplePlans.Typical());
        var markdown = PlanMarkdown.Build(plan, Language.Da, SamplePlans.Now);
        Assert.Contains("- **" + T(Language.Da, "Summary_Contributions") + ":** " + T(Language.Da, "Contribution_PublicInnovation"), markdown);
        Assert.Contains("| " + T(Language.Da, "Documents_ResourcesColumn") + " |", markdown);
        Assert.Contains("## " + T(Language.Da, "Documents_FollowUpHeading"), markdown);
        Assert.Contains("| " + FirstFollowUp.ToString("d", Language.Da.Culture()) + " | Ungdomsrådet | Møttes to ganger, lager åpningstider sammen | Kari Nordmann |", markdown);
        Assert.DoesNotContain("## " + T(Language.Da, "Documents_FollowUpHeading"), PlanMarkdown.Build(SamplePlans.Typical(), Language.Da, SamplePlans.Now));
    }

    [Fact]
    public void Map_MarksWhatPartnersBring_AndNamesItInTheLegend()
    {
        var premises = new SKColor(0x88, 0x22, 0x55);
        var without = MobilisationMap.RenderPng(SamplePlans.Typical(), Language.Nb);
        var with = MobilisationMap.RenderPng(WithValueAndFollowUp(SamplePlans.Typical()), Language.Nb);
        Assert.Equal(0, CountPixels(without, premises));
        Assert.True(CountPixels(with, premises) > 50, "no premises squares on the map or in its legend");
    }

    private static IReadOnlyList<string> Headings(WordprocessingDocument document) =>
        [.. document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1").Select(p => p.InnerText)];

    private static string AllText(WordprocessingDocument document)
    {
        var text = new StringBuilder();
        foreach (var paragraph in document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>())
        {
            text.AppendLine(paragraph.InnerText);
        }

        return text.ToString();
    }

    private static int CountPixels(byte[] png, SKColor colour)
    {
        using var bitmap = SKBitmap.Decode(png);
        return bitmap.Pixels.Count(p => p.Red == colour.Red && p.Green == colour.Green && p.Blue == colour.Blue);
    }
}
