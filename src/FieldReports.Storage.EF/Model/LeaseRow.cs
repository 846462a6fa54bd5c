using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>A named lease: who holds it and until when. Taken over by a conditional update once it has expired.</summary>
internal sealed class LeaseRow
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public Instant AcquiredAt { get; set; }

    public Instant ExpiresAt { get; set; }
}
