namespace TaskChat.Data.Tasks;

public enum TaskStatusFilter
{
    All,
    Pending,
    Completed,
}
