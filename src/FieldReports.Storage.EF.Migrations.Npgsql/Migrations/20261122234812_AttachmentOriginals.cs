using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldReports.Storage.EF.Migrations.Npgsql.Migrations
{
    /// <inheritdoc />
    internal partial class AttachmentOriginals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "original_storage_key",
                table: "attachments",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "original_storage_key",
                table: "attachments");
        }
    }
}
