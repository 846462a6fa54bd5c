using System.Globalization;

namespace FieldReports.Reports;

/// <summary>A place on the WGS 84 ellipsoid, in decimal degrees.</summary>
public readonly record struct GeoPoint
{
    /// <summary>Creates a point.</summary>
    /// <param name="latitude">Latitude in degrees, from −90 to 90.</param>
    /// <param name="longitude">Longitude in degrees, from −180 to 180.</param>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is out of range or not a number.</exception>
    public GeoPoint(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude is between -90 and 90 degrees.");
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude is between -180 and 180 degrees.");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Latitude in degrees.</summary>
    public double Latitude { get; }

    /// <summary>Longitude in degrees.</summary>
    public double Longitude { get; }

    /// <summary>The great-circle distance to another point, in metres (haversine, mean Earth radius 6,371,008.8 m).</summary>
    /// <param name="other">The other point.</param>
    public double DistanceTo(GeoPoint other)
    {
        const double R = 6_371_008.8;
        var dLat = double.DegreesToRadians(other.Latitude - Latitude);
        var dLon = double.DegreesToRadians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(double.DegreesToRadians(Latitude)) * Math.Cos(double.DegreesToRadians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Returns <c>latitude,longitude</c> in invariant culture.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude},{Longitude}");
}
