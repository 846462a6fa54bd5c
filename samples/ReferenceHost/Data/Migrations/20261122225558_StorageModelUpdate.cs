using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferenceHost.Data.Migrations
{
    /// <inheritdoc />
    public partial class StorageModelUpdate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_consents",
                columns: table => new
                {
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    given_at = table.Column<long>(type: "INTEGER", nullable: false),
                    province_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    wording_version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    withdrawn_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_consents", x => new { x.report_id, x.given_at });
                    table.ForeignKey(
                        name: "fk_identity_consents_reports",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "interactions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    answer = table.Column<string>(type: "TEXT", nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interactions", x => x.id);
                    table.ForeignKey(
                        name: "fk_interactions_reports",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "moderation_accounts",
                columns: table => new
                {
                    province_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    violation_count = table.Column<int>(type: "INTEGER", nullable: false),
                    decision_count = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderation_accounts", x => new { x.province_id, x.account_id });
                });

            migrationBuilder.CreateTable(
                name: "report_confidentiality",
                columns: table => new
                {
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    identity_secrecy_requested = table.Column<bool>(type: "INTEGER", nullable: false),
                    state_secret = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_confidentiality", x => x.report_id);
                    table.ForeignKey(
                        name: "fk_report_confidentiality_reports",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "moderation_decisions",
                columns: table => new
                {
                    province_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    sanction = table.Column<int>(type: "INTEGER", nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: false),
                    until = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    violation_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderation_decisions", x => new { x.province_id, x.account_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_moderation_decisions_moderation_accounts",
                        columns: x => new { x.province_id, x.account_id },
                        principalTable: "moderation_accounts",
                        principalColumns: new[] { "province_id", "account_id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "violations",
                columns: table => new
                {
                    province_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    interaction_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_violations", x => new { x.province_id, x.account_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_violations_moderation_accounts",
                        columns: x => new { x.province_id, x.account_id },
                        principalTable: "moderation_accounts",
                        principalColumns: new[] { "province_id", "account_id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_report",
                table: "interactions",
                columns: new[] { "report_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_sent",
                table: "interactions",
                columns: new[] { "province_id", "sent_at", "agency_id" });

            migrationBuilder.CreateIndex(
                name: "ix_moderation_decisions_decided",
                table: "moderation_decisions",
                columns: new[] { "province_id", "decided_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_consents");

            migrationBuilder.DropTable(
                name: "interactions");

            migrationBuilder.DropTable(
                name: "moderation_decisions");

            migrationBuilder.DropTable(
                name: "report_confidentiality");

            migrationBuilder.DropTable(
                name: "violations");

            migrationBuilder.DropTable(
                name: "moderation_accounts");
        }
    }
}
