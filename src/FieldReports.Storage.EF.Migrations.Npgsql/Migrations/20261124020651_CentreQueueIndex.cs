using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldReports.Storage.EF.Migrations.Npgsql.Migrations
{
    /// <inheritdoc />
    internal partial class CentreQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_reports_centre_queue",
                table: "reports",
                columns: new[] { "province_id", "current_deadline", "id" },
                filter: "\"state\" IN (0, 3, 7, 8, 11)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reports_centre_queue",
                table: "reports");
        }
    }
}
