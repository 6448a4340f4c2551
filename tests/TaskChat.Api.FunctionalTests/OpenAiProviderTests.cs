using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// LLM_PROVIDER=openai against a scripted OpenAI-compatible server on loopback: it answers the
/// first request with a tool call and the next with text, and the tool really runs through MCP.
/// </summary>
public sealed class OpenAiProviderTests(SqliteChatSystem system) : IClassFixture<SqliteChatSystem>
{
    [Fact]
    public async Task AModelsToolCallRunsThroughTheMcpAndItsAnswerIsTheReply()
    {
        var requests = new ConcurrentQueue<JsonElement>();
        var (model, address) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var request = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            requests.Enqueue(request);
            var sawToolResult = request.GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("role").GetString() == "tool");
            return Results.Json(sawToolResult ? Completion(new { role = "assistant", content = "Added “Buy oat milk” for you." }, "stop")
                : Completion(new
                {
                    role = "assistant",
                    content = (string?)null,
                    tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = "add_task", arguments = """{"title":"Buy oat milk","description":"the barista one"}""" } } },
                }, "tool_calls"));
        }));
        await using var _ = model;
        await using var api = await system.StartApiAsync(system.Mcp.BaseAddress.ToString().TrimEnd('/'), new Dictionary<string, string?>
        {
            ["LLM_PROVIDER"] = "openai",
            ["OPENAI_API_KEY"] = "sk-test-not-a-real-key",
            ["OPENAI_BASE_URL"] = address + "v1",
            ["OPENAI_MODEL"] = "scripted-model",
        });
        using var http = system.ClientFor("openai-" + Guid.NewGuid().ToString("N")[..8], api);

        var reply = await ChatTests.ChatAsync(http, "I need oat milk, the barista one");

        Assert.Equal("Added “Buy oat milk” for you.", reply.GetProperty("response").GetString());
        var call = Assert.Single(reply.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("add_task", call.GetProperty("tool").GetString());
        Assert.Equal("success", call.GetProperty("result").GetProperty("status").GetString());
        var task = Assert.Single((await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("tasks").EnumerateArray());
        Assert.Equal("Buy oat milk", task.GetProperty("title").GetString());
        Assert.Equal("the barista one", task.GetProperty("description").GetString());

        var first = requests.First();
        Assert.Equal("scripted-model", first.GetProperty("model").GetString());
        Assert.Contains(first.GetProperty("tools").EnumerateArray(), t => t.GetProperty("function").GetProperty("name").GetString() == "add_task");
        var toolMessage = requests.Last().GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "tool");
        Assert.Contains("\"status\":\"success\"", toolMessage.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableModelIsA503AndStoresNothing()
    {
        await using var api = await system.StartApiAsync(system.Mcp.BaseAddress.ToString().TrimEnd('/'), new Dictionary<string, string?>
        {
            ["LLM_PROVIDER"] = "openai",
            ["OPENAI_API_KEY"] = "sk-test-not-a-real-key",
            ["OPENAI_BASE_URL"] = $"http://127.0.0.1:{LoopbackServer.UnusedPort()}/v1",
        });
        using var http = system.ClientFor("openai-down-" + Guid.NewGuid().ToString("N")[..8], api);

        using var response = await http.PostAsJsonAsync("api/chat", new { message = "add buy milk" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal("llm_unavailable", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("sk-test", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Json.ReadAsync(await http.GetAsync("api/conversations"))).GetProperty("count").GetInt32());
    }

    private static object Completion(object message, string finishReason) => new
    {
        id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..8],
        @object = "chat.completion",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        model = "scripted-model",
        choices = new[] { new { index = 0, message, finish_reason = finishReason } },
        usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
    };
}
