using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddReminderEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "email_reminders",
                table: "users",
                type: "INTEGER",
                nullable: false,
                // Edited from the generated false: the accounts made before this column take reminders by email too, as new ones do.
                defaultValue: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "followed_up_at",
                table: "notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "shown_at",
                table: "notifications",
                type: "TEXT",
                nullable: true);

            // Edited in: the notifications that went off before this migration are not mailed now, long after.
            migrationBuilder.Sql("UPDATE notifications SET followed_up_at = created_at");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_follow_up",
                table: "notifications",
                column: "created_at",
                filter: "followed_up_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_follow_up",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "email_reminders",
                table: "users");

            migrationBuilder.DropColumn(
                name: "followed_up_at",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "shown_at",
                table: "notifications");
        }
    }
}
