using System.Text.Json;

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

    /// <summary>A chip for a stored call (conversation history): {tool, arguments, result}.</summary>
    public static ToolChip FromRecord(JsonElement call)
    {
        var chip = From(Text(call, "tool") ?? "tool", call.TryGetProperty("arguments", out var a) ? a : default);
        chip.Succeeded = call.TryGetProperty("result", out var result) ? IsSuccess(result) : null;
        return chip;
    }

    public static bool IsSuccess(JsonElement result) => Text(result, "status") != "error";

    // What the call was about, in a word or two: its title, its task, or the list it asked for.
    private static string LabelFor(JsonElement arguments) =>
        Text(arguments, "title")
        ?? (arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty("task_id", out var id) ? $"#{id}" : null)
        ?? Text(arguments, "status")
        ?? "";

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
