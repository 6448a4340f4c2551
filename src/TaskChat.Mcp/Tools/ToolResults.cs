using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol.Protocol;
using TaskChat.Data.Tasks;

namespace TaskChat.Mcp.Tools;

/// <summary>Error codes of a failed tool call, as the contract names them.</summary>
public static class ToolErrorCodes
{
    public const string Validation = "validation";
    public const string NotFound = "not_found";
    public const string Unavailable = "unavailable";
    public const string Internal = "internal";
}

/// <summary>
/// Every tool answers {"status":"success","data":{...}} or
/// {"status":"error","error":"&lt;message a user can read&gt;","code":"..."}, as JSON text and as
/// structured content, with isError set on failure. Tools return these instead of throwing, so an
/// agent always gets something it can relay.
/// </summary>
public sealed record ToolEnvelope<TData>(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("data"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TData? Data = default,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null,
    [property: JsonPropertyName("code"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null);

/// <summary>data of add_task, complete_task, delete_task and update_task.</summary>
public sealed record TaskChange(
    [property: JsonPropertyName("task_id")] long TaskId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] string Status);

/// <summary>data of list_tasks.</summary>
public sealed record TaskList(
    [property: JsonPropertyName("tasks")] IReadOnlyList<TaskView> Tasks,
    [property: JsonPropertyName("count")] int Count);

public static class ToolResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CallToolResult Success<TData>(TData data) => Create(new ToolEnvelope<TData>("success", data), isError: false);

    public static CallToolResult Error(string code, string message) => Create(new ToolEnvelope<object>("error", Error: message, Code: code), isError: true);

    public static CallToolResult From(TaskOutcome<Data.Model.TaskItem> outcome, string status) =>
        outcome.Succeeded
            ? Success(new TaskChange(outcome.Value!.Id, outcome.Value.Title, status))
            : Error(outcome.Error!.Kind == TaskErrorKind.NotFound ? ToolErrorCodes.NotFound : ToolErrorCodes.Validation, outcome.Error.Message);

    private static CallToolResult Create<TEnvelope>(TEnvelope envelope, bool isError)
    {
        var element = JsonSerializer.SerializeToElement(envelope, Json);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = element.GetRawText() }],
            StructuredContent = element,
            IsError = isError,
        };
    }
}
