using System.Buffers.Binary;
using System.Text;

namespace FieldReports.AspNetCore.Tests;

/// <summary>
/// Small but structurally real MP4 files built box by box (ISO/IEC 14496-12): a movie with one video track whose chunk
/// offset (<c>stco</c>) points into <c>mdat</c>, and metadata where phones and cameras put it — a QuickTime <c>©xyz</c>
/// location, make, model and owner in <c>moov/udta</c>, an iTunes-style <c>meta/ilst</c>, an <c>mdta</c>-keyed
/// <c>moov/meta</c>, a track-level <c>udta</c>, an XMP <c>uuid</c> box, a dashcam's top-level <c>gps </c> box and an old
/// serial number left in a <c>free</c> box.
/// </summary>
public static class TestVideos
{
    public const string CanaryGps = "+10.7769+106.7009/";
    public const string CanaryOwner = "Canary Owner Tran Thi B";
    public const string CanarySerial = "SN-CANARY-9931";
    public const string CanaryModel = "Canaryphone 12";
    public const string CanaryXmp = "CanaryXmpCreator";

    public static readonly string[] Canaries = [CanaryGps, CanaryOwner, CanarySerial, CanaryModel, CanaryXmp, "106.7009", "Canary"];

    /// <summary>Where the samples are laid out.</summary>
    public enum Layout
    {
        /// <summary><c>ftyp</c>, <c>moov</c>, other boxes, then <c>mdat</c> (a "fast start" file).</summary>
        MoovFirst,

        /// <summary><c>ftyp</c>, <c>mdat</c> with a 64-bit size, then <c>moov</c> (how cameras write while recording).</summary>
        LargeMdatFirst,

        /// <summary><c>mdat</c> last with size 0, "to the end of the file".</summary>
        MdatToEnd,
    }

    public static byte[] Samples { get; } = [.. Enumerable.Range(0, 3000).Select(i => (byte)((i * 7) + 3))];

    /// <summary>The two samples of the timed metadata track, stored right after the video's samples.</summary>
    public static byte[][] GpsSamples { get; } = [Utf8($"$GPS {CanaryGps} 32km/h"), Utf8("$GPS +10.7770+106.7011/ CanaryTrack")];

    private static byte[] MdatPayload => Concat(Samples, Concat(GpsSamples));

    public static byte[] Mp4WithCanaries(Layout layout = Layout.MoovFirst, string brand = "isom")
    {
        var ftyp = Box("ftyp", Ascii(brand), U32(0x200), Ascii("isom"), Ascii("mp41"));
        var extras = Concat(
            Box("uuid", Hex("BE7ACFCB97A942E89C71999491E3AFAC"), Utf8($"<x:xmpmeta><dc:creator>{CanaryXmp}</dc:creator><exif:GPSLatitude>{CanaryGps}</exif:GPSLatitude></x:xmpmeta>")),
            Box("gps ", Utf8($"$GPRMC,A,{CanaryGps}")),
            Box("free", Utf8($"old-serial {CanarySerial}")));

        // The chunk offset depends on where mdat lands, which depends on moov's size: moov is built twice.
        byte[] moov = Moov(0);
        byte[] mdatHeader;
        long samplesAt;
        switch (layout)
        {
            case Layout.LargeMdatFirst:
                mdatHeader = Concat(U32(1), Ascii("mdat"), U64(16 + (ulong)MdatPayload.Length));
                samplesAt = ftyp.Length + mdatHeader.Length;
                return Concat(ftyp, mdatHeader, MdatPayload, Moov((uint)samplesAt), extras);
            case Layout.MdatToEnd:
                mdatHeader = Concat(U32(0), Ascii("mdat"));
                break;
            default:
                mdatHeader = Concat(U32(8 + (uint)MdatPayload.Length), Ascii("mdat"));
                break;
        }

        samplesAt = ftyp.Length + moov.Length + extras.Length + mdatHeader.Length;
        return Concat(ftyp, Moov((uint)samplesAt), extras, mdatHeader, MdatPayload);
    }

