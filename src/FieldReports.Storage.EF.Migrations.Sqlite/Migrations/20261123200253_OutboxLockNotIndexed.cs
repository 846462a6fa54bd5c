using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldReports.Storage.EF.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class OutboxLockNotIndexed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_lock",
                table: "outbox_messages");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_lock",
                table: "outbox_messages",
                column: "lock_id",
                filter: "\"lock_id\" IS NOT NULL");
        }
    }
}
