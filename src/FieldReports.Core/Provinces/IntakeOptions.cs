namespace FieldReports.Provinces;

/// <summary>What a report needs to be accepted (Cà Mau art. 6; Tiền Giang Decision 2830/2020; Huế Decision 30/2022).</summary>
public sealed class IntakeOptions
{
    /// <summary>Whether the reporter's name is required. Default <see langword="true"/> (Cà Mau art. 6).</summary>
    public bool RequireName { get; set; } = true;

    /// <summary>Whether the reporter's phone number is required. Default <see langword="true"/> (Cà Mau art. 6).</summary>
    public bool RequirePhone { get; set; } = true;

    /// <summary>Whether the reporter's e-mail is required. Default <see langword="false"/>; Tiền Giang and Huế require it.</summary>
    public bool RequireEmail { get; set; }

    /// <summary>
    /// How many images or videos a report needs at least. Default 1 (Cà Mau art. 6: images/video). Channels marked
    /// <see cref="ChannelOptions.MediaOptional"/> are exempt. 0 makes media optional everywhere.
    /// </summary>
    public int MinimumMedia { get; set; } = 1;

    /// <summary>The most files one submission may carry. Default 10; the HTTP API refuses more with 413.</summary>
    public int MaxAttachments { get; set; } = 10;

    /// <summary>The largest file accepted, in bytes. Default 52,428,800 (50 MiB); the HTTP API refuses larger ones with 413.</summary>
    public long MaxAttachmentBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// The most pixels (width × height) an uploaded image may declare. Default 50,000,000 (a 50-megapixel camera). The
    /// HTTP API reads the size from the image's header and refuses a larger one with 413 before decoding it, so a small
    /// file declaring an enormous image (a pixel flood) never reaches the decoder.
    /// </summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>The longest side, in pixels, an uploaded image may declare. Default 20,000; checked with <see cref="MaxImagePixels"/>.</summary>
    public int MaxImageSide { get; set; } = 20_000;

    /// <summary>Whether a place (coordinates or an address) is required. Default <see langword="true"/>.</summary>
    public bool RequirePlace { get; set; } = true;

    /// <summary>The shortest description accepted, in characters after trimming. Default 10.</summary>
    public int MinimumDescriptionLength { get; set; } = 10;

    /// <summary>
    /// The languages accepted, as BCP 47 primary tags. When empty, only Vietnamese (<c>vi</c>) is accepted (every
    /// seed regulation); a province may add <c>en</c> or others later.
    /// </summary>
    public IList<string> Languages { get; } = [];

    /// <summary>The night window's versions. Empty by default: reports are accepted at any hour (Cà Mau art. 5).</summary>
    public IList<NightWindowRule> NightWindow { get; } = [];

    /// <summary>
    /// Categories a channel may set on a draft that make it urgent and bypass the queue. When empty:
    /// <c>security</c>, <c>fire</c>, <c>rescue</c>, <c>accident</c> (Quảng Bình Decision 29/2023; Đắk Lắk; Cà Mau art. 7.2).
    /// </summary>
    public IList<string> UrgentCategories { get; } = [];

    /// <summary>
    /// Words that make a draft urgent when found in its text (matched without diacritics). When empty, a Vietnamese
    /// default list applies (cháy, hỏa hoạn, tai nạn, cứu nạn, cứu hộ, đuối nước, cướp, trộm, đánh nhau, gây rối).
    /// </summary>
    public IList<string> UrgentKeywords { get; } = [];

    /// <summary>
    /// Words that suggest a draft is not a field report (complaint, denunciation, dispute, lawsuit, administrative
    /// procedure). When empty, a Vietnamese default list applies. A match flags the draft for reception staff; it
    /// rejects it only when <see cref="RejectOnScopeKeywords"/> is set.
    /// </summary>
    public IList<string> OutOfScopeKeywords { get; } = [];

    /// <summary>Whether a scope keyword alone rejects a draft as out of scope. Default <see langword="false"/>: staff decide.</summary>
    public bool RejectOnScopeKeywords { get; set; }
}
