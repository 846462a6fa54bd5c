using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Text;

namespace FieldReports.AspNetCore;

/// <summary>
/// Finds where in an MP4/QuickTime file the samples of its timed metadata tracks lie, so that <see cref="VideoSanitizer"/>
/// zeroes them while copying <c>mdat</c>: a camera's GPS track (GoPro GPMF and Apple <c>mebx</c> tracks, handler
/// <c>meta</c>), a dashcam's position written as a text track, Google's <c>camm</c> motion track — every track whose
/// handler is not video, sound, timecode or hint. The sample tables (ISO/IEC 14496-12 §8.7: <c>stsz</c>/<c>stz2</c> sample
/// sizes, <c>stsc</c> samples per chunk, <c>stco</c>/<c>co64</c> chunk offsets) give each chunk's byte range. Reads the
/// movie box (<c>moov</c>, at most 64 MiB) by seeking, wherever it lies in the file, before the copy starts.
/// </summary>
/// <remarks>
/// Sample tables are read defensively: counts are bounded by the bytes present, ranges are clipped to the file. Samples of
/// fragmented files (<c>moof</c>/<c>trun</c>) are not located.
/// </remarks>
internal static class TimedMetadataSamples
{
    private const int MaxMovieBox = 64 * 1024 * 1024;

    private static readonly FrozenSet<string> MediaHandlers = FrozenSet.Create(StringComparer.Ordinal, "vide", "soun", "tmcd", "hint");

    /// <summary>The byte ranges, sorted and merged, of the timed metadata samples of the file in <paramref name="input"/>; the stream is put back where it was.</summary>
    /// <exception cref="VideoSanitizer.MalformedException">The movie box is larger than 64 MiB.</exception>
    public static async Task<IReadOnlyList<(long Start, long End)>> FindAsync(Stream input, long length, CancellationToken ct)
    {
        var ranges = new List<(long Start, long End)>();
        var origin = input.Position;
        try
        {
            var header = new byte[16];
            for (long at = 0; at + 8 <= length;)
            {
                input.Position = origin + at;
                if (await input.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct) < 8)
                {
                    break;
                }

                long size = BinaryPrimitives.ReadUInt32BigEndian(header);
                var headerLength = 8;
                if (size == 1)
                {
                    var large = BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
                    size = large > long.MaxValue ? -1 : (long)large;
                    headerLength = 16;
                }
                else if (size == 0)
                {
                    size = length - at;
                }

                // A malformed structure is for the copy to refuse, with its position.
                if (size < headerLength || size > length - at)
                {
                    break;
                }

                if (header.AsSpan(4, 4).SequenceEqual("moov"u8))
                {
                    if (size - headerLength > MaxMovieBox)
                    {
                        throw new VideoSanitizer.MalformedException($"The video's movie box is larger than the {MaxMovieBox / (1024 * 1024)} MiB this API reads.");
                    }

                    var moov = new byte[size - headerLength];
                    input.Position = origin + at + headerLength;
                    await input.ReadExactlyAsync(moov, ct);
                    Collect(moov, length, ranges);
                }

                at += size;
            }
        }
        catch (EndOfStreamException)
        {
            // Truncated: the copy refuses it.
        }
        finally
        {
            input.Position = origin;
        }

