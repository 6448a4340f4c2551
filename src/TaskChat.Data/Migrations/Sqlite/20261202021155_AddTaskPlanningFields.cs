using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTaskPlanningFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                table: "users",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            migrationBuilder.AddColumn<DateTime>(
                name: "completed_at",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "due_at",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_date",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "follows_task_id",
                table: "tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "number",
                table: "tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "occurrence",
                table: "tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "priority",
                table: "tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "recurrence",
                table: "tasks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "repeat_from",
                table: "tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "task_reminders",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    task_id = table.Column<long>(type: "INTEGER", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    minutes_before = table.Column<int>(type: "INTEGER", nullable: true),
                    fire_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_reminders_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_tags",
                columns: table => new
                {
                    task_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_tags", x => new { x.task_id, x.name });
                    table.ForeignKey(
                        name: "fk_task_tags_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_task_counters",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    last_number = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_task_counters", x => x.user_id);
                });

            // Existing tasks: per-user numbers in creation order, counters, completed_at (not generated: see TaskPlanningBackfill).
            TaskPlanningBackfill.Apply(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_follows_task_id",
                table: "tasks",
                column: "follows_task_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_id_due_at",
                table: "tasks",
                columns: new[] { "user_id", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_id_number",
                table: "tasks",
                columns: new[] { "user_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_task_reminders_sent_at_fire_at",
                table: "task_reminders",
                columns: new[] { "sent_at", "fire_at" });

            migrationBuilder.CreateIndex(
                name: "ix_task_reminders_task_id",
                table: "task_reminders",
                column: "task_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "task_reminders");

            migrationBuilder.DropTable(
                name: "task_tags");

            migrationBuilder.DropTable(
                name: "user_task_counters");

            migrationBuilder.DropIndex(
                name: "ix_tasks_follows_task_id",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_user_id_due_at",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_user_id_number",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "time_zone",
                table: "users");

            migrationBuilder.DropColumn(
                name: "completed_at",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "due_at",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "due_date",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "follows_task_id",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "number",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "occurrence",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "priority",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "recurrence",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "repeat_from",
                table: "tasks");
        }
    }
}
