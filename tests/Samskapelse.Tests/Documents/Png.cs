using System.Buffers.Binary;
using System.Text;

namespace Samskapelse.Tests.Documents;

/// <summary>Reads a PNG's header chunk (IHDR) the way any viewer does, without a graphics library.</summary>
public static class Png
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height, int BitDepth, int ColourType) Header(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        Assert.True(png.Length > 33, "Too short for a PNG.");
        Assert.Equal(Signature, png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        return (
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)),
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)),
            png[24],
            png[25]);
    }
}
