namespace TaskChat.Data.Tasks;

public enum TaskErrorKind
{
    /// <summary>The caller's input broke a rule; the message says which.</summary>
    Validation,
    /// <summary>No such task for this user: another user's task is indistinguishable from a missing one.</summary>
    NotFound,
    /// <summary>The user already keeps as many tasks as TASKS_PER_USER_MAX allows.</summary>
    LimitReached,
    /// <summary>A restore of the owner's task that is not deleted: there is nothing to bring back.</summary>
    NotDeleted,
    /// <summary>The owner's account was deleted: a token minted before that may not create anything again.</summary>
    AccountDeleted,
}
