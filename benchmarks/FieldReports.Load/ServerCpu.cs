using System.Globalization;

namespace FieldReports.Load;

/// <summary>
/// The CPU time used so far by the database server's processes on this machine (PostgreSQL: every process named
/// <c>postgres</c>, the backends serving the host's connections included), from <c>/proc/&lt;pid&gt;/stat</c>. Divided by a
/// measurement's requests it gives the server's share of each request, which the host's own CPU figure does not show.
/// </summary>
internal static class ServerCpu
{
    // Linux reports utime and stime in USER_HZ ticks, 100 per second on every mainstream kernel build.
    private const double TicksPerMillisecond = 0.1;

    /// <summary>
    /// The summed user and system time, in milliseconds, of the processes whose name is <paramref name="name"/>, with that of
    /// their children that have exited.
    /// </summary>
    public static double Milliseconds(string name)
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // pid (comm) state ppid … ; comm may hold spaces, so fields are counted after its closing parenthesis.
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open || stat[(open + 1)..close] != name)
            {
                continue;
            }

            var fields = stat[(close + 2)..].Split(' ');

            // After the comm: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14). The children's times hold what
            // processes that have exited used (autovacuum workers, backends of closed connections), once their parent (the
            // postmaster) has reaped them; without them the sum would drop whenever one exits.
            for (var f = 11; f <= 14; f++)
            {
                ticks += long.Parse(fields[f], CultureInfo.InvariantCulture);
            }
        }

        return ticks / TicksPerMillisecond;
    }
}
