namespace FieldReports.Provinces;

/// <summary>The kinds of intake channel named by the regulations. Numeric values are stable.</summary>
public enum ChannelKind
{
    /// <summary>The province's mobile app (TiengiangS, CaMau-G, Đắk Lắk G, QUANG BINH-S, Hue-S).</summary>
    App = 0,

    /// <summary>The interactive web portal.</summary>
    Web = 1,

    /// <summary>A telephone hotline; reception staff enter the report on the caller's behalf.</summary>
    Hotline = 2,

    /// <summary>Inbound e-mail.</summary>
    Email = 3,

    /// <summary>A social network page or chat (Facebook, Zalo).</summary>
    Social = 4,

    /// <summary>Staff entering a report on a reporter's behalf (for example the centre posting an urgent report itself).</summary>
    Staff = 5,

    /// <summary>Any other channel a vendor adds.</summary>
    Other = 6,
}
