using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TaskChat.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddTaskUpdatedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_id_updated_at_number",
                table: "tasks",
                columns: new[] { "user_id", "updated_at", "number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_user_id_updated_at_number",
                table: "tasks");
        }
    }
}
