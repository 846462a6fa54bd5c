using NodaTime;

namespace ReferenceHost.Hosting;

/// <summary>
/// A clock that starts at a chosen instant and then runs at real speed (FieldReports:Clock:Start). For demonstrations and
/// end-to-end tests of time rules — a night window, a working-day deadline — whatever the machine's time.
/// </summary>
public sealed class ShiftedClock(Instant start) : IClock
{
    private readonly Duration _offset = start - SystemClock.Instance.GetCurrentInstant();

    public Instant GetCurrentInstant() => SystemClock.Instance.GetCurrentInstant() + _offset;
}
