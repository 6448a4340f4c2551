using TaskChat.Contract;
using TaskChat.Data.Idempotency;
using TaskChat.Data.Tasks;

namespace TaskChat.Mcp.Tools;

public static class TaskToolsExtensions
{
    /// <summary>Where the tools are served.</summary>
    public const string McpPath = "/mcp";

    /// <summary>
    /// Large enough for any valid call and for a 1 MB argument to be answered with a readable
    /// validation error rather than a bare 413; small enough that a hostile body cannot hurt.
    /// </summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    public static WebApplicationBuilder AddTaskTools(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddMcpServer(options =>
            {
                options.ServerInfo = new() { Name = "taskchat-mcp", Title = "TaskChat tasks", Version = typeof(TaskTools).Assembly.GetName().Version?.ToString(3) ?? "1.0.0" };
                options.ServerInstructions = "Tools to manage the signed-in user's task list: add, list, complete, update, delete and restore tasks. " +
                    $"Tasks are named by id; use {ToolNames.ListTasks} to find the id of a task the user names by words.";
            })
            .WithHttpTransport(options => options.Stateless = true)
            .WithTools<TaskTools>()
            .WithRequestFilters(filters => filters.AddCallToolFilter(ToolCallGuard.Wrap));
        builder.Services.AddIdempotencyPruning();
        builder.Services.AddDeletedTaskPurging();
        return builder;
    }

    public static WebApplication MapTaskTools(this WebApplication app)
    {
        app.MapMcp(McpPath).RequireAuthorization();
        return app;
    }
}
