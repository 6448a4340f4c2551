namespace TaskChat.Data.Tasks;

public sealed record TaskError(TaskErrorKind Kind, string Message);
