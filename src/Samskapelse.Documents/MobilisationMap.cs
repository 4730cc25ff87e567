using System.Globalization;
using Samskapelse.Localization;
using Samskapelse.Planning;
using SkiaSharp;

namespace Samskapelse.Documents;

/// <summary>
/// The mobilisation map: the initiative in the centre, partners at home on the inner ring and
/// partners outside on the outer ring, grouped by kind, alliances as links between their partners,
/// and the wheel arena and phase in the header. One 1024×1024 PNG (the largest image Teams shows
/// in a card), so that it reads at card width and prints sharply. Fonts shrink and names are cut
/// with an ellipsis as the rings fill up; the Word document carries the full names.
/// </summary>
public static class MobilisationMap
{
    public const int Size = 1024;

    private const float Margin = 28;
    private const float HeaderBottom = 108;
    private const float LegendTop = 900;
    private const float CentreRadius = 76;

    // The rings are ellipses: the map area is wider than it is tall, and names need the room.
    private static readonly SKSize InnerRadius = new(178, 136);
    private static readonly SKSize OuterRadius = new(300, 240);

    private static readonly SKPoint Centre = new(Size / 2f, (HeaderBottom + LegendTop) / 2f);
    private static readonly SKRect MapArea = new(18, HeaderBottom + 4, Size - 18, LegendTop - 6);

    private static readonly SKColor Ink = new(0x1F, 0x2A, 0x37);
    private static readonly SKColor Muted = new(0x6B, 0x72, 0x80);
    private static readonly SKColor Guide = new(0xC9, 0xCF, 0xD8);
    private static readonly SKColor CentreFill = new(0x1F, 0x3A, 0x5F);

    // Okabe–Ito colours: told apart with the common colour-vision deficiencies, and in greyscale print by position.
    private static readonly Dictionary<PartnerKind, SKColor> KindColours = new()
    {
        [PartnerKind.Citizens] = new SKColor(0xE6, 0x9F, 0x00),
        [PartnerKind.Association] = new SKColor(0x00, 0x9E, 0x73),
        [PartnerKind.Business] = new SKColor(0x00, 0x72, 0xB2),
        [PartnerKind.OtherPublicBody] = new SKColor(0xCC, 0x79, 0xA7),
        [PartnerKind.OwnUnit] = new SKColor(0xD5, 0x5E, 0x00),
    };

    private static readonly Dictionary<PartnerResource, SKColor> ResourceColours = new()
    {
        [PartnerResource.Knowledge] = new SKColor(0x33, 0x22, 0x88),
        [PartnerResource.People] = new SKColor(0x11, 0x77, 0x33),
        [PartnerResource.Premises] = new SKColor(0x88, 0x22, 0x55),
        [PartnerResource.Money] = new SKColor(0xBB, 0x99, 0x22),
        [PartnerResource.Network] = new SKColor(0x44, 0xAA, 0x99),
    };

    private static readonly SKColor[] AllianceColours =
    [
        new(0x7B, 0x32, 0x94), new(0x1B, 0x78, 0x37), new(0xB2, 0x18, 0x2B), new(0x21, 0x66, 0xAC),
        new(0x8C, 0x51, 0x0A), new(0x4D, 0x4D, 0x4D), new(0xC5, 0x1B, 0x7D), new(0x35, 0x97, 0x8F),
    ];

    public static string AltText(Plan plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return language.MapAltText(plan);
    }

