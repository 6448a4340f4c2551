namespace TaskChat.Data;

/// <summary>
/// The longest values TaskChat accepts and stores, in characters, in one place: the column widths
/// (EntityConfigurations/) and the checks on input (<see cref="Tasks.TaskRules"/>, the api's chat
/// message, the web's sign-up) read them from here, so a column and its check cannot drift apart.
/// </summary>
public static class FieldLimits
{
    /// <summary>A user id: the `sub` of a token, also the owner column of tasks, conversations and messages.</summary>
    public const int UserId = 255;

    public const int TaskTitle = 200;

    public const int TaskDescription = 1000;

    /// <summary>One tag (a short label) of a task.</summary>
    public const int TaskTag = 40;

    /// <summary>How many tags one task may have.</summary>
    public const int TagsPerTask = 20;

    /// <summary>How many reminders one task may have.</summary>
    public const int RemindersPerTask = 10;

    /// <summary>A recurrence rule (RRULE text).</summary>
    public const int TaskRecurrence = 200;

    /// <summary>The words of a task search.</summary>
    public const int TaskSearch = 200;

    /// <summary>An IANA time zone id (the longest in the database is about 30 characters).</summary>
    public const int TimeZone = 64;

    /// <summary>How many tasks one list page holds when the caller does not say.</summary>
    public const int TaskPageDefault = 50;

    /// <summary>The most tasks one list page may hold: one call never answers with megabytes.</summary>
    public const int TaskPageMax = 200;

    /// <summary>How many conversations one page of the list holds when the caller does not say.</summary>
    public const int ConversationPageDefault = 50;

    /// <summary>The most conversations one page of the list may hold.</summary>
    public const int ConversationPageMax = 200;

    /// <summary>How many of a conversation's messages one read holds when the caller does not say (25 turns).</summary>
    public const int MessagePageDefault = 50;

    /// <summary>The most messages one read of a conversation may hold.</summary>
    public const int MessagePageMax = 200;

    /// <summary>How many task numbers one list may ask for (list_tasks' task_ids): the tasks a request names, not a way to page.</summary>
    public const int TaskIdsMax = 50;

    /// <summary>The default of TASKS_PER_USER_MAX: how many tasks (pending and completed) one user may keep.</summary>
    public const int TasksPerUserDefault = 10_000;

    /// <summary>The column's width; the api derives shorter titles from a conversation's first message.</summary>
    public const int ConversationTitle = 200;

    /// <summary>What a person may send in one chat message. Stored messages are unbounded text: replies may be longer.</summary>
    public const int ChatMessage = 4000;

    /// <summary>One of <see cref="Contract.MessageRoles"/>.</summary>
    public const int MessageRole = 16;

    /// <summary>An email address, which is also the user name (as wide as ASP.NET Core Identity makes both).</summary>
    public const int Email = 256;

    /// <summary>A user's display name (the token's `name`).</summary>
    public const int UserDisplayName = 100;

    /// <summary>A signing key's id (the `kid` of tokens and of the JWKS).</summary>
    public const int SigningKeyId = 64;

    /// <summary>A JWS algorithm name such as ES256.</summary>
    public const int SigningKeyAlgorithm = 16;

    /// <summary>A SHA-256 in hex: the key of a sign-in failure counter (an email and an address, hashed).</summary>
    public const int SignInFailureKey = 64;

    /// <summary>A web session's key (the user_sessions row and the id inside the session cookie).</summary>
    public const int SessionId = 64;

    /// <summary>As much of a User-Agent header as a session keeps to describe the device.</summary>
    public const int UserAgent = 512;

    /// <summary>An MCP tool's name.</summary>
    public const int ToolName = 64;

    /// <summary>A SHA-256 in hex: what an idempotency key was first used for.</summary>
    public const int RequestHash = 64;

    /// <summary>
    /// The limits that tool descriptions quote, as text: attribute arguments must be constant strings, and
    /// C# cannot format a number into one. A unit test checks each against its number above.
    /// </summary>
    public static class Text
    {
        public const string TaskTitle = "200";
        public const string TaskDescription = "1000";
        public const string TaskTag = "40";
        public const string TagsPerTask = "20";
        public const string RemindersPerTask = "10";
        public const string TaskRecurrence = "200";
        public const string TaskSearch = "200";
        public const string TaskPageDefault = "50";
        public const string TaskPageMax = "200";
        public const string TaskIdsMax = "50";
    }
}
