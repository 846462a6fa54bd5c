using System.Buffers.Binary;
using System.Text;
using static FieldReports.AspNetCore.Tests.TestVideos;

namespace FieldReports.AspNetCore.Tests;

/// <summary>The MP4/QuickTime copy others see keeps every sample at its offset and loses the boxes that carry metadata.</summary>
public class VideoSanitizerTests
{
    [Theory]
    [InlineData(Layout.MoovFirst, "isom")]
    [InlineData(Layout.LargeMdatFirst, "mp42")]
    [InlineData(Layout.MdatToEnd, "qt  ")]
    public async Task Stripped_copy_has_no_location_owner_or_device_and_keeps_every_sample_at_its_offset(Layout layout, string brand)
    {
        var original = Mp4WithCanaries(layout, brand);
        var originalText = Encoding.Latin1.GetString(original) + Encoding.UTF8.GetString(original);
        Assert.All(Canaries, c => Assert.Contains(c, originalText, StringComparison.Ordinal));

        var stripped = await StripAsync(original);

        Assert.Equal(original.Length, stripped.Length);
        var text = Encoding.Latin1.GetString(stripped) + Encoding.UTF8.GetString(stripped);
        Assert.All(Canaries, c => Assert.DoesNotContain(c, text, StringComparison.Ordinal));
        Assert.DoesNotContain("com.apple.quicktime", text, StringComparison.Ordinal);

        // The top level keeps the boxes a player needs at the same offsets; the others are zero-filled 'free' boxes.
        var before = Boxes(original);
        var after = Boxes(stripped);
        Assert.Equal(before.Select(b => (b.Offset, b.Size)), after.Select(b => (b.Offset, b.Size)));
        Assert.Equal(
            before.Select(b => b.Type is "ftyp" or "moov" or "mdat" ? b.Type : "free"),
            after.Select(b => b.Type));
        foreach (var free in after.Where(b => b.Type == "free"))
        {
            var header = BinaryPrimitives.ReadUInt32BigEndian(stripped.AsSpan((int)free.Offset)) == 1 ? 16 : 8;
            Assert.All(stripped.AsSpan((int)free.Offset + header, (int)free.Size - header).ToArray(), b => Assert.Equal(0, b));
        }

        // Inside the movie: the track's and the movie's user data and metadata boxes are blanked, the track itself is kept.
        var moov = after.Single(b => b.Type == "moov");
        Assert.Equal(["mvhd", "trak", "trak", "free", "free"], Boxes(stripped, moov.Offset + 8, moov.Offset + moov.Size).Select(b => b.Type));

        // The chunk offset still points at the same samples, and mdat is byte for byte the same at the same place, except
        // the GPS track's samples, which are zeros of the same length (its sample tables are unchanged).
        var mdat = before.Single(b => b.Type == "mdat");
        var chunk = ChunkOffset(stripped);
        Assert.Equal(ChunkOffset(original), chunk);
        Assert.Equal(Samples, stripped.AsSpan((int)chunk, Samples.Length).ToArray());
        var gps = GpsSamples.Sum(g => g.Length);
        var gpsAt = (int)chunk + Samples.Length;
        Assert.Equal(Concat(GpsSamples), original.AsSpan(gpsAt, gps).ToArray());
        Assert.All(stripped.AsSpan(gpsAt, gps).ToArray(), b => Assert.Equal(0, b));
        var expected = original.AsSpan((int)mdat.Offset, (int)mdat.Size).ToArray();
        Array.Clear(expected, gpsAt - (int)mdat.Offset, gps);
        Assert.Equal(expected, stripped.AsSpan((int)mdat.Offset, (int)mdat.Size).ToArray());

        // Recording times are "unknown" (0) in mvhd, tkhd and mdhd.
        foreach (var box in new[] { "mvhd"u8.ToArray(), "tkhd"u8.ToArray(), "mdhd"u8.ToArray() })
        {
            var at = IndexOf(stripped, box);
            Assert.Equal(0UL, BinaryPrimitives.ReadUInt64BigEndian(stripped.AsSpan(at + 8)));
            Assert.NotEqual(0UL, BinaryPrimitives.ReadUInt64BigEndian(original.AsSpan(at + 8)));
        }
    }

