using SkiaSharp;

namespace Samskapelse.Documents;

/// <summary>
/// Noto Sans, embedded in this assembly: the map never depends on fonts installed on the server,
/// and Noto covers æ, ø and å (and the rest of Latin, Greek and Cyrillic).
/// </summary>
internal static class DocumentFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("NotoSans-Regular.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("NotoSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string file)
    {
        var name = "Samskapelse.Documents.Fonts." + file;
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        // Skia reads glyphs lazily, so it gets its own copy of the bytes rather than the resource stream.
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {name} could not be read.");
    }
}
