using System.Collections.Immutable;
using FieldReports.Intake;
using FieldReports.Provinces;
using FieldReports.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FieldReports.Core.Tests.Provinces;

/// <summary>Loads the seed provinces' profiles from the JSON files, the way a host does.</summary>
internal static class SeedProvinces
{
    public static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public static ServiceProvider Services(params string[] ids)
    {
        var config = new ConfigurationBuilder();
        foreach (var id in ids)
        {
            config.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "provinces", id + ".json"), optional: false);
        }

        var services = new ServiceCollection();
        services.AddFieldReports(config.Build().GetSection("FieldReports"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ProvinceProfile Load(string id) => Services(id).GetRequiredService<ProvinceCatalog>().Get(id);

    public static ProvinceProfile Build(string id, Action<ProvinceOptions>? configure = null)
    {
        var options = new ProvinceOptions { DisplayName = id };
        configure?.Invoke(options);
        return new ProvinceProfile(id, options);
    }

    public static Instant Local(int year, int month, int day, int hour = 12, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Vietnam).ToInstant();

    public static ReportDraft Draft(string channel = "app") => new()
    {
        Channel = channel,
        ReporterAccountId = "citizen-1",
        Contact = new ReporterContact { Name = "Nguyễn Văn A", Phone = "0912 345 678", Email = "a@example.vn" },
        Description = "Ống nước bị vỡ trên đường Trần Hưng Đạo, nước tràn ra mặt đường.",
        Address = "12 Trần Hưng Đạo",
        Location = new GeoPoint(9.1769, 105.1524),
        Attachments = [new DraftAttachment("img-1", "vo-ong.jpg", "image/jpeg", new byte[] { 1, 2, 3 })],
    };

    /// <summary>Takes a new report through the workflow until its result is published.</summary>
    public static Report Published(string provinceId, Instant at, string agency, string field = "urban_order", GeoPoint? location = null, bool confidential = false)
    {
        var report = Report.Submit(ReportId.New(), new ReportSubmission
        {
            ProvinceId = provinceId,
            ReporterAccountId = "citizen-1",
            Channel = "app",
            IsConfidential = confidential,
            Content = new ReportContent { Description = "Rác thải đổ trộm ven kênh.", Location = location, AttachmentIds = ImmutableArray.Create("img-1") },
        }, Actor.Reporter("citizen-1"), at);
        var reception = Actor.Reception("staff-1");
        var handler = Actor.Handler("handler-1", agency);
        Ok(report.Apply(new ReceiveCommand(field), reception, at));
        Ok(report.Apply(new AssignCommand(agency), reception, at));
        Ok(report.Apply(new AcknowledgeCommand(), handler, at));
        Ok(report.Apply(new SubmitResultCommand("Đã thu gom rác."), handler, at));
        Ok(confidential ? report.Apply(new ReplyPrivatelyCommand(), Actor.Approver("approver-1"), at) : report.Apply(new ApproveCommand(), Actor.Approver("approver-1"), at));
        return report;
    }

    public static void Ok(DomainResult result) => Assert.True(result.IsSuccess, result.Error?.ToString());
}
