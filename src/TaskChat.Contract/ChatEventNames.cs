namespace TaskChat.Contract;

/// <summary>The <c>event:</c> names of POST /api/chat/stream, in the order a turn sends them.</summary>
public static class ChatEventNames
{
    public const string Conversation = "conversation";
    public const string ToolCall = "tool_call";
    public const string ToolResult = "tool_result";
    public const string Delta = "delta";
    public const string Done = "done";
    public const string Error = "error";
}
