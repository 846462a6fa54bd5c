using System.Collections.Immutable;
using System.Text.Json;
using FieldReports.Reports;
using FieldReports.Stores;
using NodaTime;

namespace FieldReports.Storage.EF.Model;

/// <summary>Converts between the domain's snapshots and the rows.</summary>
internal static class ReportMapping
{
    public static ReportRow ToRow(ReportSnapshot s, Instant? currentDeadline)
    {
        var content = s.Content;
        return new ReportRow
        {
            Id = s.Id.Value,
            ProvinceId = s.ProvinceId,
            ReporterAccountId = s.ReporterAccountId,
            Channel = s.Channel,
            State = s.State,
            IsUrgent = s.IsUrgent,
            IsConfidential = s.IsConfidential,
            FieldCode = s.FieldCode,
            AssignedAgencyId = s.AssignedAgencyId,
            ReturnedByAgencyId = s.ReturnedByAgencyId,
            ProposedAgencyId = s.ProposedAgencyId,
            RejectionReason = s.RejectionReason,
            DuplicateOf = s.DuplicateOf?.Value,
            EscalatedFrom = s.EscalatedFrom,
            Result = s.Result,
            EvidenceJson = JsonSerializer.Serialize(s.Evidence.IsDefault ? [] : s.Evidence.ToArray()),
            RatingCode = s.Rating?.Code,
            RatingOpensFollowUp = s.Rating?.OpensFollowUp,
            Title = content.Title,
            Description = content.Description,
            Latitude = content.Location?.Latitude,
            Longitude = content.Location?.Longitude,
            Address = content.Address,
            AreaCode = content.AreaCode,
            ObservedAt = content.ObservedAt,
            Language = content.Language,
            AttachmentIdsJson = JsonSerializer.Serialize(content.AttachmentIds.IsDefault ? [] : content.AttachmentIds.ToArray()),
            SubmittedAt = s.Events.First(e => e.Sequence == 1).OccurredAt,
            // The public list shows a report from the moment its result was first published, whatever follows (rating, closing).
            PublishedAt = s.IsConfidential ? null : s.Events.Where(e => e.To == ReportState.Published).Select(e => (Instant?)e.OccurredAt).Min(),
            CurrentDeadline = currentDeadline,
            UpdatedAt = s.Events.Max(e => e.OccurredAt),
            Version = s.Events.Count,
        };
    }

    public static ReportEventRow ToRow(ReportId reportId, string provinceId, ReportEvent e) => new()
    {
        ReportId = reportId.Value,
        Sequence = e.Sequence,
        ProvinceId = provinceId,
        OccurredAt = e.OccurredAt,
        ActorRole = e.ActorRole,
        ActorAccountId = e.ActorAccountId,
        ActorAgencyId = e.ActorAgencyId,
        Trigger = e.Trigger,
        FromState = e.From,
        ToState = e.To,
        IsUrgent = e.IsUrgent,
        AssignedAgencyId = e.AssignedAgencyId,
        Note = e.Note,
        DataJson = JsonSerializer.Serialize(e.Data),
    };

    public static ReportEvent ToEvent(ReportEventRow row) => new()
    {
        Sequence = row.Sequence,
        OccurredAt = row.OccurredAt,
        ActorRole = row.ActorRole,
        ActorAccountId = row.ActorAccountId,
        ActorAgencyId = row.ActorAgencyId,
        Trigger = row.Trigger,
        From = row.FromState,
        To = row.ToState,
        IsUrgent = row.IsUrgent,
        AssignedAgencyId = row.AssignedAgencyId,
        Note = row.Note,
        Data = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            JsonSerializer.Deserialize<Dictionary<string, string>>(row.DataJson) ?? []),
    };

    public static ReportSnapshot ToSnapshot(ReportRow row, IReadOnlyList<ReportEvent> events) => new()
    {
        Id = new ReportId(row.Id),
        ProvinceId = row.ProvinceId,
        ReporterAccountId = row.ReporterAccountId,
        Channel = row.Channel,
        Content = new ReportContent
        {
            Title = row.Title,
            Description = row.Description,
            Location = row.Latitude is { } lat && row.Longitude is { } lon ? new GeoPoint(lat, lon) : null,
            Address = row.Address,
            AreaCode = row.AreaCode,
            ObservedAt = row.ObservedAt,
            Language = row.Language,
            AttachmentIds = ReadList(row.AttachmentIdsJson),
        },
        State = row.State,
        IsUrgent = row.IsUrgent,
        IsConfidential = row.IsConfidential,
        FieldCode = row.FieldCode,
        AssignedAgencyId = row.AssignedAgencyId,
        ReturnedByAgencyId = row.ReturnedByAgencyId,
        ProposedAgencyId = row.ProposedAgencyId,
        RejectionReason = row.RejectionReason,
        DuplicateOf = row.DuplicateOf is { } d ? new ReportId(d) : null,
        EscalatedFrom = row.EscalatedFrom,
        Result = row.Result,
        Evidence = ReadList(row.EvidenceJson),
        Rating = row.RatingCode is { } code ? new RatingLevel(code, row.RatingOpensFollowUp ?? false) : null,
        Events = events,
    };

    public static OutboxMessageRow ToRow(OutboxMessage m) => new()
    {
        Id = m.Id,
        ProvinceId = m.ProvinceId,
        Type = m.Type,
        PayloadJson = m.PayloadJson,
        CreatedAt = m.CreatedAt,
        Attempts = m.Attempts,
        NextAttemptAt = m.NextAttemptAt,
        DeliveredAt = m.DeliveredAt,
        LastError = m.LastError,
        DedupeKey = m.DedupeKey,
    };

    public static OutboxMessage ToMessage(OutboxMessageRow row) => new()
    {
        Id = row.Id,
        ProvinceId = row.ProvinceId,
        Type = row.Type,
        PayloadJson = row.PayloadJson,
        CreatedAt = row.CreatedAt,
        Attempts = row.Attempts,
        NextAttemptAt = row.NextAttemptAt,
        DeliveredAt = row.DeliveredAt,
        LastError = row.LastError,
        DedupeKey = row.DedupeKey,
    };

    private static ImmutableArray<string> ReadList(string json) =>
        [.. JsonSerializer.Deserialize<string[]>(json) ?? []];
}
