using FieldReports.Storage.EF;
using FieldReports.Storage.EF.Model;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Applies the FieldReports model to any DbContext, so that a host can keep its own tables and ours in one database and one context.</summary>
public static class FieldReportsModelBuilderExtensions
{
    private static readonly ValueConverter<Instant, long> InstantToTicks =
        new(instant => instant.ToUnixTimeTicks(), ticks => Instant.FromUnixTimeTicks(ticks));

    /// <summary>
    /// Adds the FieldReports tables (reports, report_events, reporter_contacts, attachments, outbox_messages, moderation_accounts, violations,
    /// moderation_decisions, report_confidentiality, identity_consents, interactions, idempotency_keys, api_keys, leases) with their keys,
    /// concurrency token and indexes to the model. Call it from <c>OnModelCreating</c>.
    /// </summary>
    /// <param name="modelBuilder">The model builder.</param>
    /// <param name="configure">Changes the naming and typing; see <see cref="FieldReportsModelOptions"/>.</param>
    /// <returns>The model builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is null.</exception>
    public static ModelBuilder UseFieldReports(this ModelBuilder modelBuilder, Action<FieldReportsModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var options = new FieldReportsModelOptions();
        configure?.Invoke(options);
        return UseFieldReports(modelBuilder, options);
    }

