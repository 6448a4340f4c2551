namespace TaskChat.Data.Tasks;

/// <summary>How many tasks (pending and completed) one user may keep: TASKS_PER_USER_MAX.</summary>
public sealed record TaskLimits(int MaxTasksPerUser = FieldLimits.TasksPerUserDefault)
{
    public const string VariableName = "TASKS_PER_USER_MAX";
}