    public static byte[] RenderPng(Plan plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var info = new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("Skia could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        var inner = Place(plan.PartnersAtHome().ToList(), InnerRadius);
        var outer = Place(plan.PartnersOutside().ToList(), OuterRadius);
        var placed = inner.Concat(outer).ToDictionary(p => p.Partner.Id, StringComparer.Ordinal);

        DrawRings(canvas, inner, outer);
        DrawSpokes(canvas, placed.Values);
        var badges = DrawAlliances(canvas, plan, placed);
        DrawCentre(canvas, plan.Title);
        DrawNodes(canvas, placed.Values);
        DrawResources(canvas, placed.Values);
        if (inner.Count <= 8)
        {
            DrawLabelsBelow(canvas, inner);
        }
        else
        {
            // Many partners at home: the names run out towards the outer ring, which leaves them little room.
            DrawLabels(canvas, inner, InnerLabelRoom, maxFontSize: 15);
        }

        DrawLabels(canvas, outer, OuterLabelRoom, maxFontSize: 23);
        DrawBadges(canvas, badges);
        if (plan.Partners.IsEmpty)
        {
            using var font = Font(DocumentFonts.Regular, 22);
            using var paint = Fill(Muted);
            canvas.DrawText(language.T("Map_NoPartners"), Centre.X, Centre.Y + ((InnerRadius.Height + OuterRadius.Height) / 2) + 8, SKTextAlign.Center, font, paint);
        }

        DrawHeader(canvas, plan, language);
        DrawLegend(canvas, plan, language);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A partner on a ring: <see cref="Angle"/> is the ellipse's parameter, <see cref="Direction"/> the angle seen from the centre.</summary>
    private sealed record Placed(Partner Partner, SKPoint Point, float Angle, float Direction, float NodeRadius, float FontSize, float Spacing);

    private sealed record Badge(SKPoint Point, int Number, SKColor Colour);

    /// <summary>Spreads a ring's partners evenly from the top, grouped by kind with a small gap between groups.</summary>
    private static List<Placed> Place(List<Partner> partners, SKSize radius)
    {
        if (partners.Count == 0)
        {
            return [];
        }

        var ordered = partners.OrderBy(p => p.Kind).ToList();
        var groups = ordered.Select(p => p.Kind).Distinct().Count();
        const float gap = 0.8f;
        var slots = ordered.Count + (groups > 1 ? groups * gap : 0);
        var step = 2 * MathF.PI / slots;

        // Sizes follow how crowded the ring is, so 60 partners still fit (smaller, never overlapping).
        var spacing = Math.Min(radius.Width, radius.Height) * step;
        var nodeRadius = Math.Clamp(spacing * 0.28f, 5f, 11f);
        var fontSize = Math.Clamp(spacing * 0.55f, 11f, 23f);

        var result = new List<Placed>(ordered.Count);
        var gapsBefore = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0 && ordered[i].Kind != ordered[i - 1].Kind)
            {
                gapsBefore++;
            }

            var angle = (-MathF.PI / 2) + ((i + (gapsBefore * gap) + 0.5f) * step);
            var point = new SKPoint(Centre.X + (radius.Width * MathF.Cos(angle)), Centre.Y + (radius.Height * MathF.Sin(angle)));
            result.Add(new Placed(ordered[i], point, angle, MathF.Atan2(point.Y - Centre.Y, point.X - Centre.X), nodeRadius, fontSize, spacing));
        }

        return result;
    }

    private static void DrawRings(SKCanvas canvas, List<Placed> inner, List<Placed> outer)
    {
        using var guide = Stroke(Guide, 1.5f);
        guide.PathEffect = SKPathEffect.CreateDash([6, 6], 0);
        canvas.DrawOval(Centre, InnerRadius, guide);
        canvas.DrawOval(Centre, OuterRadius, guide);

        // A soft band behind each kind's group shows the grouping at a glance.
        foreach (var (ring, radius) in new[] { (inner, InnerRadius), (outer, OuterRadius) })
        {
            if (ring.Count == 0)
            {
                continue;
            }

            var halfStep = ring.Count == 1 ? MathF.PI / 8 : Math.Min(AngleBetween(ring), MathF.PI / 4) / 2;
            var rect = new SKRect(Centre.X - radius.Width, Centre.Y - radius.Height, Centre.X + radius.Width, Centre.Y + radius.Height);
            foreach (var group in Runs(ring))
            {
                using var band = Stroke(KindColours[group[0].Partner.Kind].WithAlpha(40), (group[0].NodeRadius * 2) + 8);
                band.StrokeCap = SKStrokeCap.Round;
                var start = Degrees(group[0].Angle - halfStep);
                var sweep = Degrees(group[^1].Angle - group[0].Angle + (2 * halfStep));
                canvas.DrawArc(rect, start, Math.Min(sweep, 359.5f), false, band);
            }
        }
    }

