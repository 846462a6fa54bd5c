namespace FieldReports.Calendar;

/// <summary>
/// The astronomy behind the lunisolar calendar: instants of new moon, the Sun's apparent longitude and ΔT.
/// </summary>
/// <remarks>
/// Sources:
/// <list type="bullet">
/// <item>New moons: Jean Meeus, <i>Astronomical Algorithms</i>, 2nd ed. (Willmann-Bell, 1998), chapter 49, with every
/// periodic term and the fourteen planetary arguments A1–A14 (stated accuracy: a few seconds of time, well within the
/// uncertainty of ΔT).</item>
/// <item>The Sun's apparent longitude: Meeus chapter 25, higher-accuracy method: the Earth's position from VSOP87
/// (chapter 32 and appendix III, see <see cref="Vsop87Earth"/>), reduced to FK5, plus nutation in longitude from
/// chapter 22 (its four largest terms) and the annual aberration −20.4898″ / R. Accuracy about 1″, well under a
/// minute in the instant of a solar term (checked against published equinoxes and solstices).</item>
/// <item>ΔT = TT − UT: the polynomial expressions of F. Espenak and J. Meeus, <i>Five Millennium Canon of Solar
/// Eclipses: −1999 to +3000</i> (NASA/TP-2006-214141), section 2.6.</item>
/// </list>
/// Julian days are counted in days; angles in degrees. All members are pure functions and thread-safe.
/// </remarks>
internal static class LunarAstronomy
{
    /// <summary>The mean synodic month, in days (Meeus eq. 49.1).</summary>
    internal const double SynodicMonth = 29.530588861;

    /// <summary>The JDE of the mean new moon of lunation 0 (2000 January 6), Meeus eq. 49.1.</summary>
    internal const double Lunation0 = 2451550.09766;

    private const double Deg = Math.PI / 180.0;

    /// <summary>The instant (JDE, in Terrestrial Time) of the true new moon of lunation <paramref name="k"/> (k = 0 on 2000-01-06).</summary>
    internal static double NewMoonJde(int k)
    {
        double t = k / 1236.85;
        double t2 = t * t, t3 = t2 * t, t4 = t3 * t;

        double jde = Lunation0 + (SynodicMonth * k) + (0.00015437 * t2) - (0.000000150 * t3) + (0.00000000073 * t4);

        double e = 1.0 - (0.002516 * t) - (0.0000074 * t2);
        double m = Deg * (2.5534 + (29.10535670 * k) - (0.0000014 * t2) - (0.00000011 * t3));
        double mp = Deg * (201.5643 + (385.81693528 * k) + (0.0107582 * t2) + (0.00001238 * t3) - (0.000000058 * t4));
        double f = Deg * (160.7108 + (390.67050284 * k) - (0.0016118 * t2) - (0.00000227 * t3) + (0.000000011 * t4));
        double om = Deg * (124.7746 - (1.56375588 * k) + (0.0020672 * t2) + (0.00000215 * t3));

        // Periodic terms for the new moon (Meeus ch. 49, first column of the table).
        double c =
            (-0.40720 * Math.Sin(mp))
            + (0.17241 * e * Math.Sin(m))
            + (0.01608 * Math.Sin(2 * mp))
            + (0.01039 * Math.Sin(2 * f))
            + (0.00739 * e * Math.Sin(mp - m))
            - (0.00514 * e * Math.Sin(mp + m))
            + (0.00208 * e * e * Math.Sin(2 * m))
            - (0.00111 * Math.Sin(mp - (2 * f)))
            - (0.00057 * Math.Sin(mp + (2 * f)))
            + (0.00056 * e * Math.Sin((2 * mp) + m))
            - (0.00042 * Math.Sin(3 * mp))
            + (0.00042 * e * Math.Sin(m + (2 * f)))
            + (0.00038 * e * Math.Sin(m - (2 * f)))
            - (0.00024 * e * Math.Sin((2 * mp) - m))
            - (0.00017 * Math.Sin(om))
            - (0.00007 * Math.Sin(mp + (2 * m)))
            + (0.00004 * Math.Sin((2 * mp) - (2 * f)))
            + (0.00004 * Math.Sin(3 * m))
            + (0.00003 * Math.Sin(mp + m - (2 * f)))
            + (0.00003 * Math.Sin((2 * mp) + (2 * f)))
            - (0.00003 * Math.Sin(mp + m + (2 * f)))
            + (0.00003 * Math.Sin(mp - m + (2 * f)))
            - (0.00002 * Math.Sin(mp - m - (2 * f)))
            - (0.00002 * Math.Sin((3 * mp) + m))
            + (0.00002 * Math.Sin(4 * mp));

        // Additional corrections from the planetary arguments A1–A14 (Meeus ch. 49).
        double a =
            (0.000325 * Math.Sin(Deg * (299.77 + (0.107408 * k) - (0.009173 * t2))))
            + (0.000165 * Math.Sin(Deg * (251.88 + (0.016321 * k))))
            + (0.000164 * Math.Sin(Deg * (251.83 + (26.651886 * k))))
            + (0.000126 * Math.Sin(Deg * (349.42 + (36.412478 * k))))
            + (0.000110 * Math.Sin(Deg * (84.66 + (18.206239 * k))))
            + (0.000062 * Math.Sin(Deg * (141.74 + (53.303771 * k))))
            + (0.000060 * Math.Sin(Deg * (207.14 + (2.453732 * k))))
            + (0.000056 * Math.Sin(Deg * (154.84 + (7.306860 * k))))
            + (0.000047 * Math.Sin(Deg * (34.52 + (27.261239 * k))))
            + (0.000042 * Math.Sin(Deg * (207.19 + (0.121824 * k))))
            + (0.000040 * Math.Sin(Deg * (291.34 + (1.844379 * k))))
            + (0.000037 * Math.Sin(Deg * (161.72 + (24.198154 * k))))
            + (0.000035 * Math.Sin(Deg * (239.56 + (25.513099 * k))))
            + (0.000023 * Math.Sin(Deg * (331.55 + (3.592518 * k))));

        return jde + c + a;
    }

