using System.Buffers;
using FieldReports.Provinces;
using ImageMagick;

namespace FieldReports.AspNetCore;

/// <summary>
/// Makes the copy of an uploaded image that people other than the centre's staff see: the size is read from the header
/// first and an absurd one (a pixel flood) is refused before any pixel is decoded. A JPEG whose pixels are stored upright
/// is then copied without its metadata segments (<see cref="JpegMetadataStripper"/>: no decode, the pixels unchanged);
/// any other image is decoded by the coder of its sniffed type only, turned upright by its EXIF orientation, and
/// re-encoded without EXIF, XMP, IPTC, comments or text chunks (the colour profile is kept). Built on Magick.NET.
/// </summary>
internal static class ImageSanitizer
{
    static ImageSanitizer()
    {
        // Process-wide guards of the decoder, beneath the per-province header check: a decode that would need more than
        // these fails instead of exhausting memory or filling the disk with a pixel cache.
        ResourceLimits.Memory = 1024UL * 1024 * 1024;
        ResourceLimits.Area = 256UL * 1024 * 1024;
        ResourceLimits.Disk = 0;
        ResourceLimits.ListLength = 1000;
    }

    public enum Verdict
    {
        Clean,
        TooLarge,
        Unreadable,
    }

    /// <summary>
    /// The outcome: the clean copy (the first <see cref="Length"/> bytes of <see cref="Content"/>) and its media type when
    /// <see cref="Verdict.Clean"/>. A <see cref="Pooled"/> copy is lent by <see cref="ArrayPool{T}.Shared"/>: return it once saved.
    /// </summary>
    public sealed record Result(Verdict Verdict, byte[]? Content, string? MediaType, string Detail)
    {
        public int Length { get; init; } = Content?.Length ?? 0;

        public bool Pooled { get; init; }

        /// <summary>
        /// Whether the copy is the original without its metadata segments (<see cref="JpegMetadataStripper"/>), which the
        /// same stripping of the original gives again whenever it is read (see <see cref="DerivedCopies"/>).
        /// </summary>
        public bool StrippedOnRead { get; init; }
    }

    /// <summary>Checks the declared size against the province's limits, then strips the image's metadata.</summary>
    /// <param name="original">The bytes as uploaded: the first <paramref name="length"/> of the array.</param>
    /// <param name="length">How many bytes of <paramref name="original"/> the upload holds.</param>
    /// <param name="mediaType">The type sniffed from the first bytes (<see cref="MediaSniffer"/>).</param>
    /// <param name="limits">The province's intake options.</param>
    public static Result Sanitize(byte[] original, int length, string mediaType, IntakeOptions limits)
    {
        if (FormatOf(mediaType) is not { } format)
        {
            return new Result(Verdict.Unreadable, null, null, "The file is not an image this API can clean.");
        }

        var settings = new MagickReadSettings { Format = format };
        bool upright;
        try
        {
            // Ping reads headers only: no pixel is decoded here.
            using var declared = new MagickImageCollection();
            declared.Ping(original, 0, (uint)length, settings);
            var pixels = 0L;
            foreach (var frame in declared)
            {
                if (frame.Width > limits.MaxImageSide || frame.Height > limits.MaxImageSide)
                {
                    return TooLarge(limits);
                }

                pixels += (long)frame.Width * frame.Height;
            }

            if (declared.Count == 0)
            {
                return Unreadable();
            }

            if (pixels > limits.MaxImagePixels)
            {
                return TooLarge(limits);
            }

            upright = declared.Count == 1 && declared[0].Orientation is Orientation.Undefined or Orientation.TopLeft;
        }
        catch (MagickResourceLimitErrorException)
        {
            return TooLarge(limits);
        }
        catch (MagickException)
        {
            return Unreadable();
        }

        // A JPEG stored upright (most photos) loses its metadata segment by segment, without a decode and a lossy re-encode.
        if (format == MagickFormat.Jpeg && upright)
        {
            var clean = ArrayPool<byte>.Shared.Rent(length);
            if (JpegMetadataStripper.TryStrip(original.AsSpan(0, length), clean, out var written))
            {
                return new Result(Verdict.Clean, clean, "image/jpeg", "") { Length = written, Pooled = true, StrippedOnRead = true };
            }

            ArrayPool<byte>.Shared.Return(clean);
            return Unreadable();
        }

        try
        {
            // A truncated or corrupt image decodes with a warning and grey pixels where data is missing: refuse it instead.
            var corrupt = false;
            using var frames = new MagickImageCollection();
            frames.Warning += (_, e) => corrupt |= e.Exception is MagickCorruptImageWarningException;
            frames.Read(original, 0, (uint)length, settings);
            if (corrupt || frames.Count == 0)
            {
                return Unreadable();
            }

            foreach (var frame in frames)
            {
                var colours = frame.GetColorProfile();
                frame.AutoOrient();
                frame.Strip();
                if (colours is not null)
                {
                    frame.SetProfile(colours);
                }
            }

            // HEIC cannot be written by the library: its clean copy is a JPEG.
            var output = format == MagickFormat.Heic ? MagickFormat.Jpeg : format;
            if (output == MagickFormat.Jpeg && format == MagickFormat.Heic)
            {
                frames[0].Quality = 90;
            }

            var bytes = output == MagickFormat.Gif ? frames.ToByteArray(output) : frames[0].ToByteArray(output);
            return new Result(Verdict.Clean, bytes, output == MagickFormat.Jpeg ? "image/jpeg" : mediaType, "");
        }
        catch (MagickResourceLimitErrorException)
        {
            return TooLarge(limits);
        }
        catch (MagickException)
        {
            return Unreadable();
        }
    }

    private static MagickFormat? FormatOf(string mediaType) => mediaType switch
    {
        "image/jpeg" => MagickFormat.Jpeg,
        "image/png" => MagickFormat.Png,
        "image/gif" => MagickFormat.Gif,
        "image/webp" => MagickFormat.WebP,
        "image/heic" => MagickFormat.Heic,
        _ => null,
    };

    private static Result TooLarge(IntakeOptions limits) => new(
        Verdict.TooLarge,
        null,
        null,
        $"An image declares more than the {limits.MaxImagePixels} pixels or the {limits.MaxImageSide}-pixel side the province accepts; it was not decoded.");

    private static Result Unreadable() => new(Verdict.Unreadable, null, null, "An image is truncated or corrupt and could not be read.");
}