    private static void DrawSpokes(SKCanvas canvas, IEnumerable<Placed> partners)
    {
        using var spoke = Stroke(Guide.WithAlpha(150), 1);
        foreach (var p in partners)
        {
            var from = new SKPoint(Centre.X + (CentreRadius * MathF.Cos(p.Direction)), Centre.Y + (CentreRadius * MathF.Sin(p.Direction)));
            canvas.DrawLine(from, p.Point, spoke);
        }
    }

    private static List<Badge> DrawAlliances(SKCanvas canvas, Plan plan, Dictionary<string, Placed> placed)
    {
        var badges = new List<Badge>();
        for (var a = 0; a < plan.Alliances.Count; a++)
        {
            var colour = AllianceColours[a % AllianceColours.Length];
            var members = plan.Alliances[a].PartnerIds
                .Distinct(StringComparer.Ordinal)
                .Select(id => placed.GetValueOrDefault(id))
                .OfType<Placed>()
                .OrderBy(p => Normalise(p.Direction))
                .ToList();
            if (members.Count == 0)
            {
                continue;
            }

            using var line = Stroke(colour.WithAlpha(210), plan.Alliances.Count > 6 ? 2.5f : 3.5f);
            if (members.Count == 1)
            {
                canvas.DrawCircle(members[0].Point, members[0].NodeRadius + 5, line);
                badges.Add(new Badge(Offset(members[0].Point, members[0].Direction, -(members[0].NodeRadius + 16)), a + 1, colour));
                continue;
            }

            for (var i = 0; i + 1 < members.Count; i++)
            {
                var (from, to) = (members[i].Point, members[i + 1].Point);

                // Curves bow towards the centre, so links between neighbours stay off the labels.
                var mid = new SKPoint((from.X + to.X) / 2, (from.Y + to.Y) / 2);
                var control = new SKPoint(Centre.X + ((mid.X - Centre.X) * 0.35f), Centre.Y + ((mid.Y - Centre.Y) * 0.35f));
                using var path = new SKPath();
                path.MoveTo(from);
                path.QuadTo(control, to);
                canvas.DrawPath(path, line);
            }

            // The number sits a little inside the first member, where the links start, clear of the centre.
            var first = members[0];
            badges.Add(new Badge(Offset(first.Point, first.Direction, -(first.NodeRadius + 14)), a + 1, colour));
        }

        return badges;
    }

    private static void DrawCentre(SKCanvas canvas, string title)
    {
        using var fill = Fill(CentreFill);
        canvas.DrawCircle(Centre, CentreRadius, fill);
        using var font = Font(DocumentFonts.Bold, 18);
        using var paint = Fill(SKColors.White);
        var lines = Wrap(title, font, CentreRadius * 1.75f, 4);
        var lineHeight = font.Spacing;
        var top = Centre.Y - (lines.Count * lineHeight / 2) - font.Metrics.Ascent - 2;
        for (var i = 0; i < lines.Count; i++)
        {
            canvas.DrawText(lines[i], Centre.X, top + (i * lineHeight), SKTextAlign.Center, font, paint);
        }
    }

    /// <summary>
    /// What each partner brings: a small square per resource, in the resource's colour (squares, so they never read as
    /// the kinds' circles), in rows of three just inside the node and beside its spoke, where an alliance's number
    /// badge (on the spoke) leaves them visible. The legend names the colours.
    /// </summary>
    private static void DrawResources(SKCanvas canvas, IEnumerable<Placed> partners)
    {
        const float side = 8;
        const float step = side + 2;
        const int perRow = 3;
        using var outline = Stroke(SKColors.White, 1);
        foreach (var p in partners.Where(p => !p.Partner.Resources.IsEmpty))
        {
            var inward = p.Direction + MathF.PI;
            var across = p.Direction + (MathF.PI / 2);
            for (var i = 0; i < p.Partner.Resources.Count; i++)
            {
                var row = Offset(p.Point, inward, p.NodeRadius + 2 + ((i / perRow) * step));
                var at = Offset(row, across, 14 + ((i % perRow) * step));
                var square = SKRect.Create(at.X - (side / 2), at.Y - (side / 2), side, side);
                using var fill = Fill(ResourceColours[p.Partner.Resources[i]]);
                canvas.DrawRect(square, fill);
                canvas.DrawRect(square, outline);
            }
        }
    }

