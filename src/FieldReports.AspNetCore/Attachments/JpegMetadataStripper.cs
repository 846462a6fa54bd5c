namespace FieldReports.AspNetCore;

/// <summary>
/// Removes the metadata of a JPEG without decoding it: the file is copied segment by segment (ITU-T T.81, Annex B) and
/// every segment that may carry personal data is left out — EXIF and XMP (APP1), IPTC and Photoshop data (APP13), the
/// other application segments (APP3–APP12, APP15), multi-picture and FlashPix data in APP2, comments (COM) — as is
/// anything after the end of the image (vendors append motion clips, depth maps and second images there). The JFIF
/// header, the colour profile (APP2 <c>ICC_PROFILE</c>), the Adobe colour-transform flag (APP14) and every segment the
/// decoder needs are kept byte for byte, so the pixels are exactly the uploaded ones, at a fraction of a decode's cost.
/// </summary>
/// <remarks>
/// The copy has no EXIF orientation, so it serves only images whose pixels are stored upright; <see cref="ImageSanitizer"/>
/// decodes and turns the others. A file whose structure is broken (no frame, no scan, a segment running past the end, no
/// end-of-image marker) is refused, as a truncated upload would be.
/// </remarks>
internal static class JpegMetadataStripper
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte Comment = 0xFE;

    /// <summary>Copies <paramref name="jpeg"/> without its metadata into <paramref name="output"/> (at least as long); false when its structure is broken.</summary>
    public static bool TryStrip(ReadOnlySpan<byte> jpeg, Span<byte> output, out int written)
    {
        written = 0;
        if (jpeg.Length < 4 || output.Length < jpeg.Length || jpeg[0] != Marker || jpeg[1] != StartOfImage)
        {
            return false;
        }

        output[0] = Marker;
        output[1] = StartOfImage;
        written = 2;
        var position = 2;
        bool frame = false, scan = false;
        while (true)
        {
            if (position >= jpeg.Length || jpeg[position] != Marker)
            {
                return false;
            }

            // Any number of fill bytes may precede a marker.
            while (position < jpeg.Length && jpeg[position] == Marker)
            {
                position++;
            }

            if (position >= jpeg.Length)
            {
                return false;
            }

            var marker = jpeg[position++];
            if (marker == EndOfImage)
            {
                if (!frame || !scan)
                {
                    return false;
                }

                output[written++] = Marker;
                output[written++] = EndOfImage;
                return true;
            }

            if (marker is StartOfImage or 0x00)
            {
                return false;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                // Stand-alone markers: no length.
                output[written++] = Marker;
                output[written++] = marker;
                continue;
            }

            if (position + 2 > jpeg.Length)
            {
                return false;
            }

            var length = (jpeg[position] << 8) | jpeg[position + 1];
            if (length < 2 || position + length > jpeg.Length)
            {
                return false;
            }

            var payload = jpeg.Slice(position + 2, length - 2);
            if (Keeps(marker, payload))
            {
                output[written++] = Marker;
                output[written++] = marker;
                jpeg.Slice(position, length).CopyTo(output[written..]);
                written += length;
            }

            position += length;
            frame |= marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
            if (marker != StartOfScan)
            {
                continue;
            }

            // The entropy-coded data runs to the next marker that is neither a stuffed zero nor a restart marker.
            var end = position;
            while (true)
            {
                var next = jpeg[end..].IndexOf(Marker);
                if (next < 0)
                {
                    return false;
                }

                end += next;
                var after = end + 1;
                while (after < jpeg.Length && jpeg[after] == Marker)
                {
                    after++;
                }

                if (after >= jpeg.Length)
                {
                    return false;
                }

                if (jpeg[after] == 0x00 || jpeg[after] is >= 0xD0 and <= 0xD7)
                {
                    end = after + 1;
                    continue;
                }

                break;
            }

            jpeg[position..end].CopyTo(output[written..]);
            written += end - position;
            position = end;
            scan = true;
        }
    }

    private static bool Keeps(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        0xE0 => payload.StartsWith("JFIF\0"u8) || payload.StartsWith("JFXX\0"u8),
        0xE2 => payload.StartsWith("ICC_PROFILE\0"u8),
        0xEE => payload.StartsWith("Adobe"u8),
        >= 0xE1 and <= 0xEF => false,
        Comment => false,
        _ => true,
    };
}
