using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferenceHost.Data.NpgsqlMigrations
{
    /// <inheritdoc />
    public partial class PublishedOnlyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reports_area_published",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_field_published",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_published",
                table: "reports");

            migrationBuilder.CreateIndex(
                name: "ix_reports_area_published",
                table: "reports",
                columns: new[] { "province_id", "area_code", "published_at" },
                filter: "\"published_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_reports_field_published",
                table: "reports",
                columns: new[] { "province_id", "field_code", "published_at" },
                filter: "\"published_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_reports_published",
                table: "reports",
                columns: new[] { "province_id", "published_at", "id" },
                filter: "\"published_at\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reports_area_published",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_field_published",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_published",
                table: "reports");

            migrationBuilder.CreateIndex(
                name: "ix_reports_area_published",
                table: "reports",
                columns: new[] { "province_id", "area_code", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_field_published",
                table: "reports",
                columns: new[] { "province_id", "field_code", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_published",
                table: "reports",
                columns: new[] { "province_id", "published_at", "id" });
        }
    }
}