    private static void DrawNodes(SKCanvas canvas, IEnumerable<Placed> partners)
    {
        using var outline = Stroke(SKColors.White, 2);
        foreach (var p in partners)
        {
            using var fill = Fill(KindColours[p.Partner.Kind]);
            canvas.DrawCircle(p.Point, p.NodeRadius, fill);
            canvas.DrawCircle(p.Point, p.NodeRadius, outline);
        }
    }

    private static float InnerLabelRoom(Placed p, float start) => RadiusAt(OuterRadius, p.Direction) - 18 - start;

    private static float OuterLabelRoom(Placed p, float start) => DistanceToEdge(p.Direction) - start - 4;

    /// <summary>Few partners at home: their names sit level under the node, on up to two lines.</summary>
    private static void DrawLabelsBelow(SKCanvas canvas, List<Placed> ring)
    {
        using var paint = Fill(Ink);
        using var halo = Halo();
        foreach (var p in ring)
        {
            DrawLevelLabel(canvas, p, paint, halo);
        }
    }

    /// <summary>A name set level on up to two lines: under the node, or over it near the top of its ring.</summary>
    private static void DrawLevelLabel(SKCanvas canvas, Placed p, SKPaint paint, SKPaint halo)
    {
        using var font = Font(DocumentFonts.Regular, 20);
        var width = Math.Min(200, Math.Max(p.Spacing - 12, 130));
        var lines = Wrap(p.Partner.Name, font, width, 2);
        var below = MathF.Sin(p.Direction) > -0.35f;
        var first = below
            ? p.Point.Y + p.NodeRadius + 4 - font.Metrics.Ascent
            : p.Point.Y - p.NodeRadius - 6 - font.Metrics.Descent - ((lines.Count - 1) * font.Spacing);
        for (var i = 0; i < lines.Count; i++)
        {
            canvas.DrawText(lines[i], p.Point.X, first + (i * font.Spacing), SKTextAlign.Center, font, halo);
            canvas.DrawText(lines[i], p.Point.X, first + (i * font.Spacing), SKTextAlign.Center, font, paint);
        }
    }

    /// <summary>Names run outward along their spoke, flipped on the left so none reads upside down.</summary>
    private static void DrawLabels(SKCanvas canvas, List<Placed> ring, Func<Placed, float, float> room, float maxFontSize)
    {
        using var paint = Fill(Ink);
        using var halo = Halo();
        foreach (var p in ring)
        {
            // Straight above or below the centre, a name along its spoke would stand on end: set it level when there is room.
            if (MathF.Abs(MathF.Cos(p.Direction)) < 0.3f && p.Spacing >= 160)
            {
                DrawLevelLabel(canvas, p, paint, halo);
                continue;
            }

            var radius = Distance(p.Point, Centre);
            var start = radius + p.NodeRadius + 5;
            var width = room(p, start);

            // A name a little too long for its room is set smaller rather than cut, down to three quarters.
            var size = Math.Min(p.FontSize, maxFontSize);
            using var font = Font(DocumentFonts.Regular, size);
            var natural = font.MeasureText(p.Partner.Name);
            if (natural > width)
            {
                font.Size = Math.Max(Math.Max(11f, size * 0.75f), size * width / natural);
            }

            // Two lines when the neighbours leave room for them and one line would cut the name.
            var lines = p.Spacing > font.Spacing * 2.6f && font.MeasureText(p.Partner.Name) > width
                ? Wrap(p.Partner.Name, font, width, 2)
                : [Fit(p.Partner.Name, font, width)];
            var middle = -(font.Metrics.Ascent + font.Metrics.Descent) / 2;
            var right = MathF.Cos(p.Direction) >= -0.0001f;
            canvas.Save();
            canvas.Translate(Centre.X, Centre.Y);
            canvas.RotateRadians(right ? p.Direction : p.Direction + MathF.PI);
            for (var i = 0; i < lines.Count; i++)
            {
                var y = middle + ((i - ((lines.Count - 1) / 2f)) * font.Spacing);
                canvas.DrawText(lines[i], right ? start : -start, y, right ? SKTextAlign.Left : SKTextAlign.Right, font, halo);
                canvas.DrawText(lines[i], right ? start : -start, y, right ? SKTextAlign.Left : SKTextAlign.Right, font, paint);
            }

            canvas.Restore();
        }
    }

