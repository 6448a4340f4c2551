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

    /// <summary>Sent after every 10 s without another event while a turn runs, data <c>{}</c>: the api is still there. Not a <see cref="ChatEvent"/>; readers skip it.</summary>
    public const string KeepAlive = "keep_alive";
}
