using System.Text.Json;
using Microsoft.Extensions.AI;
using TaskChat.Contract;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// The five task tools as AIFunctions over an in-memory list, answering with the contract's JSON envelopes
/// as the MCP server does; every call is recorded. Stands in for the MCP tools the api hands the agent.
/// </summary>
internal sealed class FakeTaskTools
{
    private readonly List<(long Id, string Title, string? Description, bool Completed)> _tasks = [];
    private long _nextId = 1;

    public List<(string Tool, string Arguments)> Calls { get; } = [];

    public IList<AITool> All => [Add, List, Complete, Delete, Update];

    public AIFunction Add => AIFunctionFactory.Create((string title, string? description = null) =>
    {
        Record(ToolNames.AddTask, new { title, description });
        _tasks.Add((_nextId, title, description, false));
        return Envelopes.Change(_nextId++, title, TaskChangeStatus.Created);
    }, ToolNames.AddTask, "Create a task.");

    public AIFunction List => AIFunctionFactory.Create((string? status = ListStatus.All) =>
    {
        Record(ToolNames.ListTasks, new { status });
        var tasks = _tasks.Where(t => status switch { ListStatus.Pending => !t.Completed, ListStatus.Completed => t.Completed, _ => true })
            .Select(t => new { id = t.Id, title = t.Title, description = t.Description, completed = t.Completed }).ToList();
        return Envelopes.Success(new { tasks, count = tasks.Count });
    }, ToolNames.ListTasks, "List tasks.");

    public AIFunction Complete => AIFunctionFactory.Create((long task_id) =>
    {
        Record(ToolNames.CompleteTask, new { task_id });
        return Change(task_id, TaskChangeStatus.Completed, t => t with { Completed = true });
    }, ToolNames.CompleteTask, "Complete a task.");

    public AIFunction Delete => AIFunctionFactory.Create((long task_id) =>
    {
        Record(ToolNames.DeleteTask, new { task_id });
        var result = Change(task_id, TaskChangeStatus.Deleted, t => t);
        _tasks.RemoveAll(t => t.Id == task_id);
        return result;
    }, ToolNames.DeleteTask, "Delete a task.");

    public AIFunction Update => AIFunctionFactory.Create((long task_id, string? title = null, string? description = null) =>
    {
        Record(ToolNames.UpdateTask, new { task_id, title, description });
        return Change(task_id, TaskChangeStatus.Updated, t => t with { Title = title ?? t.Title, Description = description ?? t.Description });
    }, ToolNames.UpdateTask, "Update a task.");

    private string Change(long id, string status, Func<(long Id, string Title, string? Description, bool Completed), (long, string, string?, bool)> change)
    {
        var index = _tasks.FindIndex(t => t.Id == id);
        if (index < 0)
        {
            return Envelopes.Error(ToolErrorCodes.NotFound, $"Task {id} was not found.");
        }
        _tasks[index] = change(_tasks[index]);
        return Envelopes.Change(id, _tasks[index].Title, status);
    }

    private void Record(string tool, object arguments) => Calls.Add((tool, JsonSerializer.Serialize(arguments)));
}

/// <summary>The contract's tool result envelopes, as JSON text.</summary>
internal static class Envelopes
{
    public static string Success(object data) => JsonSerializer.Serialize(ToolEnvelope.Success(data));

    public static string Error(string code, string error) => JsonSerializer.Serialize(ToolEnvelope.Failure(code, error));

    public static string Change(long id, string title, string status) => Success(new TaskChange(id, title, status));

    public static string Tasks(params (long Id, string Title, bool Completed)[] tasks) =>
        Success(new
        {
            tasks = tasks.Select(t => new { id = t.Id, title = t.Title, description = (string?)null, completed = t.Completed, created_at = "2025-01-01T00:00:00Z", updated_at = "2025-01-01T00:00:00Z" }),
            count = tasks.Length,
        });
}