    private static void DrawBadges(SKCanvas canvas, List<Badge> badges)
    {
        using var font = Font(DocumentFonts.Bold, 13);
        using var white = Fill(SKColors.White);
        using var outline = Stroke(SKColors.White, 1.5f);
        foreach (var badge in badges)
        {
            using var fill = Fill(badge.Colour);
            canvas.DrawCircle(badge.Point, 11, fill);
            canvas.DrawCircle(badge.Point, 11, outline);
            canvas.DrawText(badge.Number.ToString(CultureInfo.InvariantCulture), badge.Point.X, badge.Point.Y + 4.5f, SKTextAlign.Center, font, white);
        }
    }

    private static void DrawHeader(SKCanvas canvas, Plan plan, Language language)
    {
        using var titleFont = Font(DocumentFonts.Bold, 32);
        using var ink = Fill(Ink);
        using var muted = Fill(Muted);
        using var kickerFont = Font(DocumentFonts.Regular, 16);
        canvas.DrawText(language.T("Summary_OverviewKicker").ToUpper(language.Culture()), Margin, 30, SKTextAlign.Left, kickerFont, muted);
        canvas.DrawText(Fit(plan.Title, titleFont, Size - (2 * Margin)), Margin, 66, SKTextAlign.Left, titleFont, ink);

        // The phase as three steps with the plan's own in bold, right-aligned on the second line.
        using var stepFont = Font(DocumentFonts.Regular, 17);
        using var currentFont = Font(DocumentFonts.Bold, 17);
        var x = Size - Margin;
        var phases = Enum.GetValues<Phase>();
        for (var i = phases.Length - 1; i >= 0; i--)
        {
            var current = plan.Phase == phases[i];
            var font = current ? currentFont : stepFont;
            using var paint = Fill(current ? CentreFill : Muted);
            var text = language.Phase(phases[i]);
            canvas.DrawText(text, x, 96, SKTextAlign.Right, font, paint);
            x -= font.MeasureText(text);
            if (current)
            {
                using var underline = Stroke(CentreFill, 3);
                canvas.DrawLine(x, 101, x + font.MeasureText(text), 101, underline);
            }

            if (i > 0)
            {
                const string arrow = "  ›  ";
                canvas.DrawText(arrow, x, 96, SKTextAlign.Right, stepFont, muted);
                x -= stepFont.MeasureText(arrow);
            }
        }

        // The arena: a small co-creation wheel with the plan's quarter filled, and its name.
        const float wheel = 11;
        var wheelCentre = new SKPoint(Margin + wheel, 90);
        var arenas = Enum.GetValues<WheelArena>();
        for (var i = 0; i < arenas.Length; i++)
        {
            using var quarter = Fill(plan.Arena == arenas[i] ? CentreFill : Guide);
            canvas.DrawArc(new SKRect(wheelCentre.X - wheel, wheelCentre.Y - wheel, wheelCentre.X + wheel, wheelCentre.Y + wheel), -90 + (90 * i) + 2, 86, true, quarter);
        }

        var arenaText = plan.Arena is { } arena ? language.Arena(arena) : language.T("Map_NoArena");
        var arenaLeft = wheelCentre.X + wheel + 8;
        canvas.DrawText(Fit(arenaText, stepFont, x - arenaLeft - 24), arenaLeft, 96, SKTextAlign.Left, stepFont, plan.Arena is null ? muted : ink);

        using var rule = Stroke(Guide, 1);
        canvas.DrawLine(Margin, HeaderBottom, Size - Margin, HeaderBottom, rule);
    }

