using System.Text.Json;
using ModelContextProtocol.Protocol;
using TaskChat.Contract;
using TaskChat.Data.Model;
using TaskChat.Data.Tasks;

namespace TaskChat.Mcp.Tools;

/// <summary>The contract's envelope as an MCP result: JSON text and the same as structured content, isError on failure.</summary>
public static class ToolResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CallToolResult Success<TData>(TData data) => Create(ToolEnvelope.Success(data), isError: false);

    public static CallToolResult Error(string code, string message) => Create(ToolEnvelope.Failure(code, message), isError: true);

    /// <param name="outcome">What the task store did.</param>
    /// <param name="status">One of <see cref="TaskChangeStatus"/>.</param>
    /// <param name="owner">Whose task: its due date is shown in their time zone.</param>
    /// <param name="next">A completed recurring task's next occurrence.</param>
    public static CallToolResult From(TaskOutcome<TaskItem> outcome, string status, TaskOwner owner, TaskItem? next = null)
    {
        if (!outcome.Succeeded)
        {
            var code = outcome.Error!.Kind switch
            {
                TaskErrorKind.NotFound => ToolErrorCodes.NotFound,
                TaskErrorKind.LimitReached => ToolErrorCodes.TaskLimitReached,
                TaskErrorKind.NotDeleted => ToolErrorCodes.NotDeleted,
                TaskErrorKind.AccountDeleted => ToolErrorCodes.AccountDeleted,
                _ => ToolErrorCodes.Validation,
            };
            return Error(code, outcome.Error.Message);
        }
        var task = outcome.Value!;
        var due = status == TaskChangeStatus.Deleted ? null : TaskViews.DueText(task, owner.TimeZone);
        return Success(new TaskChange(task.Number, task.Title, status, due, next?.Number, next is null ? null : TaskViews.DueText(next, owner.TimeZone)));
    }

    /// <summary>What a result's <c>_meta</c> says when it is a stored one, answered again.</summary>
    public const string ReplayedMeta = "idempotent_replayed";

    /// <summary>A result stored earlier (<see cref="EnvelopeJson"/>), answered again as it was, marked as replayed.</summary>
    public static CallToolResult Stored(string envelopeJson, bool isError)
    {
        var result = Create(JsonDocument.Parse(envelopeJson).RootElement.Clone(), isError);
        result.Meta = new System.Text.Json.Nodes.JsonObject { [ReplayedMeta] = true };
        return result;
    }

    /// <summary>The envelope of a result made here, as compact JSON.</summary>
    public static string EnvelopeJson(CallToolResult result) =>
        result.StructuredContent is { } envelope ? envelope.GetRawText()
        : result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text
            ?? throw new InvalidOperationException("A tool result without its envelope.");

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
