using Microsoft.EntityFrameworkCore.Migrations;

namespace TaskChat.Data.Migrations;

/// <summary>
/// The data half of the AddTaskPlanningFields migrations (the same SQL runs on PostgreSQL and on
/// SQLite 3.33+): existing tasks get per-user numbers in creation order (id order), each user a
/// counter row that continues after them, and completed tasks their last update as completed_at
/// (the best time known). Called by both providers' migrations between adding the columns and
/// creating the unique (user_id, number) index; re-add the call if a migration is regenerated.
/// </summary>
internal static class TaskPlanningBackfill
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE tasks SET number = ranked.n
            FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY id) AS n FROM tasks) AS ranked
            WHERE tasks.id = ranked.id;
            """);
        migrationBuilder.Sql("UPDATE tasks SET completed_at = updated_at WHERE completed;");
        migrationBuilder.Sql("""
            INSERT INTO user_task_counters (user_id, last_number, version, changed_at)
            SELECT user_id, MAX(number), 1, MAX(updated_at) FROM tasks GROUP BY user_id;
            """);
    }
}