    /// <summary>Rings, kinds and alliances, flowed left to right; alliances that do not fit are counted.</summary>
    private static void DrawLegend(SKCanvas canvas, Plan plan, Language language)
    {
        using var rule = Stroke(Guide, 1);
        canvas.DrawLine(Margin, LegendTop, Size - Margin, LegendTop, rule);
        using var font = Font(DocumentFonts.Regular, 17);
        using var ink = Fill(Ink);

        var kinds = plan.Partners.IsEmpty ? Enum.GetValues<PartnerKind>().ToList() : plan.Partners.Select(p => p.Kind).Distinct().Order().ToList();
        var items = new List<(Action<SKPoint> Mark, string Text)>
        {
            (at => RingMark(canvas, at, 0.45f), language.T("Map_InnerRing")),
            (at => RingMark(canvas, at, 1f), language.T("Map_OuterRing")),
        };
        items.AddRange(kinds.Select(kind => ((Action<SKPoint>)(at =>
        {
            using var fill = Fill(KindColours[kind]);
            canvas.DrawCircle(at.X + 8, at.Y - 5, 7, fill);
        }), language.Kind(kind))));
        var resources = Enum.GetValues<PartnerResource>().Where(r => plan.Partners.Any(p => p.Resources.Contains(r))).ToList();
        if (resources.Count > 0)
        {
            items.Add((_ => { }, language.T("Map_Resources")));
            items.AddRange(resources.Select(resource => ((Action<SKPoint>)(at =>
            {
                using var fill = Fill(ResourceColours[resource]);
                canvas.DrawRect(SKRect.Create(at.X + 2, at.Y - 11, 12, 12), fill);
            }), language.Resource(resource))));
        }

        items.AddRange(plan.Alliances.Select((alliance, index) => ((Action<SKPoint>)(at =>
        {
            var colour = AllianceColours[index % AllianceColours.Length];
            using var fill = Fill(colour);
            using var bold = Font(DocumentFonts.Bold, 11);
            using var white = Fill(SKColors.White);
            canvas.DrawCircle(at.X + 8, at.Y - 5, 9, fill);
            canvas.DrawText((index + 1).ToString(CultureInfo.InvariantCulture), at.X + 8, at.Y - 1, SKTextAlign.Center, bold, white);
        }), alliance.Name)));

        // Lay out as many items as fit on the rows left; when some do not, the last row says how many.
        var shown = items.Count;
        List<(float X, float Y)>? positions;
        while ((positions = Flow(items.Take(shown).Select(i => Fit(i.Text, font, 300)).ToList(), shown < items.Count ? language.T("Map_More", items.Count - shown) : null, font)) is null)
        {
            shown--;
        }

        for (var i = 0; i < shown; i++)
        {
            items[i].Mark(new SKPoint(positions[i].X, positions[i].Y));
            canvas.DrawText(Fit(items[i].Text, font, 300), positions[i].X + 22, positions[i].Y, SKTextAlign.Left, font, ink);
        }

        if (shown < items.Count)
        {
            using var muted = Fill(Muted);
            canvas.DrawText(language.T("Map_More", items.Count - shown), positions[^1].X, positions[^1].Y, SKTextAlign.Left, font, muted);
        }
    }

    /// <summary>Where each legend item goes, left to right and row by row; null when they do not all fit.</summary>
    private static List<(float X, float Y)>? Flow(List<string> texts, string? more, SKFont font)
    {
        const float rowHeight = 25;
        const float lastBaseline = Size - 12;
        var positions = new List<(float X, float Y)>();
        var (x, y) = (Margin, LegendTop + 24);
        var widths = texts.Select(t => 24 + font.MeasureText(t) + 22).ToList();
        if (more is not null)
        {
            widths.Add(font.MeasureText(more) - 22 + 24);
        }

        foreach (var width in widths)
        {
            if (x + width > Size - Margin && x > Margin)
            {
                (x, y) = (Margin, y + rowHeight);
            }

            if (y > lastBaseline)
            {
                return null;
            }

            positions.Add((x, y));
            x += width;
        }

        return positions;
    }

    private static void RingMark(SKCanvas canvas, SKPoint at, float size)
    {
        using var stroke = Stroke(Muted, 1.5f);
        stroke.PathEffect = SKPathEffect.CreateDash([3, 3], 0);
        canvas.DrawCircle(at.X + 8, at.Y - 5, 8, stroke);
        using var dot = Fill(CentreFill);
        canvas.DrawCircle(at.X + 8, at.Y - 5, 3 + (4 * (1 - size)), dot);
    }

