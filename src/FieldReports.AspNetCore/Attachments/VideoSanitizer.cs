using System.Buffers.Binary;
using System.Text;

namespace FieldReports.AspNetCore;

/// <summary>
/// Makes the copy of an uploaded MP4 or QuickTime video that people other than the centre's staff see. Both are ISO base
/// media files (ISO/IEC 14496-12 §4.2: a sequence of boxes, each a 32-bit big-endian size, a four-character type, a 64-bit
/// size after the type when the 32-bit size is 1, running to the end of the file when it is 0, and 16 bytes of
/// user type for <c>uuid</c>). The file is copied box by box in one streaming pass (a fixed buffer, whatever its size);
/// every box that carries metadata is replaced by a <c>free</c> box of the same size filled with zeros, so every box keeps
/// its offset and the chunk offsets of the sample tables (<c>stco</c>, <c>co64</c>) stay valid without being rewritten.
/// </summary>
/// <remarks>
/// <para>Replaced wherever the walk meets them (the file, <c>moov</c>, <c>trak</c>, <c>mdia</c>, <c>minf</c>,
/// <c>stbl</c>, <c>moof</c>, <c>traf</c>): <c>udta</c> (user data: <c>©xyz</c> and 3GPP <c>loci</c> locations, make, model,
/// owner, copyright, Apple and Android <c>meta</c>/<c>ilst</c> tags, XMP_), <c>meta</c> (including QuickTime
/// <c>mdta</c> keys such as <c>com.apple.quicktime.location.ISO6709</c> and the device's make, model and software),
/// <c>meco</c>, every <c>uuid</c> box (XMP and vendors' device blocks), and the old contents of <c>free</c> and
/// <c>skip</c> boxes (editors leave replaced metadata there). At the file's top level only the boxes a player needs are
/// kept (<c>ftyp</c>, <c>moov</c>, <c>mdat</c>, <c>moof</c>, <c>mfra</c>, <c>styp</c>, <c>sidx</c>, <c>ssix</c>,
/// <c>pdin</c>, <c>prft</c>, <c>wide</c>); any other, such as a dashcam's <c>gps </c> box or Samsung's <c>sefd</c>, is
/// replaced. The creation and modification times of <c>mvhd</c>, <c>tkhd</c> and <c>mdhd</c> are zeroed ("unknown").</para>
/// <para>A file whose boxes do not fit (a size smaller than its header, a box running past its container or the end of
/// the file, a size of 0 below the top level) is refused with <see cref="MalformedException"/>. When the input can seek,
/// the samples of timed metadata tracks (a camera's GPS track) are found first (<see cref="TimedMetadataSamples"/>) and
/// written as zeros; from a forward-only input they are copied as they are.</para>
/// </remarks>
internal static class VideoSanitizer
{
    private const int BufferSize = 81920;

    private static readonly byte[] Zeros = new byte[BufferSize];

    /// <summary>The file is not a well-formed ISO base media file; nothing usable was written.</summary>
    public sealed class MalformedException(string message) : Exception(message);

    private enum Action
    {
        Copy,
        Descend,
        Blank,
        ZeroTimes,
    }

    /// <summary>Whether videos of <paramref name="mediaType"/> (as sniffed) can be stripped: MP4 and QuickTime.</summary>
    public static bool CanStrip(string mediaType) => mediaType is "video/mp4" or "video/quicktime";

