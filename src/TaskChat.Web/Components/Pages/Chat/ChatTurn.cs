using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.Web.Components.Pages.Chat;

/// <summary>One bubble of the thread; an assistant bubble grows while its reply streams.</summary>
public sealed class ChatBubble(string role, string text)
{
    public string Role { get; } = role;
    public string Text { get; set; } = text;
    public List<ToolChip> Tools { get; } = [];
    public bool Streaming { get; set; }
}

/// <summary>A tool call shown as "✓ add_task · Buy milk": pending until its result arrives.</summary>
public sealed class ToolChip(string tool, string label)
{
    public string Tool { get; } = tool;
    public string Label { get; } = label;
    public bool? Succeeded { get; set; }

    public string Mark => Succeeded switch { true => "✓", false => "✗", null => "…" };

    public static ToolChip From(string tool, JsonElement arguments) => new(tool, LabelFor(arguments));

    /// <summary>A chip for a stored call (conversation history).</summary>
    public static ToolChip FromRecord(ToolCallRecord call) => new(call.Tool, LabelFor(call.Arguments)) { Succeeded = IsSuccess(call.Result) };

    public static bool IsSuccess(JsonElement result) => Text(result, "status") != ToolEnvelope.ErrorStatus;

    // What the call was about, in a word or two: its title, its task, or the list it asked for.
    private static string LabelFor(JsonElement arguments) =>
        Text(arguments, ToolArguments.Title)
        ?? (arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty(ToolArguments.TaskId, out var id) ? $"#{id}" : null)
        ?? Text(arguments, ToolArguments.Status)
        ?? "";

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