    private static List<List<Placed>> Runs(List<Placed> ring)
    {
        var runs = new List<List<Placed>>();
        foreach (var p in ring)
        {
            if (runs.Count == 0 || runs[^1][0].Partner.Kind != p.Partner.Kind)
            {
                runs.Add([]);
            }

            runs[^1].Add(p);
        }

        return runs;
    }

    private static float AngleBetween(List<Placed> ring) =>
        ring.Zip(ring.Skip(1)).Where(pair => pair.First.Partner.Kind == pair.Second.Partner.Kind).Select(pair => pair.Second.Angle - pair.First.Angle).DefaultIfEmpty(2 * MathF.PI / (ring.Count + 1)).Min();

    /// <summary>How far a ray from the centre runs before it leaves the map area.</summary>
    private static float DistanceToEdge(float angle)
    {
        var (cos, sin) = (MathF.Cos(angle), MathF.Sin(angle));
        var tx = cos > 0.0001f ? (MapArea.Right - Centre.X) / cos : cos < -0.0001f ? (MapArea.Left - Centre.X) / cos : float.MaxValue;
        var ty = sin > 0.0001f ? (MapArea.Bottom - Centre.Y) / sin : sin < -0.0001f ? (MapArea.Top - Centre.Y) / sin : float.MaxValue;
        return Math.Min(tx, ty);
    }

    /// <summary>The longest start of <paramref name="text"/> that fits, with an ellipsis when cut.</summary>
    internal static string Fit(string text, SKFont font, float maxWidth)
    {
        var clean = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (font.MeasureText(clean) <= maxWidth)
        {
            return clean;
        }

        const string ellipsis = "…";
        var (low, high) = (0, clean.Length);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (font.MeasureText(Cut(clean, mid) + ellipsis) <= maxWidth)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low == 0 ? ellipsis : Cut(clean, low) + ellipsis;
    }

    private static string Cut(string text, int length)
    {
        if (length < text.Length && length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length].TrimEnd();
    }

    /// <summary>Word-wraps into at most <paramref name="maxLines"/>, the last one cut with an ellipsis.</summary>
    private static List<string> Wrap(string text, SKFont font, float maxWidth, int maxLines)
    {
        var words = (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        var current = string.Empty;
        var index = 0;
        for (; index < words.Length && lines.Count < maxLines; index++)
        {
            var candidate = current.Length == 0 ? words[index] : current + " " + words[index];
            if (font.MeasureText(candidate) <= maxWidth || current.Length == 0)
            {
                current = candidate;
                continue;
            }

            lines.Add(current);
            current = words[index];
        }

        if (current.Length > 0 && lines.Count < maxLines)
        {
            lines.Add(current);
        }
        else if (current.Length > 0)
        {
            index--;
        }

        if (lines.Count > 0 && index < words.Length)
        {
            lines[^1] = Fit(lines[^1] + " " + string.Join(' ', words[index..]), font, maxWidth);
        }

        return lines.Select(line => Fit(line, font, maxWidth)).ToList();
    }

    /// <summary>The distance from the centre to an ellipse in a direction.</summary>
    private static float RadiusAt(SKSize radius, float direction)
    {
        var (cos, sin) = (MathF.Cos(direction) / radius.Width, MathF.Sin(direction) / radius.Height);
        return 1 / MathF.Sqrt((cos * cos) + (sin * sin));
    }

    private static SKPoint Offset(SKPoint point, float angle, float by) => new(point.X + (by * MathF.Cos(angle)), point.Y + (by * MathF.Sin(angle)));

    private static float Distance(SKPoint a, SKPoint b) => MathF.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static float Normalise(float angle) => ((angle % (2 * MathF.PI)) + (2 * MathF.PI)) % (2 * MathF.PI);

    private static float Degrees(float radians) => radians * 180 / MathF.PI;

    private static SKFont Font(SKTypeface typeface, float size) => new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    /// <summary>A white outline drawn under a name, so links that cross it do not cut the letters.</summary>
    private static SKPaint Halo() => new() { Color = SKColors.White.WithAlpha(230), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 5, StrokeJoin = SKStrokeJoin.Round };

    private static SKPaint Fill(SKColor colour) => new() { Color = colour, IsAntialias = true, Style = SKPaintStyle.Fill };

    private static SKPaint Stroke(SKColor colour, float width) => new() { Color = colour, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
}
