using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferenceHost.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnassignedAndUnclaimedNotIndexed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reports_agency_queue",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_lock",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "ix_reports_agency_queue",
                table: "reports",
                columns: new[] { "province_id", "assigned_agency_id", "state", "current_deadline" },
                filter: "\"assigned_agency_id\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_lock",
                table: "outbox_messages",
                column: "lock_id",
                filter: "\"lock_id\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reports_agency_queue",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_lock",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "ix_reports_agency_queue",
                table: "reports",
                columns: new[] { "province_id", "assigned_agency_id", "state", "current_deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_lock",
                table: "outbox_messages",
                column: "lock_id");
        }
    }
}
