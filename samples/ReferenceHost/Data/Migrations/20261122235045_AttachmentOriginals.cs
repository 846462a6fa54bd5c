using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferenceHost.Data.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentOriginals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "original_storage_key",
                table: "attachments",
                type: "TEXT",
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
