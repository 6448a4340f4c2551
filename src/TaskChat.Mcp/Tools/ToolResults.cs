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
    public static CallToolResult From(TaskOutcome<TaskItem> outcome, string status) =>
        outcome.Succeeded
            ? Success(new TaskChange(outcome.Value!.Id, outcome.Value.Title, status))
            : Error(outcome.Error!.Kind == TaskErrorKind.NotFound ? ToolErrorCodes.NotFound : ToolErrorCodes.Validation, outcome.Error.Message);

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
