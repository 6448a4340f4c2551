namespace TaskChat.Data.Limits;

/// <summary>
/// MAX_CONVERSATIONS_PER_USER on PostgreSQL, as the SQL of both ways a conversation starts: the api's own
/// start (<c>ConversationStore</c>), and the start a new conversation's first turn sends in the command of its
/// count and its key's claim (<see cref="ChatTurnCounter"/>). Both send <see cref="Lock"/> and then
/// <see cref="Insert"/> as statements of one command, which PostgreSQL runs as one implicit transaction: the
/// per-user advisory lock is held until the command ends, and the INSERT, which under READ COMMITTED takes its
/// snapshot when it starts, counts the user's conversations after the lock, so concurrent starts cannot pass
/// the limit. Parameters: <c>@user</c>, <c>@title</c>, <c>@at</c> (the time) and <c>@conversations</c> (the limit).
/// </summary>
public static class ConversationLimitSql
{
    /// <summary>The user's lock; the same key whichever start takes it.</summary>
    public const string Lock = "SELECT pg_advisory_xact_lock(hashtextextended('conversations:' || @user, 0))";

    /// <summary>The new conversation's INSERT, returning its id, or nothing at the limit.</summary>
    /// <param name="andAlso">A further condition of the start, ending in AND, or empty.</param>
    public static string Insert(string andAlso = "") => $"""
        INSERT INTO conversations (user_id, title, created_at, updated_at)
        SELECT @user, @title, @at, @at WHERE {andAlso} (SELECT count(*) FROM conversations WHERE user_id = @user) < @conversations
        RETURNING id
        """;
}