    /// <summary>The apparent geocentric longitude of the Sun, in degrees in [0, 360), at the instant <paramref name="jde"/> (TT).</summary>
    /// <remarks>
    /// Meeus ch. 25, "higher accuracy": the Earth's heliocentric position from VSOP87 (<see cref="Vsop87Earth"/>),
    /// reversed to the geocentric Sun, reduced to the FK5 system, plus nutation in longitude (ch. 22, the terms above
    /// 0.1″) and aberration (−20.4898″ / R).
    /// </remarks>
    internal static double SunApparentLongitude(double jde)
    {
        double t = (jde - 2451545.0) / 36525.0;
        (double earthLongitude, double r) = Vsop87Earth.Position(t / 10.0);
        double geometric = (earthLongitude / Deg) + 180.0;

        // Reduction to FK5 (Meeus eq. 32.3); the term in the latitude is below 0.001″ for the Sun and is left out.
        double fk5 = -0.09033;

        // Nutation in longitude, Meeus ch. 22 (terms above 0.1″), in arcseconds.
        double om = Deg * (125.04452 - (1934.136261 * t));
        double ls = Deg * (280.4665 + (36000.7698 * t));
        double lm = Deg * (218.3165 + (481267.8813 * t));
        double dpsi = (-17.20 * Math.Sin(om)) - (1.32 * Math.Sin(2 * ls)) - (0.23 * Math.Sin(2 * lm)) + (0.21 * Math.Sin(2 * om));

        // Annual aberration, Meeus eq. 25.10, in arcseconds.
        double aberration = -20.4898 / r;

        return Normalize(geometric + ((fk5 + dpsi + aberration) / 3600.0));
    }

    /// <summary>ΔT = TT − UT in seconds for a decimal year, after Espenak and Meeus (2006).</summary>
    internal static double DeltaTSeconds(double year)
    {
        double t;
        if (year < 1860)
        {
            double u0 = (year - 1820) / 100;
            return -20 + (32 * u0 * u0);
        }

        if (year < 1900)
        {
            t = year - 1860;
            return 7.62 + (0.5737 * t) - (0.251754 * t * t) + (0.01680668 * t * t * t) - (0.0004473624 * Math.Pow(t, 4)) + (Math.Pow(t, 5) / 233174);
        }

        if (year < 1920)
        {
            t = year - 1900;
            return -2.79 + (1.494119 * t) - (0.0598939 * t * t) + (0.0061966 * t * t * t) - (0.000197 * Math.Pow(t, 4));
        }

        if (year < 1941)
        {
            t = year - 1920;
            return 21.20 + (0.84493 * t) - (0.076100 * t * t) + (0.0020936 * t * t * t);
        }

        if (year < 1961)
        {
            t = year - 1950;
            return 29.07 + (0.407 * t) - (t * t / 233) + (t * t * t / 2547);
        }

        if (year < 1986)
        {
            t = year - 1975;
            return 45.45 + (1.067 * t) - (t * t / 260) - (t * t * t / 718);
        }

        if (year < 2005)
        {
            t = year - 2000;
            return 63.86 + (0.3345 * t) - (0.060374 * t * t) + (0.0017275 * t * t * t) + (0.000651814 * Math.Pow(t, 4)) + (0.00002373599 * Math.Pow(t, 5));
        }

        if (year < 2050)
        {
            t = year - 2000;
            return 62.92 + (0.32217 * t) + (0.005589 * t * t);
        }

        double u = (year - 1820) / 100;
        if (year < 2150)
        {
            return -20 + (32 * u * u) - (0.5628 * (2150 - year));
        }

        return -20 + (32 * u * u);
    }

    /// <summary>ΔT in days at a Julian day (the difference between UT and TT is irrelevant at this precision).</summary>
    internal static double DeltaTDays(double jd) => DeltaTSeconds(2000.0 + ((jd - 2451545.0) / 365.25)) / 86400.0;

    /// <summary>Normalizes an angle to [0, 360).</summary>
    internal static double Normalize(double degrees)
    {
        double r = degrees % 360.0;
        return r < 0 ? r + 360.0 : r;
    }
}
