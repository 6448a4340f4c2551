using static OpenIddict.Abstractions.OpenIddictConstants;

namespace TaskChat.Web.OAuth;

/// <summary>What an outside client may ask for, and how the consent page says it to a person.</summary>
public static class OAuthScopes
{
    /// <summary>List and search tasks (the mcp's read-only tools).</summary>
    public const string TasksRead = TaskChat.Contract.McpScopes.TasksRead; // The mcp checks the same names per tool.

    /// <summary>Add, change, complete and delete tasks (every other mcp tool).</summary>
    public const string TasksWrite = TaskChat.Contract.McpScopes.TasksWrite;

    /// <summary>The scopes the mcp knows, in the order the consent page lists them.</summary>
    public static readonly IReadOnlyList<string> Tasks = [TasksRead, TasksWrite];

    /// <summary>Every scope a client may be granted: refresh tokens come with offline_access, which every grant gets.</summary>
    public static readonly IReadOnlyList<string> All = [TasksRead, TasksWrite, Scopes.OfflineAccess];

    /// <summary>For a person, in words: what the client will be able to do.</summary>
    public static string Describe(string scope) => scope switch
    {
        TasksRead => "See your tasks",
        TasksWrite => "Add, change and delete your tasks",
        Scopes.OfflineAccess => "Stay connected until you disconnect it",
        _ => scope,
    };

    /// <summary>
    /// What a request's scopes grant: the task scopes asked for (all of them when it names none, as
    /// MCP clients that read no scopes from the resource metadata do), plus offline_access.
    /// </summary>
    public static IReadOnlyList<string> Granted(IEnumerable<string> requested)
    {
        var asked = requested.ToHashSet(StringComparer.Ordinal);
        var tasks = Tasks.Where(asked.Contains).ToList();
        return [.. tasks.Count == 0 ? Tasks : tasks, Scopes.OfflineAccess];
    }
}
