using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTaskDeletedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_user_id_completed",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_user_id_due_at",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_user_id_updated_at_number",
                table: "tasks");

            migrationBuilder.AddColumn<DateTime>(
                name: "deleted_at",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_deleted_at",
                table: "tasks",
                column: "deleted_at",
                filter: "deleted_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_id_completed",
                table: "tasks",
                columns: new[] { "user_id", "completed" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_id_due_at",
                table: "tasks",
                columns: new[] { "user_id", "due_at" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_id_updated_at_number",
                table: "tasks",
                columns: new[] { "user_id", "updated_at", "number" },
                filter: "deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_deleted_at",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_user_id_completed",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_user_id_due_at",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_user_id_updated_at_number",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_id_completed",
                table: "tasks",
                columns: new[] { "user_id", "completed" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_id_due_at",
                table: "tasks",
                columns: new[] { "user_id", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_id_updated_at_number",
                table: "tasks",
                columns: new[] { "user_id", "updated_at", "number" });
        }
    }
}
