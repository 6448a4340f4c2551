using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

public static class TaskViews
{
    /// <summary>The stored task as the wire shows it (REST and list_tasks).</summary>
    public static TaskView ToView(this TaskItem task) =>
        new(task.Id, task.Title, task.Description, task.Completed, task.CreatedAt, task.UpdatedAt);
}