    [Fact]
    public async Task A_large_file_is_copied_through_a_small_buffer_in_one_forward_pass()
    {
        const int samples = 20 * 1024 * 1024;
        var head = Mp4WithCanaries(Layout.MdatToEnd);
        using var input = new ForwardOnlyStream(head, samples);
        var output = new CountingStream();

        await VideoSanitizer.StripAsync(input, head.Length + samples, output, CancellationToken.None);

        Assert.Equal(head.Length + (long)samples, output.Length);
        Assert.Equal(samples, output.Checked);
    }

    public static TheoryData<string, byte[]> Malformed()
    {
        var good = Mp4WithCanaries();
        var moov = Boxes(good).Single(b => b.Type == "moov");
        var trak = Boxes(good, moov.Offset + 8, moov.Offset + moov.Size).First(b => b.Type == "trak");

        byte[] With(long at, params byte[] bytes)
        {
            var copy = good.ToArray();
            bytes.CopyTo(copy, at);
            return copy;
        }

        return new TheoryData<string, byte[]>
        {
            { "truncated in mdat", good[..^100] },
            { "truncated in a header", good[..(int)(moov.Offset + 5)] },
            { "32-bit size past the end of the file", With(moov.Offset, U32(0xFFFFFFF0)) },
            { "64-bit size past the end of the file", With(moov.Offset, Concat(U32(1), "moov"u8.ToArray(), U64(ulong.MaxValue - 5))) },
            { "64-bit size smaller than its header", Concat(good[..(int)moov.Offset], U32(1), "moov"u8.ToArray(), U64(12), good[(int)(moov.Offset + 16)..]) },
            { "size smaller than a header", With(moov.Offset, U32(4)) },
            { "child larger than its parent", With(trak.Offset, U32((uint)moov.Size)) },
            { "size 0 below the top level", With(trak.Offset, U32(0)) },
            { "a few stray bytes at the end", Concat(good, [0, 0, 1]) },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_box_structure_is_refused(string what, byte[] file)
    {
        var e = await Assert.ThrowsAsync<VideoSanitizer.MalformedException>(() => StripAsync(file));
        Assert.Contains("not a well-formed", e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public async Task Corrupted_files_are_either_copied_at_their_length_or_refused_never_anything_else()
    {
        var random = new Random(20261123);
        foreach (var layout in Enum.GetValues<Layout>())
        {
            var good = Mp4WithCanaries(layout);
            for (var i = 0; i < 300; i++)
            {
                var bad = good.ToArray();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    // Mostly in the boxes' headers and tables, where a flipped byte changes the structure.
                    var at = random.Next(0, bad.Length - Samples.Length);
                    bad[at] = (byte)random.Next(256);
                }

                try
                {
                    Assert.Equal(bad.Length, (await StripAsync(bad)).Length);
                }
                catch (VideoSanitizer.MalformedException)
                {
                }
            }
        }
    }

    [Fact]
    public async Task Input_shorter_than_its_stored_length_is_refused()
    {
        var good = Mp4WithCanaries();
        using var input = new MemoryStream(good[..^10]);

        await Assert.ThrowsAsync<VideoSanitizer.MalformedException>(() => VideoSanitizer.StripAsync(input, good.Length, Stream.Null, CancellationToken.None));
    }

    private static async Task<byte[]> StripAsync(byte[] original)
    {
        using var input = new MemoryStream(original, writable: false);
        using var output = new MemoryStream();
        await VideoSanitizer.StripAsync(input, original.Length, output, CancellationToken.None);
        return output.ToArray();
    }

    /// <summary>The head, then <c>count</c> generated sample bytes; cannot seek, and refuses reads larger than 1 MiB.</summary>
    private sealed class ForwardOnlyStream(byte[] head, long count) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int size)
        {
            Assert.True(size <= 1024 * 1024, $"a read of {size} bytes");
            var n = (int)Math.Min(size, head.Length + count - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = at < head.Length ? head[at] : (byte)(at % 251);
            }

            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int size) => throw new NotSupportedException();
    }

    /// <summary>Counts what is written and checks the samples after the head arrive unchanged, without keeping them.</summary>
    private sealed class CountingStream : Stream
    {
        private readonly int _head = Mp4WithCanaries(Layout.MdatToEnd).Length;
        private long _length;

        public long Checked { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Assert.True(count <= 1024 * 1024, $"a write of {count} bytes");
            for (var i = 0; i < count; i++)
            {
                var at = _length + i;
                if (at < _head)
                {
                    continue;
                }

                if (buffer[offset + i] != (byte)(at % 251))
                {
                    throw new InvalidDataException($"sample byte {at} changed");
                }

                Checked++;
            }

            _length += count;
        }
    }
}
