using Samskapelse.Localization;
using Samskapelse.Planning;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Samskapelse.Documents;

/// <summary>
/// The whole plan as a Word document: title page, the six questions and their answers, partner and
/// alliance tables, related activities, the mobilisation map, the code of conduct with who signed it,
/// and the pitfall advice. Only Word's built-in styles are used (Title, Subtitle, Heading 1 and 2,
/// Table Grid, List Bullet, List Number, Caption), so a municipality's template restyles it.
/// </summary>
public static class PlanDocument
{
    private const int BulletList = 1;
    private const int NumberedList = 2;

    // A4 (11 906 twips wide) less two margins of 2 cm (1 134 twips).
    private const int TextWidthTwips = 11906 - (2 * 1134);

    // The map is 16 cm wide in print: 360 000 English Metric Units to the centimetre.
    private const long MapWidthEmu = 16 * 360_000L;

    public static byte[] Build(Plan plan, Language language, DateTimeOffset madeAt, byte[]? mapPng = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main, language);
            AddNumbering(main);
            var body = new Body();
            main.Document = new Document(body);

            TitlePage(body, plan, language, madeAt);
            Questions(body, plan, language);
            if (mapPng is not null)
            {
                Map(body, main, plan, language, mapPng);
            }

            CodeOfConduct(body, plan, language, plan.Review.Signatures);
            FollowUp(body, plan, language);
            Pitfalls(body, plan, language);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));

            document.PackageProperties.Title = plan.Title;
            document.PackageProperties.Subject = language.T("Summary_OverviewKicker");
            document.PackageProperties.Creator = plan.OwnerName;
            document.PackageProperties.Language = language.Culture().Name;
            document.PackageProperties.Created = madeAt.UtcDateTime;
            document.PackageProperties.Modified = plan.UpdatedAt == default ? madeAt.UtcDateTime : plan.UpdatedAt.UtcDateTime;
        }

        return stream.ToArray();
    }

    private static void TitlePage(Body body, Plan plan, Language language, DateTimeOffset madeAt)
    {
        body.Append(Para(language.T("Summary_OverviewKicker"), "Subtitle"));
        body.Append(Para(plan.Title, "Title"));
        var facts = new List<(string Label, string Value)>
        {
            (language.T("Summary_Owner"), string.IsNullOrWhiteSpace(plan.OwnerName) ? "–" : plan.OwnerName),
        };
        if (plan.Arena is { } arena)
        {
            facts.Add((language.T("Setup_ArenaLabel"), language.Arena(arena)));
        }

        if (plan.Variant is { } variant)
        {
            facts.Add((language.T("Setup_VariantLabel"), language.Variant(variant)));
        }

        if (plan.Phase is { } phase)
        {
            facts.Add((language.T("Setup_PhaseLabel"), language.Phase(phase)));
        }

        if (PlanWords.ShowsStatus(plan))
        {
            facts.Add((language.T("Summary_Status"), language.Status(plan.Status)));
        }

        if (plan.UpdatedAt != default)
        {
            facts.Add((language.T("Summary_Updated"), plan.UpdatedAt.ToString("d", language.Culture())));
        }

        foreach (var (label, value) in facts)
        {
            body.Append(new Paragraph(Run(label + ": ", bold: true), Run(value)));
        }

        body.Append(Para(language.T("Documents_Made", madeAt.ToString("d", language.Culture())), "Subtitle"));
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
    }

    private static void Questions(Body body, Plan plan, Language language)
    {
        body.Append(Para(language.T("Documents_QuestionsHeading"), "Heading1"));

        Question(body, language, 1);
        body.Append(Answer(plan, language, 1, plan.Goal));
        if (!plan.Contributions.IsEmpty)
        {
            body.Append(new Paragraph(Run(language.T("Summary_Contributions") + ": ", bold: true), Run(language.Contributions(plan))));
        }

        Question(body, language, 2);
        if (plan.Partners.IsEmpty)
        {
            body.Append(Answer(plan, language, 2, null));
        }
        else
        {
            // The column of what partners bring appears only when some partner brings something named.
            body.Append(PlanWords.AnyResources(plan)
                ? Table(
                    [language.T("Documents_PartnerColumn"), language.T("Documents_SideColumn"), language.T("Documents_KindColumn"), language.T("Documents_ResourcesColumn")],
                    [36, 14, 22, 28],
                    plan.Partners.OrderBy(p => p.Side).Select(p => (IReadOnlyList<string>)[p.Name, language.Side(p.Side), language.Kind(p.Kind), language.Resources(p)]))
                : Table(
                    [language.T("Documents_PartnerColumn"), language.T("Documents_SideColumn"), language.T("Documents_KindColumn")],
                    [52, 16, 32],
                    plan.Partners.OrderBy(p => p.Side).Select(p => (IReadOnlyList<string>)[p.Name, language.Side(p.Side), language.Kind(p.Kind)])));
        }

        Question(body, language, 3);
        if (plan.Partners.IsEmpty)
        {
            body.Append(Answer(plan, language, 3, null));
        }

        foreach (var partner in plan.Partners.OrderBy(p => p.Side))
        {
            var mobilised = PlanWords.IsAnswered(partner.Mobilisation);
            var paragraph = new Paragraph(Run(partner.Name + ": ", bold: true));
            paragraph.Append(Runs(mobilised ? partner.Mobilisation! : language.T("Summary_NotMobilised"), italic: !mobilised));
            body.Append(paragraph);
        }

        Question(body, language, 4);
        body.Append(Answer(plan, language, 4, plan.Collaboration));

        Question(body, language, 5);
        if (plan.RelatedActivities.IsEmpty)
        {
            body.Append(Answer(plan, language, 5, null));
        }

        body.Append(plan.RelatedActivities.Select(a => ListItem(a.Description, BulletList)));

        Question(body, language, 6);
        if (plan.Alliances.IsEmpty)
        {
            body.Append(Answer(plan, language, 6, null));
        }
        else
        {
            body.Append(Table(
                [language.T("Documents_AllianceColumn"), language.T("Alliances_PartnersLabel"), language.T("Alliances_PurposeLabel")],
                [30, 35, 35],
                plan.Alliances.Select(a => (IReadOnlyList<string>)[a.Name, Joined(PlanWords.AllianceMembers(plan, a)), a.Purpose ?? "–"])));
        }
    }

    private static void Map(Body body, MainDocumentPart main, Plan plan, Language language, byte[] png)
    {
        body.Append(Para(language.T("Documents_MapHeading"), "Heading1"));
        var image = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png, writable: false))
        {
            image.FeedData(stream);
        }

        var altText = language.MapAltText(plan);
        var relationshipId = main.GetIdOfPart(image);
        var drawing = new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = MapWidthEmu, Cy = MapWidthEmu },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = 1U, Name = "Mobilisation map", Description = altText },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(
                    new A.GraphicData(
                        new PIC.Picture(
                            new PIC.NonVisualPictureProperties(
                                new PIC.NonVisualDrawingProperties { Id = 0U, Name = "map.png", Description = altText },
                                new PIC.NonVisualPictureDrawingProperties()),
                            new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                            new PIC.ShapeProperties(
                                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = MapWidthEmu, Cy = MapWidthEmu }),
                                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            });
        body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing)));
        body.Append(Para(altText, "Caption"));
    }

    private static void CodeOfConduct(Body body, Plan plan, Language language, System.Collections.Immutable.ImmutableList<Samskapelse.Review.Signature> signedBy)
    {
        body.Append(Para(language.T("Code_Heading"), "Heading1"));
        body.Append(PlanWords.Principles(plan).Select(p => ListItem(language.Principle(p), NumberedList)));
        body.Append(Para(language.T("Documents_SignedByHeading"), "Heading2"));
        if (signedBy.Count == 0)
        {
            body.Append(new Paragraph(Runs(language.T("Documents_SignedByNobody"), italic: true)));
        }

        body.Append(signedBy.Select(s => ListItem(language.T("Documents_Signature", s.By.Name, s.At.ToString("d", language.Culture())), BulletList)));
    }

    /// <summary>The whole follow-up history, oldest first, with dates and authors; nothing when there is none.</summary>
    private static void FollowUp(Body body, Plan plan, Language language)
    {
        if (plan.FollowUps.IsEmpty)
        {
            return;
        }

        body.Append(Para(language.T("Documents_FollowUpHeading"), "Heading1"));
        body.Append(new Paragraph(Run(language.T("Summary_Status") + ": ", bold: true), Run(language.Status(plan.Status))));
        body.Append(Table(
            [language.T("Documents_FollowUpDateColumn"), language.T("Documents_FollowUpAboutColumn"), language.T("Documents_FollowUpWhatColumn"), language.T("Documents_FollowUpByColumn")],
            [14, 24, 44, 18],
            plan.FollowUps.Select(f => (IReadOnlyList<string>)[f.At.ToString("d", language.Culture()), language.FollowUpAbout(f), language.FollowUpWhat(f), string.IsNullOrWhiteSpace(f.By.Name) ? "–" : f.By.Name])));
    }

    private static void Pitfalls(Body body, Plan plan, Language language)
    {
        var pitfalls = PitfallCheck.Run(plan);
        body.Append(Para(language.T(pitfalls.Count == 0 ? "Pitfalls_NoneHeading" : "Pitfalls_Heading"), "Heading1"));
        if (pitfalls.Count == 0)
        {
            body.Append(Para(language.T("Pitfalls_None")));
        }

        body.Append(pitfalls.Select(p => ListItem(language.T("Pitfall_" + p), BulletList)));
        body.Append(new Paragraph(Runs(language.T("Pitfalls_Footnote"), italic: true)));
    }

    private static void Question(Body body, Language language, int number) =>
        body.Append(Para(language.T("Summary_QuestionLine", number, language.T($"Question_{number}_Text")), "Heading2"));

    private static Paragraph Answer(Plan plan, Language language, int question, string? answer) =>
        new(Runs(language.AnswerOrStatus(plan, question, answer), italic: !PlanWords.IsAnswered(answer)));

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(Runs(text));
        return paragraph;
    }

    private static Paragraph ListItem(string text, int list) =>
        new([new ParagraphProperties(new ParagraphStyleId { Val = list == BulletList ? "ListBullet" : "ListNumber" }), .. Runs(text)]);

    /// <summary>One run per line, so line breaks the user typed survive.</summary>
    private static IEnumerable<Run> Runs(string text, bool bold = false, bool italic = false)
    {
        var lines = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = Run(lines[i], bold, italic);
            if (i > 0)
            {
                run.InsertAt(new Break(), run.RunProperties is null ? 0 : 1);
            }

            yield return run;
        }
    }

    private static Run Run(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Append(new Bold());
            }

            if (italic)
            {
                properties.Append(new Italic());
            }

            run.Append(properties);
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <param name="widths">Each column's share of the text width, in per cent.</param>
    private static Table Table(IReadOnlyList<string> headers, IReadOnlyList<int> widths, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { FirstRow = true, FirstColumn = false, LastRow = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = (TextWidthTwips * w / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(new TableRow([new TableRowProperties(new TableHeader()), .. headers.Select(h => new TableCell(new Paragraph(Run(h, bold: true))))]));
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(Runs(cell))))));
        }

        return table;
    }

    private static string Joined(IReadOnlyList<string> names) => names.Count == 0 ? "–" : string.Join(", ", names);

    private static void AddStyles(MainDocumentPart main, Language language)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var accent = "1F3A5F";
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new DocumentFormat.OpenXml.Wordprocessing.Languages { Val = language.Culture().Name })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, isDefault: true),
            ParagraphStyle("Title", "Title", new StyleRunProperties(new Color { Val = accent }, new FontSize { Val = "56" }), spacingAfter: "240"),
            ParagraphStyle("Subtitle", "Subtitle", new StyleRunProperties(new Color { Val = "6B7280" }, new FontSize { Val = "26" })),
            ParagraphStyle("Heading1", "heading 1", new StyleRunProperties(new Bold(), new Color { Val = accent }, new FontSize { Val = "32" }), outlineLevel: 0, spacingBefore: "360"),
            ParagraphStyle("Heading2", "heading 2", new StyleRunProperties(new Bold(), new Color { Val = accent }, new FontSize { Val = "26" }), outlineLevel: 1, spacingBefore: "240"),
            ParagraphStyle("Caption", "caption", new StyleRunProperties(new Italic(), new Color { Val = "6B7280" }, new FontSize { Val = "18" })),
            ParagraphStyle("ListBullet", "List Bullet", null, numbering: BulletList),
            ParagraphStyle("ListNumber", "List Number", null, numbering: NumberedList),
            new Style(
                new StyleName { Val = "Normal Table" },
                new UIPriority { Val = 99 },
                new SemiHidden(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true },
            new Style(
                new StyleName { Val = "Table Grid" },
                new BasedOn { Val = "TableNormal" },
                new UIPriority { Val = 59 },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new RightBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    private static Style ParagraphStyle(string id, string name, StyleRunProperties? run, bool isDefault = false, int? outlineLevel = null, string? spacingBefore = null, string? spacingAfter = null, int? numbering = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (outlineLevel is not null)
        {
            paragraph.Append(new KeepNext(), new KeepLines());
        }

        if (numbering is not null)
        {
            paragraph.Append(new NumberingProperties(new NumberingId { Val = numbering }));
        }

        if (spacingBefore is not null || spacingAfter is not null)
        {
            var spacing = new SpacingBetweenLines { After = spacingAfter ?? "120" };
            if (spacingBefore is not null)
            {
                spacing.Before = spacingBefore;
            }

            paragraph.Append(spacing);
        }

        if (numbering is not null)
        {
            paragraph.Append(new ContextualSpacing());
        }

        if (outlineLevel is not null)
        {
            paragraph.Append(new OutlineLevel { Val = outlineLevel });
        }

        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            AbstractList(BulletList, NumberFormatValues.Bullet, "•", "ListBullet"),
            AbstractList(NumberedList, NumberFormatValues.Decimal, "%1.", "ListNumber"),
            new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList },
            new NumberingInstance(new AbstractNumId { Val = NumberedList }) { NumberID = NumberedList });
    }

    private static AbstractNum AbstractList(int id, NumberFormatValues format, string text, string style) =>
        new(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new ParagraphStyleIdInLevel { Val = style },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = id };
}