    internal static ModelBuilder UseFieldReports(ModelBuilder modelBuilder, FieldReportsModelOptions options)
    {
        var prefix = options.TablePrefix ?? "";
        var schema = options.Schema;

        modelBuilder.Entity<ReportRow>(b =>
        {
            b.ToTable(prefix + "reports", schema);
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(r => r.ProvinceId).HasColumnName("province_id").HasMaxLength(64).IsRequired().IsConcurrencyToken();
            b.Property(r => r.ReporterAccountId).HasColumnName("reporter_account_id").HasMaxLength(128).IsRequired();
            b.Property(r => r.Channel).HasColumnName("channel").HasMaxLength(64).IsRequired();
            b.Property(r => r.State).HasColumnName("state");
            b.Property(r => r.IsUrgent).HasColumnName("urgent");
            b.Property(r => r.IsConfidential).HasColumnName("confidential");
            b.Property(r => r.FieldCode).HasColumnName("field_code").HasMaxLength(64);
            b.Property(r => r.AssignedAgencyId).HasColumnName("assigned_agency_id").HasMaxLength(64);
            b.Property(r => r.ReturnedByAgencyId).HasColumnName("returned_by_agency_id").HasMaxLength(64);
            b.Property(r => r.ProposedAgencyId).HasColumnName("proposed_agency_id").HasMaxLength(64);
            b.Property(r => r.RejectionReason).HasColumnName("rejection_reason");
            b.Property(r => r.DuplicateOf).HasColumnName("duplicate_of");
            b.Property(r => r.EscalatedFrom).HasColumnName("escalated_from");
            b.Property(r => r.Result).HasColumnName("result");
            b.Property(r => r.EvidenceJson).HasColumnName("evidence").IsRequired();
            b.Property(r => r.RatingCode).HasColumnName("rating_code").HasMaxLength(64);
            b.Property(r => r.RatingOpensFollowUp).HasColumnName("rating_opens_follow_up");
            b.Property(r => r.Title).HasColumnName("title").HasMaxLength(500);
            b.Property(r => r.Description).HasColumnName("description").IsRequired();
            b.Property(r => r.Latitude).HasColumnName("latitude");
            b.Property(r => r.Longitude).HasColumnName("longitude");
            b.Property(r => r.Address).HasColumnName("address").HasMaxLength(1000);
            b.Property(r => r.AreaCode).HasColumnName("area_code").HasMaxLength(64);
            b.Property(r => r.ObservedAt).HasColumnName("observed_at");
            b.Property(r => r.Language).HasColumnName("language").HasMaxLength(35).IsRequired();
            b.Property(r => r.AttachmentIdsJson).HasColumnName("attachment_ids").IsRequired();
            b.Property(r => r.SubmittedAt).HasColumnName("submitted_at");
            b.Property(r => r.PublishedAt).HasColumnName("published_at");
            b.Property(r => r.CurrentDeadline).HasColumnName("current_deadline");
            b.Property(r => r.UpdatedAt).HasColumnName("updated_at");
            b.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();

            // An agency's queue, ordered by deadline. Only assigned reports are indexed (every query names the agency), so a
            // new report, assigned later by the centre, is not written into it.
            b.HasIndex(r => new { r.ProvinceId, r.AssignedAgencyId, r.State, r.CurrentDeadline }).HasFilter("\"assigned_agency_id\" IS NOT NULL").HasDatabaseName($"ix_{prefix}reports_agency_queue");
            // Reports at risk of or past their deadline, in deadline order with the id breaking ties: many reports share a
            // deadline (working-time deadlines of reports submitted in the same minute), and without the id the database
            // sorts a whole group of them for every page.
            b.HasIndex(r => new { r.ProvinceId, r.CurrentDeadline, r.Id }).HasDatabaseName($"ix_{prefix}reports_deadline");
            // The coordination centre's queue in the same order. It holds only
            // the reports waiting for the centre, a small share of the open ones, so that a page is read without passing
            // over the agencies' work or the ended reports (which have no deadline either).
            b.HasIndex(r => new { r.ProvinceId, r.CurrentDeadline, r.Id }, $"ix_{prefix}reports_centre_queue").HasFilter(CentreQueue.IndexFilter);
            // The public list, newest first, with keyset paging; and its field and area filters. They hold only published
            // reports (the list asks for published_at IS NOT NULL), so a new report, unpublished for days, is not written
            // into them: three index entries fewer on every submission.
            const string published = "\"published_at\" IS NOT NULL";
            b.HasIndex(r => new { r.ProvinceId, r.PublishedAt, r.Id }).HasFilter(published).HasDatabaseName($"ix_{prefix}reports_published");
            b.HasIndex(r => new { r.ProvinceId, r.FieldCode, r.PublishedAt }).HasFilter(published).HasDatabaseName($"ix_{prefix}reports_field_published");
            b.HasIndex(r => new { r.ProvinceId, r.AreaCode, r.PublishedAt }).HasFilter(published).HasDatabaseName($"ix_{prefix}reports_area_published");
            // Statistics per period.
            b.HasIndex(r => new { r.ProvinceId, r.SubmittedAt }).HasDatabaseName($"ix_{prefix}reports_submitted");
            // A reporter's own reports, newest first.
            b.HasIndex(r => new { r.ProvinceId, r.ReporterAccountId, r.SubmittedAt }).HasDatabaseName($"ix_{prefix}reports_reporter");
        });

        modelBuilder.Entity<ReportEventRow>(b =>
        {
            b.ToTable(prefix + "report_events", schema);
            b.HasKey(e => new { e.ReportId, e.Sequence });
            b.Property(e => e.ReportId).HasColumnName("report_id");
            b.Property(e => e.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            b.Property(e => e.ProvinceId).HasColumnName("province_id").HasMaxLength(64).IsRequired();
            b.Property(e => e.OccurredAt).HasColumnName("occurred_at");
            b.Property(e => e.ActorRole).HasColumnName("actor_role");
            b.Property(e => e.ActorAccountId).HasColumnName("actor_account_id").HasMaxLength(128).IsRequired();
            b.Property(e => e.ActorAgencyId).HasColumnName("actor_agency_id").HasMaxLength(64);
            b.Property(e => e.Trigger).HasColumnName("trigger");
            b.Property(e => e.FromState).HasColumnName("from_state");
            b.Property(e => e.ToState).HasColumnName("to_state");
            b.Property(e => e.IsUrgent).HasColumnName("urgent");
            b.Property(e => e.AssignedAgencyId).HasColumnName("assigned_agency_id").HasMaxLength(64);
            b.Property(e => e.Note).HasColumnName("note");
            b.Property(e => e.DataJson).HasColumnName("data").IsRequired();
            b.HasOne<ReportRow>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Restrict).HasConstraintName($"fk_{prefix}report_events_reports");
            b.HasIndex(e => new { e.ProvinceId, e.OccurredAt }).HasDatabaseName($"ix_{prefix}report_events_occurred");
        });

        modelBuilder.Entity<ReporterContactRow>(b =>
        {
            b.ToTable(prefix + "reporter_contacts", schema);
            b.HasKey(c => c.ReportId);
            b.Property(c => c.ReportId).HasColumnName("report_id").ValueGeneratedNever();
            b.Property(c => c.ProvinceId).HasColumnName("province_id").HasMaxLength(64).IsRequired();
            b.Property(c => c.ReporterAccountId).HasColumnName("reporter_account_id").HasMaxLength(128).IsRequired();
            b.Property(c => c.Name).HasColumnName("name").HasMaxLength(200);
            b.Property(c => c.Phone).HasColumnName("phone").HasMaxLength(32);
            b.Property(c => c.Email).HasColumnName("email").HasMaxLength(320);
            b.Property(c => c.ErasedAt).HasColumnName("erased_at");
            b.HasOne<ReportRow>().WithOne().HasForeignKey<ReporterContactRow>(c => c.ReportId).OnDelete(DeleteBehavior.Restrict).HasConstraintName($"fk_{prefix}reporter_contacts_reports");
            b.HasIndex(c => new { c.ProvinceId, c.ReporterAccountId }).HasDatabaseName($"ix_{prefix}reporter_contacts_reporter");
        });

        modelBuilder.Entity<AttachmentRow>(b =>
        {
            b.ToTable(prefix + "attachments", schema);
            b.HasKey(a => new { a.ProvinceId, a.Id });
            b.Property(a => a.Id).HasColumnName("id").HasMaxLength(128).ValueGeneratedNever();
            b.Property(a => a.ProvinceId).HasColumnName("province_id").HasMaxLength(64);
            b.Property(a => a.ReportId).HasColumnName("report_id");
            b.Property(a => a.FileName).HasColumnName("file_name").HasMaxLength(255).IsRequired();
            b.Property(a => a.ContentType).HasColumnName("content_type").HasMaxLength(127).IsRequired();
            b.Property(a => a.Length).HasColumnName("length");
            b.Property(a => a.Sha256).HasColumnName("sha256").HasMaxLength(64);
            b.Property(a => a.StorageKey).HasColumnName("storage_key").HasMaxLength(1024).IsRequired();
            b.Property(a => a.OriginalStorageKey).HasColumnName("original_storage_key").HasMaxLength(1024);
            b.Property(a => a.CreatedAt).HasColumnName("created_at");
            b.HasIndex(a => a.ReportId).HasDatabaseName($"ix_{prefix}attachments_report");
            b.Property(a => a.Role).HasColumnName("role");
            // The evidence cleanup's scan: evidence not yet reviewed, by upload time.
            b.HasIndex(a => new { a.ProvinceId, a.Role, a.CreatedAt }).HasDatabaseName($"ix_{prefix}attachments_role_created");
        });

        modelBuilder.Entity<OutboxMessageRow>(b =>
        {
            b.ToTable(prefix + "outbox_messages", schema);
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(m => m.ProvinceId).HasColumnName("province_id").HasMaxLength(64).IsRequired();
            b.Property(m => m.Type).HasColumnName("type").HasMaxLength(128).IsRequired();
            b.Property(m => m.PayloadJson).HasColumnName("payload").IsRequired();
            b.Property(m => m.CreatedAt).HasColumnName("created_at");
            b.Property(m => m.Attempts).HasColumnName("attempts");
            b.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            b.Property(m => m.DeliveredAt).HasColumnName("delivered_at");
            b.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            b.Property(m => m.LockId).HasColumnName("lock_id");
            b.Property(m => m.DedupeKey).HasColumnName("dedupe_key").HasMaxLength(200);
            // The dispatcher's claim: pending messages by due time. Only pending ones are indexed, so the claim walks them in
            // due order and stops at its batch, however many delivered messages the table keeps.
            b.HasIndex(m => m.NextAttemptAt).HasFilter("\"delivered_at\" IS NULL").HasDatabaseName($"ix_{prefix}outbox_messages_due");
            // No index on the lock: every query that names a lock names the messages' ids too, and a message handed off
            // to its process's dispatcher is written claimed, so an index on it would take an entry for every new message.
            // Periodic work (the SLA monitor) writes a message once per key; rows without a key are not constrained.
            // Only keyed rows are indexed, so a message written with its change (no key) takes no entry in it, at its
            // insert or when it is marked delivered. An insert that skips a stored key names the same predicate.
            b.HasIndex(m => m.DedupeKey).IsUnique().HasFilter("\"dedupe_key\" IS NOT NULL").HasDatabaseName($"ux_{prefix}outbox_messages_dedupe");
        });

        modelBuilder.Entity<ModerationAccountRow>(b =>
        {
            b.ToTable(prefix + "moderation_accounts", schema);
            b.HasKey(a => new { a.ProvinceId, a.AccountId });
            b.Property(a => a.ProvinceId).HasColumnName("province_id").HasMaxLength(64);
            b.Property(a => a.AccountId).HasColumnName("account_id").HasMaxLength(128);
            b.Property(a => a.ViolationCount).HasColumnName("violation_count");
            b.Property(a => a.DecisionCount).HasColumnName("decision_count");
            b.Property(a => a.Version).HasColumnName("version").IsConcurrencyToken();
        });

        modelBuilder.Entity<ViolationRow>(b =>
        {
            b.ToTable(prefix + "violations", schema);
            b.HasKey(v => new { v.ProvinceId, v.AccountId, v.Sequence });
            b.Property(v => v.ProvinceId).HasColumnName("province_id").HasMaxLength(64);
            b.Property(v => v.AccountId).HasColumnName("account_id").HasMaxLength(128);
            b.Property(v => v.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            b.Property(v => v.Kind).HasColumnName("kind");
            b.Property(v => v.RecordedAt).HasColumnName("recorded_at");
            b.Property(v => v.RecordedBy).HasColumnName("recorded_by").HasMaxLength(128).IsRequired();
            b.Property(v => v.ReportId).HasColumnName("report_id");
            b.Property(v => v.InteractionId).HasColumnName("interaction_id");
            b.Property(v => v.Note).HasColumnName("note").HasMaxLength(2000);
            b.HasOne<ModerationAccountRow>().WithMany().HasForeignKey(v => new { v.ProvinceId, v.AccountId }).OnDelete(DeleteBehavior.Restrict).HasConstraintName($"fk_{prefix}violations_moderation_accounts");
        });

        modelBuilder.Entity<ModerationDecisionRow>(b =>
        {
            b.ToTable(prefix + "moderation_decisions", schema);
            b.HasKey(d => new { d.ProvinceId, d.AccountId, d.Sequence });
            b.Property(d => d.ProvinceId).HasColumnName("province_id").HasMaxLength(64);
            b.Property(d => d.AccountId).HasColumnName("account_id").HasMaxLength(128);
            b.Property(d => d.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            b.Property(d => d.Kind).HasColumnName("kind");
            b.Property(d => d.Sanction).HasColumnName("sanction");
            b.Property(d => d.At).HasColumnName("decided_at");
            b.Property(d => d.Until).HasColumnName("until");
            b.Property(d => d.DecidedBy).HasColumnName("decided_by").HasMaxLength(128).IsRequired();
            b.Property(d => d.Reason).HasColumnName("reason").HasMaxLength(2000).IsRequired();
            b.Property(d => d.ViolationCount).HasColumnName("violation_count");
            b.HasOne<ModerationAccountRow>().WithMany().HasForeignKey(d => new { d.ProvinceId, d.AccountId }).OnDelete(DeleteBehavior.Restrict).HasConstraintName($"fk_{prefix}moderation_decisions_moderation_accounts");
            // The audit of a province's decisions in a period.
            b.HasIndex(d => new { d.ProvinceId, d.At }).HasDatabaseName($"ix_{prefix}moderation_decisions_decided");
        });

        modelBuilder.Entity<ReportConfidentialityRow>(b =>
        {
            b.ToTable(prefix + "report_confidentiality", schema);
            b.HasKey(c => c.ReportId);
            b.Property(c => c.ReportId).HasColumnName("report_id").ValueGeneratedNever();
            b.Property(c => c.ProvinceId).HasColumnName("province_id").HasMaxLength(64).IsRequired();
            b.Property(c => c.IdentitySecrecyRequested).HasColumnName("identity_secrecy_requested");
            b.Property(c => c.IsStateSecret).HasColumnName("state_secret");
            b.HasOne<ReportRow>().WithOne().HasForeignKey<ReportConfidentialityRow>(c => c.ReportId).OnDelete(DeleteBehavior.Restrict).HasConstraintName($"fk_{prefix}report_confidentiality_reports");
        });

        modelBuilder.Entity<IdentityConsentRow>(b =>
        {
            b.ToTable(prefix + "identity_consents", schema);
            b.HasKey(c => new { c.ReportId, c.GivenAt });
            b.Property(c => c.ReportId).HasColumnName("report_id");
            b.Property(c => c.GivenAt).HasColumnName("given_at");
            b.Property(c => c.ProvinceId).HasColumnName("province_id").HasMaxLength(64).IsRequired();
            b.Property(c => c.Purpose).HasColumnName("purpose").HasMaxLength(1000).IsRequired();
            b.Property(c => c.WordingVersion).HasColumnName("wording_version").HasMaxLength(64).IsRequired();
            b.Property(c => c.WithdrawnAt).HasColumnName("withdrawn_at");
            b.HasOne<ReportRow>().WithMany().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Restrict).HasConstraintName($"fk_{prefix}identity_consents_reports");
        });

        modelBuilder.Entity<InteractionRow>(b =>
        {
            b.ToTable(prefix + "interactions", schema);
            b.HasKey(i => i.Id);
            b.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(i => i.ProvinceId).HasColumnName("province_id").HasMaxLength(64).IsRequired();
            b.Property(i => i.ReportId).HasColumnName("report_id");
            b.Property(i => i.AccountId).HasColumnName("account_id").HasMaxLength(128).IsRequired();
            b.Property(i => i.AgencyId).HasColumnName("agency_id").HasMaxLength(64);
            b.Property(i => i.Kind).HasColumnName("kind");
            b.Property(i => i.Text).HasColumnName("text").IsRequired();
            b.Property(i => i.SentAt).HasColumnName("sent_at");
            b.Property(i => i.DueAt).HasColumnName("due_at");
            b.Property(i => i.Answer).HasColumnName("answer");
            b.Property(i => i.AnsweredAt).HasColumnName("answered_at");
            b.Property(i => i.AnsweredBy).HasColumnName("answered_by").HasMaxLength(128);
            b.HasOne<ReportRow>().WithMany().HasForeignKey(i => i.ReportId).OnDelete(DeleteBehavior.Restrict).HasConstraintName($"fk_{prefix}interactions_reports");
            b.HasIndex(i => new { i.ReportId, i.SentAt }).HasDatabaseName($"ix_{prefix}interactions_report");
            // Unanswered clarification requests per agency in a period.
            b.HasIndex(i => new { i.ProvinceId, i.SentAt, i.AgencyId }).HasDatabaseName($"ix_{prefix}interactions_sent");
        });

        modelBuilder.Entity<ProvinceCatalogueRow>(b =>
        {
            b.ToTable(prefix + "province_catalogues", schema);
            // Versions are inserted only: the key refuses a second version with the same number (two edits at once).
            b.HasKey(c => new { c.ProvinceId, c.Version });
            b.Property(c => c.ProvinceId).HasColumnName("province_id").HasMaxLength(64);
            b.Property(c => c.Version).HasColumnName("version").ValueGeneratedNever();
            b.Property(c => c.Document).HasColumnName("document").IsRequired();
            b.Property(c => c.SavedAt).HasColumnName("saved_at");
            b.Property(c => c.SavedBy).HasColumnName("saved_by").HasMaxLength(128).IsRequired();
        });

        modelBuilder.Entity<IdempotencyKeyRow>(b =>
        {
            b.ToTable(prefix + "idempotency_keys", schema);
            b.HasKey(k => new { k.Scope, k.Key });
            b.Property(k => k.Scope).HasColumnName("scope").HasMaxLength(256);
            b.Property(k => k.Key).HasColumnName("key").HasMaxLength(255);
            b.Property(k => k.Fingerprint).HasColumnName("fingerprint").HasMaxLength(128).IsRequired();
            b.Property(k => k.CreatedAt).HasColumnName("created_at");
            b.Property(k => k.ExpiresAt).HasColumnName("expires_at");
            b.Property(k => k.CompletedAt).HasColumnName("completed_at");
            b.Property(k => k.StatusCode).HasColumnName("status_code");
            b.Property(k => k.ContentType).HasColumnName("content_type").HasMaxLength(255);
            b.Property(k => k.Location).HasColumnName("location").HasMaxLength(2048);
            b.Property(k => k.Body).HasColumnName("body");
            // The sweep of expired keys.
            b.HasIndex(k => k.ExpiresAt).HasDatabaseName($"ix_{prefix}idempotency_keys_expires");
        });

        modelBuilder.Entity<ApiKeyRow>(b =>
        {
            b.ToTable(prefix + "api_keys", schema);
            b.HasKey(k => k.Id);
            b.Property(k => k.Id).HasColumnName("id").HasMaxLength(64).ValueGeneratedNever();
            b.Property(k => k.ProvinceId).HasColumnName("province_id").HasMaxLength(64).IsRequired();
            b.Property(k => k.Channel).HasColumnName("channel").HasMaxLength(64).IsRequired();
            b.Property(k => k.AccountId).HasColumnName("account_id").HasMaxLength(128).IsRequired();
            b.Property(k => k.Name).HasColumnName("name").HasMaxLength(200);
            b.Property(k => k.KeyHash).HasColumnName("key_hash").HasMaxLength(64).IsRequired();
            b.Property(k => k.CreatedAt).HasColumnName("created_at");
            b.Property(k => k.CreatedBy).HasColumnName("created_by").HasMaxLength(128).IsRequired();
            b.Property(k => k.RevokedAt).HasColumnName("revoked_at");
            b.HasIndex(k => k.KeyHash).IsUnique().HasDatabaseName($"ux_{prefix}api_keys_hash");
            b.HasIndex(k => new { k.ProvinceId, k.CreatedAt }).HasDatabaseName($"ix_{prefix}api_keys_province");
        });

        modelBuilder.Entity<LeaseRow>(b =>
        {
            b.ToTable(prefix + "leases", schema);
            b.HasKey(l => l.Name);
            b.Property(l => l.Name).HasColumnName("name").HasMaxLength(128).ValueGeneratedNever();
            b.Property(l => l.Holder).HasColumnName("holder").HasMaxLength(256).IsRequired();
            b.Property(l => l.AcquiredAt).HasColumnName("acquired_at");
            b.Property(l => l.ExpiresAt).HasColumnName("expires_at");
        });

        if (!(options.StoreInstantsNatively ?? IsBuiltForPostgreSql(modelBuilder)))
        {
            ConvertInstantsToTicks(modelBuilder);
        }

        return modelBuilder;
    }

    // Npgsql's conventions annotate the model as soon as it is created; no other provider uses its prefix.
    private static bool IsBuiltForPostgreSql(ModelBuilder modelBuilder) =>
        modelBuilder.Model.GetAnnotations().Any(a => a.Name.StartsWith("Npgsql:", StringComparison.Ordinal));

    private static void ConvertInstantsToTicks(ModelBuilder modelBuilder)
    {
        foreach (var type in new[] { typeof(ReportRow), typeof(ReportEventRow), typeof(ReporterContactRow), typeof(AttachmentRow), typeof(OutboxMessageRow), typeof(ViolationRow), typeof(ModerationDecisionRow), typeof(IdentityConsentRow), typeof(InteractionRow), typeof(IdempotencyKeyRow), typeof(ApiKeyRow), typeof(LeaseRow), typeof(ProvinceCatalogueRow) })
        {
            var entity = modelBuilder.Entity(type);
            foreach (var property in entity.Metadata.GetProperties())
            {
                if (property.ClrType == typeof(Instant) || property.ClrType == typeof(Instant?))
                {
                    entity.Property(property.Name).HasConversion(InstantToTicks);
                }
            }
        }
    }
}
