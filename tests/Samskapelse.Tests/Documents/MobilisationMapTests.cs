using System.Diagnostics;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;
using SkiaSharp;
using Xunit.Abstractions;

namespace Samskapelse.Tests.Documents;

public sealed class MobilisationMapTests(ITestOutputHelper output)
{
    public static TheoryData<string> Samples => new() { "empty", "typical", "limits" };

    public static Plan Sample(string name) => name switch
    {
        "empty" => SamplePlans.Empty(),
        "typical" => SamplePlans.Typical(),
        _ => SamplePlans.AtTheLimits(),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void RenderPng_AnyPlan_IsThe1024SquarePngTeamsShowsAtMost(string sample)
    {
        var watch = Stopwatch.StartNew();
        var png = MobilisationMap.RenderPng(Sample(sample), Language.Nb);
        output.WriteLine($"{sample}: {png.Length} bytes in {watch.ElapsedMilliseconds} ms");

        var (width, height, bitDepth, colourType) = Png.Header(png);
        Assert.Equal((1024, 1024), (width, height));
        Assert.Equal(8, bitDepth);
        Assert.True(colourType is 2 or 6, $"PNG colour type {colourType}: expected truecolour, with or without alpha.");
        using var decoded = SKBitmap.Decode(png);
        Assert.NotNull(decoded);
    }

    [Fact]
    public void RenderPng_PartnerOfAKind_IsDrawnInThatKindsColour()
    {
        // Only the kinds in the plan are in the legend, so business blue appears only when a business is on the map.
        var citizens = SamplePlans.Empty() with { Partners = [new("p1", "Ungdomsrådet", PartnerSide.Outside, PartnerKind.Citizens)] };
        var business = SamplePlans.Empty() with { Partners = [new("p1", "Kafé Blåbær AS", PartnerSide.Outside, PartnerKind.Business)] };
        var blue = new SKColor(0x00, 0x72, 0xB2);

        Assert.Equal(0, CountPixels(MobilisationMap.RenderPng(citizens, Language.En), blue));
        Assert.True(CountPixels(MobilisationMap.RenderPng(business, Language.En), blue) > 300);
    }

    [Fact]
    public void RenderPng_SameAnswersInAnotherLanguage_DrawsOtherWords()
    {
        var plan = SamplePlans.Typical();

        Assert.NotEqual(MobilisationMap.RenderPng(plan, Language.Nb), MobilisationMap.RenderPng(plan, Language.Da));
    }

    [Fact]
    public void EmbeddedFonts_AreNotoSans_WithNorwegianAndDanishLetters()
    {
        foreach (var typeface in new[] { DocumentFonts.Regular, DocumentFonts.Bold })
        {
            Assert.Equal("Noto Sans", typeface.FamilyName);
            Assert.True(typeface.ContainsGlyphs("æøåÆØÅ«»–…"), typeface.FamilyName);
        }
    }

    [Theory]
    [InlineData(120f)]
    [InlineData(40f)]
    [InlineData(8f)]
    public void Fit_NameTooLong_IsCutWithAnEllipsisWithinTheWidth(float width)
    {
        using var font = new SKFont(DocumentFonts.Regular, 16);
        var name = "Foreningen for særdeles langvarige navn på grønne områder";

        var fitted = MobilisationMap.Fit(name, font, width);

        Assert.EndsWith("…", fitted, StringComparison.Ordinal);
        Assert.True(fitted.Length == 1 || font.MeasureText(fitted) <= width, fitted);
        Assert.StartsWith(fitted.TrimEnd('…'), name, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NameThatFits_IsKeptWhole()
    {
        using var font = new SKFont(DocumentFonts.Regular, 16);

        Assert.Equal("Røde Kors", MobilisationMap.Fit("Røde   Kors", font, 300));
    }

    [Fact]
    public void AltText_SaysWhatTheMapShows()
    {
        var text = MobilisationMap.AltText(SamplePlans.Typical(), Language.En);

        Assert.Equal(Texts.Format(Language.En, "Map_AltText", "Ungdommens møteplass i sentrum", 2, 5, 2), text);
    }

    private static int CountPixels(byte[] png, SKColor colour)
    {
        using var bitmap = SKBitmap.Decode(png);
        var count = 0;
        foreach (var pixel in bitmap.Pixels)
        {
            if (pixel.Red == colour.Red && pixel.Green == colour.Green && pixel.Blue == colour.Blue)
            {
                count++;
            }
        }

        return count;
    }
}
