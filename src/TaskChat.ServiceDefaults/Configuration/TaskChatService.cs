namespace TaskChat.ServiceDefaults.Configuration;

/// <summary>The three services of a TaskChat system.</summary>
public enum TaskChatService
{
    Mcp,
    Api,
    Web,
}
