namespace FieldReports.Provinces;

/// <summary>The kinds of agency that take part (Quảng Bình Decision 29/2023). Numeric values are stable.</summary>
public enum AgencyKind
{
    /// <summary>The provincial people's committee or its steering committee (the usual escalation body).</summary>
    Province = 0,

    /// <summary>The coordination centre (IOC, the portal) that receives, routes and publishes.</summary>
    Centre = 1,

    /// <summary>A provincial department (sở, ban, ngành).</summary>
    Department = 2,

    /// <summary>A district people's committee (before the 2025 reform) or its team.</summary>
    District = 3,

    /// <summary>A commune, ward or town people's committee.</summary>
    Commune = 4,

    /// <summary>A central body located in the province (police, tax…).</summary>
    CentralBody = 5,

    /// <summary>A public-service company (water, electricity, environment, lighting…).</summary>
    PublicServiceCompany = 6,

    /// <summary>Any other body.</summary>
    Other = 7,
}