        ranges.Sort();
        var merged = new List<(long Start, long End)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }

    private static void Collect(byte[] moov, long length, List<(long Start, long End)> ranges)
    {
        foreach (var trak in Children(moov, 0, moov.Length).Where(b => b.Type == "trak"))
        {
            var mdia = Child(moov, trak, "mdia");
            var hdlr = mdia is { } m ? Child(moov, m, "hdlr") : null;
            if (hdlr is not { Length: >= 12 } h || MediaHandlers.Contains(Encoding.Latin1.GetString(moov, h.Start + 8, 4)))
            {
                continue;
            }

            var minf = Child(moov, mdia!.Value, "minf");
            var stbl = minf is { } n ? Child(moov, n, "stbl") : null;
            if (stbl is { } table)
            {
                CollectTrack(moov, table, length, ranges);
            }
        }
    }

    private static void CollectTrack(byte[] data, (string Type, int Start, int Length) stbl, long length, List<(long Start, long End)> ranges)
    {
        var (constant, sizes, count) = SampleSizes(data, stbl);
        var offsets = ChunkOffsets(data, stbl);
        var perChunk = SamplesPerChunk(data, stbl);
        long sample = 0;
        var entry = 0;
        for (var chunk = 0; chunk < offsets.Count && sample < count; chunk++)
        {
            while (entry + 1 < perChunk.Count && perChunk[entry + 1].FirstChunk <= chunk + 1)
            {
                entry++;
            }

            if (perChunk.Count == 0 || perChunk[entry].FirstChunk > chunk + 1)
            {
                continue;
            }

            var samples = Math.Min(perChunk[entry].Samples, count - sample);
            long bytes;
            if (constant > 0)
            {
                bytes = samples > length / constant ? length : samples * constant;
            }
            else
            {
                bytes = 0;
                for (var i = sample; i < sample + samples && i < sizes.Length; i++)
                {
                    bytes += sizes[i];
                }
            }

            var start = offsets[chunk];
            if (start < length && bytes > 0)
            {
                ranges.Add((start, Math.Min(length, start + Math.Min(bytes, length))));
            }

            sample += samples;
        }
    }

    /// <summary>The constant sample size (0 when sizes vary), the sizes, and the sample count (never more than the sizes present when they vary).</summary>
    private static (long Constant, long[] Sizes, long Count) SampleSizes(byte[] data, (string Type, int Start, int Length) stbl)
    {
        if (Child(data, stbl, "stsz") is { Length: >= 12 } stsz)
        {
            long constant = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(stsz.Start + 4));
            long count = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(stsz.Start + 8));
            if (constant > 0)
            {
                return (constant, [], count);
            }

            var present = (int)Math.Min(count, (stsz.Length - 12) / 4);
            var sizes = new long[present];
            for (var i = 0; i < present; i++)
            {
                sizes[i] = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(stsz.Start + 12 + (i * 4)));
            }

            return (0, sizes, present);
        }

        if (Child(data, stbl, "stz2") is { Length: >= 12 } stz2)
        {
            int field = data[stz2.Start + 7];
            long count = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(stz2.Start + 8));
            if (field is not (4 or 8 or 16))
            {
                return (0, [], 0);
            }

            var present = (int)Math.Min(count, (stz2.Length - 12) * 8L / field);
            var sizes = new long[present];
            for (var i = 0; i < present; i++)
            {
                var at = stz2.Start + 12;
                sizes[i] = field switch
                {
                    16 => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at + (i * 2))),
                    8 => data[at + i],
                    _ => (i % 2 == 0 ? data[at + (i / 2)] >> 4 : data[at + (i / 2)]) & 0x0F,
                };
            }

            return (0, sizes, present);
        }

        return (0, [], 0);
    }

    private static List<long> ChunkOffsets(byte[] data, (string Type, int Start, int Length) stbl)
    {
        var offsets = new List<long>();
        var wide = false;
        if (Child(data, stbl, "stco") is not { Length: >= 8 } box)
        {
            if (Child(data, stbl, "co64") is not { Length: >= 8 } box64)
            {
                return offsets;
            }

            (box, wide) = (box64, true);
        }

        var width = wide ? 8 : 4;
        var count = Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(box.Start + 4)), (uint)((box.Length - 8) / width));
        for (var i = 0; i < count; i++)
        {
            var at = box.Start + 8 + (i * width);
            var offset = wide ? BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
            offsets.Add(offset > long.MaxValue ? long.MaxValue : (long)offset);
        }

        return offsets;
    }

    private static List<(long FirstChunk, long Samples)> SamplesPerChunk(byte[] data, (string Type, int Start, int Length) stbl)
    {
        var entries = new List<(long FirstChunk, long Samples)>();
        if (Child(data, stbl, "stsc") is { Length: >= 8 } stsc)
        {
            var count = Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(stsc.Start + 4)), (uint)((stsc.Length - 8) / 12));
            for (var i = 0; i < count; i++)
            {
                var at = stsc.Start + 8 + (i * 12);
                entries.Add((BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at)), BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at + 4))));
            }
        }

        return entries;
    }

    private static (string Type, int Start, int Length)? Child(byte[] data, (string Type, int Start, int Length) parent, string type) =>
        Children(data, parent.Start, parent.Start + parent.Length).Where(b => b.Type == type).Select(b => ((string, int, int)?)b).FirstOrDefault();

    /// <summary>The boxes directly inside <c>data[start..end]</c>, each as its type and payload; stops at the first that does not fit.</summary>
    private static List<(string Type, int Start, int Length)> Children(byte[] data, int start, int end)
    {
        var boxes = new List<(string Type, int Start, int Length)>();
        for (var at = start; at + 8 <= end;)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
            var headerLength = 8;
            if (size == 1)
            {
                if (at + 16 > end)
                {
                    break;
                }

                var large = BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(at + 8));
                size = large > int.MaxValue ? -1 : (long)large;
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = end - at;
            }

            if (size < headerLength || size > end - at)
            {
                break;
            }

            boxes.Add((Encoding.Latin1.GetString(data, at + 4, 4), at + headerLength, (int)size - headerLength));
            at += (int)size;
        }

        return boxes;
    }
}
