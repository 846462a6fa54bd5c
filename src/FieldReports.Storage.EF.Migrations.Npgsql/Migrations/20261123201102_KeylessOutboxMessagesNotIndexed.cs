using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FieldReports.Storage.EF.Migrations.Npgsql.Migrations
{
    /// <inheritdoc />
    internal partial class KeylessOutboxMessagesNotIndexed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_outbox_messages_dedupe",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "ux_outbox_messages_dedupe",
                table: "outbox_messages",
                column: "dedupe_key",
                unique: true,
                filter: "\"dedupe_key\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_outbox_messages_dedupe",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "ux_outbox_messages_dedupe",
                table: "outbox_messages",
                column: "dedupe_key",
                unique: true);
        }
    }
}
