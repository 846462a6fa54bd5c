using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldReports.Storage.EF.Migrations.Npgsql.Migrations
{
    /// <inheritdoc />
    internal partial class DeadlineIndexWithId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reports_deadline",
                table: "reports");

            migrationBuilder.CreateIndex(
                name: "ix_reports_deadline",
                table: "reports",
                columns: new[] { "province_id", "current_deadline", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reports_deadline",
                table: "reports");

            migrationBuilder.CreateIndex(
                name: "ix_reports_deadline",
                table: "reports",
                columns: new[] { "province_id", "current_deadline" });
        }
    }
}
