using System.Buffers.Binary;
using System.Text;
using ImageMagick;

namespace FieldReports.AspNetCore.Tests;

/// <summary>Images made for the tests with Magick.NET, carrying canary metadata a leak would show.</summary>
internal static class TestImages
{
    public const string CanarySerial = "SN-CANARY-4711";
    public const string CanaryOwner = "Owner Canaryvo";
    public const string CanaryAuthor = "Author Canaryle";
    public const string CanaryComment = "Comment Canaryho";

    /// <summary>A plain 48×32 JPEG without metadata.</summary>
    public static byte[] PlainJpeg()
    {
        using var image = new MagickImage(MagickColors.SteelBlue, 48, 32);
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>
    /// A 64×32 JPEG as a phone writes it: EXIF with GPS coordinates, the camera's serial number and owner, orientation
    /// "rotate 90° clockwise" (so it shows 32×64 upright), XMP, IPTC and a comment.
    /// </summary>
    public static byte[] JpegWithCanaries()
    {
        using var image = new MagickImage(MagickColors.OrangeRed, 64, 32);
        var exif = CanaryExif();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        image.SetProfile(exif);
        image.Orientation = Orientation.RightTop;
        image.SetProfile(new XmpProfile(Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
            + "<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:creator>" + CanaryOwner + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")));
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.Byline, CanaryAuthor);
        image.SetProfile(iptc);
        image.Comment = CanaryComment;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>A 20×10 PNG with tEXt chunks (author, comment) and an eXIf profile holding GPS, serial and owner.</summary>
    public static byte[] PngWithCanaries()
    {
        using var image = new MagickImage(MagickColors.SeaGreen, 20, 10);
        image.SetAttribute("Author", CanaryAuthor);
        image.SetAttribute("Comment", CanaryComment);
        image.SetProfile(CanaryExif());
        return image.ToByteArray(MagickFormat.Png);
    }

    /// <summary>A complete PNG of a few dozen bytes whose header declares <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    public static byte[] PixelFloodPng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A JPEG header (start of frame and of scan, no image data) declaring 65535×65535 pixels, the format's largest.</summary>
    public static byte[] PixelFloodJpeg() =>
    [
        0xFF, 0xD8,
        0xFF, 0xC0, 0, 17, 8, 0xFF, 0xFF, 0xFF, 0xFF, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0,
        0xFF, 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0,
        0, 0,
        0xFF, 0xD9,
    ];

    /// <summary>A trailer some phones append after a JPEG's end (a motion clip, a depth map), here carrying a canary.</summary>
    public const string CanaryTrailer = "MotionPhoto Canarytrail";

    /// <summary>
    /// A 64×48 noisy JPEG stored upright (orientation 1) with the canary EXIF (GPS, serial, owner), XMP, IPTC, a comment, an
    /// sRGB colour profile, and data appended after its end-of-image marker.
    /// </summary>
    public static byte[] UprightJpegWithCanaries()
    {
        var pixels = new byte[64 * 48 * 3];
        new Random(7).NextBytes(pixels);
        using var image = new MagickImage(pixels, new PixelReadSettings(64, 48, StorageType.Char, PixelMapping.RGB));
        var exif = CanaryExif();
        exif.SetValue(ExifTag.Orientation, (ushort)1);
        image.SetProfile(exif);
        image.SetProfile(ColorProfiles.SRGB);
        image.SetProfile(new XmpProfile(Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
            + "<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:creator>" + CanaryOwner + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")));
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.Byline, CanaryAuthor);
        image.SetProfile(iptc);
        image.Comment = CanaryComment;
        image.Quality = 92;
        return [.. image.ToByteArray(MagickFormat.Jpeg), .. Encoding.ASCII.GetBytes(CanaryTrailer)];
    }

    private static ExifProfile CanaryExif()
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.SerialNumber, CanarySerial);
        exif.SetValue(ExifTag.OwnerName, CanaryOwner);
        exif.SetValue(ExifTag.Make, "Canaryphone");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(9, 1), new Rational(10, 1), new Rational(37, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(105, 1), new Rational(9, 1), new Rational(8, 1)]);
        return exif;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var body = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(body));
        png.Write(length);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
