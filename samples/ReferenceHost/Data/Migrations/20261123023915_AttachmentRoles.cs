using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferenceHost.Data.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "role",
                table: "attachments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_attachments_role_created",
                table: "attachments",
                columns: new[] { "province_id", "role", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_attachments_role_created",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "role",
                table: "attachments");
        }
    }
}
