using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>
/// JSON-RPC over plain HttpClient, for what the official client will not send: no token, forged
/// tokens, foreign Host or Origin headers, malformed bodies.
/// </summary>
public static class RawMcpRequests
{
    public const string ToolsList = """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""";

    public static string ToolsCall(string tool, string argumentsJson) =>
        $$$"""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{argumentsJson}}}}}""";

    public static HttpRequestMessage Post(string body, string? token = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "mcp")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    /// <summary>The JSON-RPC message in a response, whether it came as JSON or as one server-sent event.</summary>
    public static async Task<JsonElement> ReadMessageAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            body = body.Split('\n').Select(line => line.TrimEnd('\r')).Last(line => line.StartsWith("data:", StringComparison.Ordinal))["data:".Length..];
        }
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