    /// <summary>Copies <paramref name="input"/> to <paramref name="output"/> without its metadata boxes; the copy has the same length.</summary>
    /// <param name="input">The video as uploaded, read once from its start.</param>
    /// <param name="length">The length of <paramref name="input"/> in bytes.</param>
    /// <param name="output">Receives the copy.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <exception cref="MalformedException">The box structure is malformed or the input ends before <paramref name="length"/>.</exception>
    public static async Task StripAsync(Stream input, long length, Stream output, CancellationToken cancellationToken)
    {
        var samples = input.CanSeek ? await TimedMetadataSamples.FindAsync(input, length, cancellationToken) : [];
        var walker = new Walker(input, output, samples);
        await walker.CopyBoxesAsync(0, length, null, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static Action ActionOf(string? parent, string type) => (parent, type) switch
    {
        (_, "udta" or "meta" or "meco" or "uuid" or "free" or "skip") => Action.Blank,
        (null, "moov" or "moof") => Action.Descend,
        (null, "ftyp" or "mdat" or "mfra" or "styp" or "sidx" or "ssix" or "pdin" or "prft" or "wide") => Action.Copy,
        (null, _) => Action.Blank,
        ("moov", "trak") or ("trak", "mdia") or ("mdia", "minf") or ("minf", "stbl") or ("moof", "traf") => Action.Descend,
        ("moov", "mvhd") or ("trak", "tkhd") or ("mdia", "mdhd") => Action.ZeroTimes,
        _ => Action.Copy,
    };

    private sealed class Walker(Stream input, Stream output, IReadOnlyList<(long Start, long End)> blank)
    {
        private readonly byte[] _buffer = new byte[BufferSize];
        private long _position;
        private int _nextBlank;

        public async Task CopyBoxesAsync(int depth, long end, string? parent, CancellationToken ct)
        {
            while (_position < end)
            {
                var start = _position;
                var left = end - start;
                if (left < 8)
                {
                    throw Malformed(start, $"{left} bytes remain where a box header of at least 8 was expected");
                }

                var header = new byte[16];
                await ReadAsync(header.AsMemory(0, 8), ct);
                var size32 = BinaryPrimitives.ReadUInt32BigEndian(header);
                var type = Encoding.Latin1.GetString(header, 4, 4);
                var headerLength = 8;
                long size;
                if (size32 == 1)
                {
                    if (left < 16)
                    {
                        throw Malformed(start, $"the 64-bit size of '{Printable(type)}' is cut off");
                    }

                    await ReadAsync(header.AsMemory(8, 8), ct);
                    var large = BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
                    if (large > long.MaxValue)
                    {
                        throw Malformed(start, $"'{Printable(type)}' declares a 64-bit size beyond any file");
                    }

                    size = (long)large;
                    headerLength = 16;
                }
                else if (size32 == 0)
                {
                    // A size of 0 means "to the end of the file", which only a top-level box can mean.
                    if (depth > 0)
                    {
                        throw Malformed(start, $"'{Printable(type)}' inside '{parent}' has size 0");
                    }

                    size = left;
                }
                else
                {
                    size = size32;
                }

                if (size < headerLength || (type == "uuid" && size < headerLength + 16))
                {
                    throw Malformed(start, $"'{Printable(type)}' declares {size} bytes, less than its own header");
                }

                if (size > left)
                {
                    throw Malformed(start, $"'{Printable(type)}' declares {size} bytes but its {(parent is null ? "file" : $"container '{parent}'")} has {left} left");
                }

                var payload = size - headerLength;
                switch (ActionOf(parent, type))
                {
                    case Action.Descend:
                        await output.WriteAsync(header.AsMemory(0, headerLength), ct);
                        await CopyBoxesAsync(depth + 1, start + size, type, ct);
                        break;
                    case Action.Blank:
                        // Same size field (32-bit, 64-bit or 0), type 'free', zeros for everything after it.
                        "free"u8.CopyTo(header.AsSpan(4));
                        await output.WriteAsync(header.AsMemory(0, headerLength), ct);
                        await SkipAsync(payload, ct);
                        await WriteZerosAsync(payload, ct);
                        break;
                    case Action.ZeroTimes:
                        await output.WriteAsync(header.AsMemory(0, headerLength), ct);
                        await ZeroTimesAsync(start, type, payload, ct);
                        break;
                    default:
                        await output.WriteAsync(header.AsMemory(0, headerLength), ct);
                        await CopyAsync(payload, ct, blankSamples: parent is null && type == "mdat");
                        break;
                }
            }
        }

        /// <summary>A full box (version, flags) whose version 0 has 32-bit and version 1 64-bit creation and modification times first.</summary>
        private async Task ZeroTimesAsync(long start, string type, long payload, CancellationToken ct)
        {
            if (payload < 4)
            {
                throw Malformed(start, $"'{type}' is too short for its version");
            }

            var head = new byte[20];
            await ReadAsync(head.AsMemory(0, 4), ct);
            var times = head[0] == 1 ? 16 : 8;
            if (payload < 4 + times)
            {
                throw Malformed(start, $"'{type}' is too short for its times");
            }

            await SkipAsync(times, ct);
            await output.WriteAsync(head.AsMemory(0, 4 + times), ct);
            await CopyAsync(payload - 4 - times, ct);
        }

        private async Task CopyAsync(long count, CancellationToken ct, bool blankSamples = false)
        {
            while (count > 0)
            {
                var n = (int)Math.Min(count, _buffer.Length);
                var at = _position;
                await ReadAsync(_buffer.AsMemory(0, n), ct);
                if (blankSamples)
                {
                    BlankSamples(at, n);
                }

                await output.WriteAsync(_buffer.AsMemory(0, n), ct);
                count -= n;
            }
        }

        /// <summary>Zeroes the bytes of timed metadata samples within the buffer, which holds the file from <paramref name="at"/>.</summary>
        private void BlankSamples(long at, int n)
        {
            var end = at + n;
            while (_nextBlank < blank.Count && blank[_nextBlank].End <= at)
            {
                _nextBlank++;
            }

            for (var i = _nextBlank; i < blank.Count && blank[i].Start < end; i++)
            {
                var from = Math.Max(blank[i].Start, at);
                var to = Math.Min(blank[i].End, end);
                _buffer.AsSpan((int)(from - at), (int)(to - from)).Clear();
            }
        }

        private async Task SkipAsync(long count, CancellationToken ct)
        {
            while (count > 0)
            {
                var n = (int)Math.Min(count, _buffer.Length);
                await ReadAsync(_buffer.AsMemory(0, n), ct);
                count -= n;
            }
        }

        private async Task WriteZerosAsync(long count, CancellationToken ct)
        {
            while (count > 0)
            {
                var n = (int)Math.Min(count, Zeros.Length);
                await output.WriteAsync(Zeros.AsMemory(0, n), ct);
                count -= n;
            }
        }

        private async Task ReadAsync(Memory<byte> into, CancellationToken ct)
        {
            var read = await input.ReadAtLeastAsync(into, into.Length, throwOnEndOfStream: false, ct);
            _position += read;
            if (read < into.Length)
            {
                throw Malformed(_position, "the file ends inside a box");
            }
        }

        private static MalformedException Malformed(long at, string what) =>
            new($"The video is not a well-formed MP4/QuickTime file: at byte {at}, {what}.");

        private static string Printable(string type) => new([.. type.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
    }
}
