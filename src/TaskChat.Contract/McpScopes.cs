namespace TaskChat.Contract;

/// <summary>
/// The OAuth scopes an outside MCP client asks the web for (docs/connect-mcp-clients.md): the mcp
/// publishes them in its protected-resource metadata and checks them per tool; the web's consent page
/// names them.
/// </summary>
public static class McpScopes
{
    /// <summary>Read the person's tasks: list_tasks.</summary>
    public const string TasksRead = "tasks:read";

    /// <summary>Change the person's tasks: add, update, complete, reopen, skip, delete, restore.</summary>
    public const string TasksWrite = "tasks:write";

    /// <summary>Every scope the mcp knows, in the order the metadata lists them.</summary>
    public static readonly IReadOnlyList<string> All = [TasksRead, TasksWrite];

    /// <summary>
    /// The scope a tool needs. Only the read-only tools need <see cref="TasksRead"/>; every other
    /// tool, including one added later and not listed here, needs <see cref="TasksWrite"/>, so a new
    /// tool is never readable with the weaker grant by mistake.
    /// </summary>
    public static string RequiredFor(string toolName) => toolName switch
    {
        ToolNames.ListTasks => TasksRead,
        _ => TasksWrite,
    };
}
