using System.Globalization;
using NodaTime;

/// <summary>Seeds reports in SQL, spread over ten years before <c>now</c>: 200 agencies, 15 fields, 150 areas; most ended, a few thousand open.</summary>
internal static class Seed
{
    // State by n % 100: 0-59 published (9), 60-74 rated (12), 75-84 closed (15), 85-89 rejected (1), 90-93 replied privately (10),
    // and the newest reports (the last 0.5 %) open, with deadlines around now: 60 % at agencies, assigned (5) or in handling
    // (6), and 40 % at the centre: submitted (0), received (3), with a result to check (8), returned by an agency (7), and
    // escalated (11, one in ten of those, with the deadline it was paused at).
    private static string StateSql(int open) => string.Create(CultureInfo.InvariantCulture, $"""
        CASE WHEN n > {open} THEN (CASE n % 10 WHEN 0 THEN 0 WHEN 1 THEN 3 WHEN 2 THEN 8 WHEN 3 THEN (CASE WHEN n % 100 = 3 THEN 11 ELSE 7 END)
                                    ELSE (CASE WHEN n % 2 = 0 THEN 5 ELSE 6 END) END)
             WHEN n % 100 < 60 THEN 9 WHEN n % 100 < 75 THEN 12 WHEN n % 100 < 85 THEN 15
             WHEN n % 100 < 90 THEN 1 WHEN n % 100 < 94 THEN 10 ELSE 15 END
        """);

    public static string Sqlite(int count, Instant now)
    {
        var span = Duration.FromDays(3650).BclCompatibleTicks / count;
        var start = now.ToUnixTimeTicks() - Duration.FromDays(3650).BclCompatibleTicks;
        var open = count - (count / 200);
        var state = StateSql(open);
        return string.Create(CultureInfo.InvariantCulture, $"""
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {count}),
            g AS (SELECT n, {start} + n * {span} AS at, {state} AS state FROM seq)
            INSERT INTO reports (id, province_id, reporter_account_id, channel, state, urgent, confidential, field_code, assigned_agency_id,
                evidence, title, description, area_code, language, attachment_ids, submitted_at, published_at, current_deadline, updated_at, version)
            SELECT printf('%08X-0000-7000-8000-%012X', n / 65536, n), 'hue', 'citizen-' || (n % 50000), 'app', state, n % 20 = 0, state = 10,
                printf('field-%02d', n % 15), CASE WHEN state IN (0, 3, 7, 11) THEN NULL ELSE printf('agency-%03d', n % 200) END, '[]', 'Report ' || n, 'A generated report for measurement.',
                printf('area-%03d', n % 150), 'vi', '[]', at,
                CASE WHEN state IN (9, 12) OR (state = 15 AND n % 100 < 85) THEN at + 1800000000000 ELSE NULL END,
                CASE WHEN state IN (0, 3, 5, 6, 7, 8, 11) THEN {now.ToUnixTimeTicks()} + ((n % 400) - 200) * 360000000000 ELSE NULL END,
                at, 6
            FROM g;
            """);
    }

    public static string Postgres(int count, Instant now)
    {
        var open = count - (count / 200);
        var state = StateSql(open);
        var nowText = now.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO reports (id, province_id, reporter_account_id, channel, state, urgent, confidential, field_code, assigned_agency_id,
                evidence, title, description, area_code, language, attachment_ids, submitted_at, published_at, current_deadline, updated_at, version)
            SELECT lpad(to_hex(n), 32, '0')::uuid, 'hue', 'citizen-' || (n % 50000), 'app', state, n % 20 = 0, state = 10,
                'field-' || lpad((n % 15)::text, 2, '0'), CASE WHEN state IN (0, 3, 7, 11) THEN NULL ELSE 'agency-' || lpad((n % 200)::text, 3, '0') END, '[]', 'Report ' || n,
                'A generated report for measurement.', 'area-' || lpad((n % 150)::text, 3, '0'), 'vi', '[]', at,
                CASE WHEN state IN (9, 12) OR (state = 15 AND n % 100 < 85) THEN at + interval '2 days' ELSE NULL END,
                CASE WHEN state IN (0, 3, 5, 6, 7, 8, 11) THEN timestamptz '{nowText}' + ((n % 400) - 200) * interval '1 hour' / 10 ELSE NULL END,
                at, 6
            FROM (SELECT n, timestamptz '{nowText}' - interval '3650 days' + n * (interval '3650 days' / {count}) AS at, {state} AS state
                  FROM generate_series(1, {count}) AS n) g;
            """);
    }
}
