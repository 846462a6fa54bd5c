using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferenceHost.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialHost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ProvinceId = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<string>(type: "TEXT", nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    province_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 127, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachments", x => new { x.province_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "host_inbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceId = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", nullable: true),
                    AgencyId = table.Column<string>(type: "TEXT", nullable: true),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TextVi = table.Column<string>(type: "TEXT", nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    DedupeKey = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_host_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    lock_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    reporter_account_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    confidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    field_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    assigned_agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    returned_by_agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    proposed_agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    rejection_reason = table.Column<int>(type: "INTEGER", nullable: true),
                    duplicate_of = table.Column<Guid>(type: "TEXT", nullable: true),
                    escalated_from = table.Column<int>(type: "INTEGER", nullable: true),
                    result = table.Column<string>(type: "TEXT", nullable: true),
                    evidence = table.Column<string>(type: "TEXT", nullable: false),
                    rating_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    rating_opens_follow_up = table.Column<bool>(type: "INTEGER", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    area_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    observed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    attachment_ids = table.Column<string>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    current_deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_events",
                columns: table => new
                {
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    province_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_role = table.Column<int>(type: "INTEGER", nullable: false),
                    actor_account_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    actor_agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    from_state = table.Column<int>(type: "INTEGER", nullable: true),
                    to_state = table.Column<int>(type: "INTEGER", nullable: false),
                    urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    assigned_agency_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    note = table.Column<string>(type: "TEXT", nullable: true),
                    data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_events", x => new { x.report_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_report_events_reports",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reporter_contacts",
                columns: table => new
                {
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    reporter_account_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    erased_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporter_contacts", x => x.report_id);
                    table.ForeignKey(
                        name: "fk_reporter_contacts_reports",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attachments_report",
                table: "attachments",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "IX_host_inbox_DedupeKey",
                table: "host_inbox",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_host_inbox_ProvinceId_AccountId",
                table: "host_inbox",
                columns: new[] { "ProvinceId", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_host_inbox_ProvinceId_Role_AgencyId",
                table: "host_inbox",
                columns: new[] { "ProvinceId", "Role", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_due",
                table: "outbox_messages",
                columns: new[] { "delivered_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_lock",
                table: "outbox_messages",
                column: "lock_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_events_occurred",
                table: "report_events",
                columns: new[] { "province_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reporter_contacts_reporter",
                table: "reporter_contacts",
                columns: new[] { "province_id", "reporter_account_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_agency_queue",
                table: "reports",
                columns: new[] { "province_id", "assigned_agency_id", "state", "current_deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_area_published",
                table: "reports",
                columns: new[] { "province_id", "area_code", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_deadline",
                table: "reports",
                columns: new[] { "province_id", "current_deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_field_published",
                table: "reports",
                columns: new[] { "province_id", "field_code", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_published",
                table: "reports",
                columns: new[] { "province_id", "published_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_submitted",
                table: "reports",
                columns: new[] { "province_id", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "host_inbox");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "report_events");

            migrationBuilder.DropTable(
                name: "reporter_contacts");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "reports");
        }
    }
}
