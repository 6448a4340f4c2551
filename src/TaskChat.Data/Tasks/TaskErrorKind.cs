namespace TaskChat.Data.Tasks;

public enum TaskErrorKind
{
    /// <summary>The caller's input broke a rule; the message says which.</summary>
    Validation,
    /// <summary>No such task for this user: another user's task is indistinguishable from a missing one.</summary>
    NotFound,
}
