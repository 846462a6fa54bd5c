using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace FieldReports.Storage.EF.Migrations.Npgsql.Migrations
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    province_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: true),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(127)", maxLength: 127, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    storage_key = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachments", x => new { x.province_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    type = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    lock_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reporter_account_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    channel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    urgent = table.Column<bool>(type: "boolean", nullable: false),
                    confidential = table.Column<bool>(type: "boolean", nullable: false),
                    field_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    assigned_agency_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    returned_by_agency_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    proposed_agency_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    rejection_reason = table.Column<int>(type: "integer", nullable: true),
                    duplicate_of = table.Column<Guid>(type: "uuid", nullable: true),
                    escalated_from = table.Column<int>(type: "integer", nullable: true),
                    result = table.Column<string>(type: "text", nullable: true),
                    evidence = table.Column<string>(type: "text", nullable: false),
                    rating_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    rating_opens_follow_up = table.Column<bool>(type: "boolean", nullable: true),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    description = table.Column<string>(type: "text", nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    address = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    area_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    observed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    attachment_ids = table.Column<string>(type: "text", nullable: false),
                    submitted_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    current_deadline = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "report_events",
                columns: table => new
                {
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    province_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    occurred_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    actor_role = table.Column<int>(type: "integer", nullable: false),
                    actor_account_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    actor_agency_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    trigger = table.Column<int>(type: "integer", nullable: false),
                    from_state = table.Column<int>(type: "integer", nullable: true),
                    to_state = table.Column<int>(type: "integer", nullable: false),
                    urgent = table.Column<bool>(type: "boolean", nullable: false),
                    assigned_agency_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    data = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_events", x => new { x.report_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_report_events_reports",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reporter_contacts",
                columns: table => new
                {
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reporter_account_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    erased_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporter_contacts", x => x.report_id);
                    table.ForeignKey(
                        name: "fk_reporter_contacts_reports",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attachments_report",
                table: "attachments",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_due",
                table: "outbox_messages",
                columns: new[] { "delivered_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_lock",
                table: "outbox_messages",
                column: "lock_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_events_occurred",
                table: "report_events",
                columns: new[] { "province_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reporter_contacts_reporter",
                table: "reporter_contacts",
                columns: new[] { "province_id", "reporter_account_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_agency_queue",
                table: "reports",
                columns: new[] { "province_id", "assigned_agency_id", "state", "current_deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_area_published",
                table: "reports",
                columns: new[] { "province_id", "area_code", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_deadline",
                table: "reports",
                columns: new[] { "province_id", "current_deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_field_published",
                table: "reports",
                columns: new[] { "province_id", "field_code", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_published",
                table: "reports",
                columns: new[] { "province_id", "published_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_submitted",
                table: "reports",
                columns: new[] { "province_id", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "report_events");

            migrationBuilder.DropTable(
                name: "reporter_contacts");

            migrationBuilder.DropTable(
                name: "reports");
        }
    }
}
