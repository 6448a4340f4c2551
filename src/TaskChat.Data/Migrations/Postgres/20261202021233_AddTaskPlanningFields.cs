using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TaskChat.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            migrationBuilder.AddColumn<DateTime>(
                name: "completed_at",
                table: "tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "due_at",
                table: "tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_date",
                table: "tasks",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "follows_task_id",
                table: "tasks",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "number",
                table: "tasks",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "occurrence",
                table: "tasks",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "priority",
                table: "tasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "recurrence",
                table: "tasks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "repeat_from",
                table: "tasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "task_reminders",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    task_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    minutes_before = table.Column<int>(type: "integer", nullable: true),
                    fire_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    task_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
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
                    user_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    last_number = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