    /// <summary>The offset of the first chunk, as the file's <c>stco</c> says.</summary>
    public static long ChunkOffset(byte[] file)
    {
        var at = IndexOf(file, "stco"u8);
        return BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 12));
    }

    /// <summary>The types of the boxes at one level, from <paramref name="start"/> to <paramref name="end"/>, with their offsets.</summary>
    public static List<(string Type, long Offset, long Size)> Boxes(byte[] file, long start = 0, long? end = null)
    {
        var boxes = new List<(string, long, long)>();
        var stop = end ?? file.Length;
        for (var at = start; at < stop;)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan((int)at));
            var type = Encoding.Latin1.GetString(file, (int)at + 4, 4);
            size = size switch
            {
                1 => (long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan((int)at + 8)),
                0 => stop - at,
                _ => size,
            };
            boxes.Add((type, at, size));
            at += size;
        }

        return boxes;
    }

    public static byte[] Box(string type, params byte[][] payload)
    {
        var body = Concat(payload);
        return Concat(U32((uint)(8 + body.Length)), Latin1(type), body);
    }

    public static int IndexOf(byte[] file, ReadOnlySpan<byte> what) => file.AsSpan().IndexOf(what);

    public static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        return b;
    }

    public static byte[] U64(ulong value)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(b, value);
        return b;
    }

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static byte[] Moov(uint chunkOffset)
    {
        // QuickTime user data text: 16-bit length, 16-bit language, the text.
        static byte[] Text(string type, string text) => Box(type, U16((ushort)Encoding.UTF8.GetByteCount(text)), U16(0x15C7), Utf8(text));

        var mvhd = Box("mvhd", U32(0), U32(0xE0A1B2C3), U32(0xE0A1B2C4), U32(600), U32(600), new byte[80]);
        var tkhd = Box("tkhd", U32(3), U32(0xE0A1B2C3), U32(0xE0A1B2C4), U32(1), new byte[68]);
        var mdhd = Box("mdhd", U32(0), U32(0xE0A1B2C3), U32(0xE0A1B2C4), U32(600), U32(600), U32(0x55C40000));
        var hdlr = Box("hdlr", U32(0), U32(0), Ascii("vide"), new byte[12], Utf8("VideoHandler\0"));
        var stsd = Box("stsd", U32(0), U32(0));
        var stco = Box("stco", U32(0), U32(1), U32(chunkOffset));
        var stbl = Box("stbl", stsd, stco);
        var minf = Box("minf", Box("vmhd", U32(1), new byte[8]), stbl);
        var trackUdta = Box("udta", Text("\u00A9mod", CanaryModel));
        var trak = Box("trak", tkhd, Box("mdia", mdhd, hdlr, minf), trackUdta);

        // A timed metadata track (handler 'meta', as GoPro and Apple write GPS): two samples in one chunk after the video's.
        var gpsTable = Box(
            "stbl",
            Box("stsd", U32(0), U32(0)),
            Box("stsc", U32(0), U32(1), U32(1), U32(2), U32(1)),
            Box("stsz", U32(0), U32(0), U32(2), U32((uint)GpsSamples[0].Length), U32((uint)GpsSamples[1].Length)),
            Box("stco", U32(0), U32(1), U32(chunkOffset + (uint)Samples.Length)));
        var gpsTrak = Box(
            "trak",
            Box("tkhd", U32(3), U32(0xE0A1B2C3), U32(0xE0A1B2C4), U32(2), new byte[68]),
            Box("mdia", Box("mdhd", U32(0), U32(0), U32(0), U32(600), U32(600), U32(0)), Box("hdlr", U32(0), U32(0), Ascii("meta"), new byte[12], Utf8("\0")), Box("minf", gpsTable)));
        var ilst = Box("ilst", Box("\u00A9too", Box("data", U32(1), U32(0), Utf8(CanaryOwner + " / Lavf"))));
        var udta = Box(
            "udta",
            Text("\u00A9xyz", CanaryGps),
            Text("\u00A9mak", "CanaryMaker"),
            Text("\u00A9own", CanaryOwner),
            Box("meta", U32(0), Box("hdlr", U32(0), U32(0), Ascii("mdir"), Ascii("appl"), new byte[9]), ilst));
        var keys = Box(
            "keys",
            U32(0),
            U32(2),
            Box("mdta", Utf8("com.apple.quicktime.location.ISO6709")),
            Box("mdta", Utf8("com.apple.quicktime.model")));
        var values = Box("ilst", Box(Latin1String(U32(1)), Box("data", U32(1), U32(0), Utf8(CanaryGps))), Box(Latin1String(U32(2)), Box("data", U32(1), U32(0), Utf8(CanaryModel + " " + CanarySerial))));
        var meta = Box("meta", Box("hdlr", U32(0), U32(0), Ascii("mdta"), new byte[13]), keys, values);
        return Box("moov", mvhd, trak, gpsTrak, udta, meta);
    }

    private static string Latin1String(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    private static byte[] U16(ushort value)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, value);
        return b;
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    private static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Hex(string s) => Convert.FromHexString(s);
}
