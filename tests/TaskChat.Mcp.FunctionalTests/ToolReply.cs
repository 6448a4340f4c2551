using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>A tool result read the way an agent reads it: the JSON text, checked against the structured content.</summary>
public sealed record ToolReply(JsonElement Json, bool IsError)
{
    public string Status => Json.GetProperty("status").GetString()!;
    public JsonElement Data => Json.GetProperty("data");
    public string Error => Json.GetProperty("error").GetString()!;
    public string Code => Json.GetProperty("code").GetString()!;

    public static async Task<ToolReply> CallAsync(McpClient client, string tool, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? new Dictionary<string, object?>());
        return From(result);
    }

    public static ToolReply From(CallToolResult result)
    {
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        var json = JsonDocument.Parse(text).RootElement.Clone();
        Assert.NotNull(result.StructuredContent);
        Assert.Equal(Normalize(json), Normalize(result.StructuredContent!.Value));
        return new ToolReply(json, result.IsError == true);
    }

    private static string Normalize(JsonElement element) => JsonSerializer.Serialize(element);
}
