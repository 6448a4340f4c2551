using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TaskChat.Contract;
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
        var (model, address) = await StartModelAsync(requests, messages => messages.Any(m => m.GetProperty("role").GetString() == "tool")
            ? Completion(new { role = "assistant", content = "Added “Buy oat milk” for you." }, "stop")
            : ToolCall("call_1", ToolNames.AddTask, """{"title":"Buy oat milk","description":"the barista one"}"""));
        await using var _ = model;
        await using var api = await StartApiAsync(address);
        using var http = system.ClientFor("openai-" + Guid.NewGuid().ToString("N")[..8], api);

        var reply = await ChatTests.ChatAsync(http, "I need oat milk, the barista one");

        Assert.Equal("Added “Buy oat milk” for you.", reply.GetProperty("response").GetString());
        var call = Assert.Single(reply.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal(ToolNames.AddTask, call.GetProperty("tool").GetString());
        Assert.Equal(ToolEnvelope.SuccessStatus, call.GetProperty("result").GetProperty("status").GetString());
        var task = Assert.Single((await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("tasks").EnumerateArray());
        Assert.Equal("Buy oat milk", task.GetProperty("title").GetString());
        Assert.Equal("the barista one", task.GetProperty("description").GetString());

        var first = requests.First();
        Assert.Equal("scripted-model", first.GetProperty("model").GetString());
        Assert.Contains(first.GetProperty("tools").EnumerateArray(), t => t.GetProperty("function").GetProperty("name").GetString() == ToolNames.AddTask);
        var toolMessage = requests.Last().GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "tool");
        Assert.Contains("\"status\":\"success\"", toolMessage.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADateRequestReachesTheToolAsTheModelReadsItFromTheUsersDateAndZone()
    {
        var requests = new ConcurrentQueue<JsonElement>();
        // A model that does what the instructions say: "tomorrow at 5pm" from the date and offset in the system
        // prompt, as a due argument when add_task's schema has one, else the title alone.
        var (model, address) = await StartModelAsync(requests, messages =>
        {
            if (messages.Any(m => m.GetProperty("role").GetString() == "tool"))
            {
                return Completion(new { role = "assistant", content = "Added." }, "stop");
            }
            var prompt = SystemPrompt(messages);
            var today = DateOnly.ParseExact(Between(prompt, "today is ", ";"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var offset = Between(prompt, "UTC offset ", ")");
            var hasDue = requests.Last().GetProperty("tools").EnumerateArray()
                .Any(t => t.GetProperty("function").GetProperty("name").GetString() == ToolNames.AddTask
                    && t.GetProperty("function").GetProperty("parameters").GetProperty("properties").EnumerateObject().Any(p => p.Name == "due"));
            var due = $"{today.AddDays(1):yyyy-MM-dd}T17:00:00{offset}";
            return ToolCall("call_date", ToolNames.AddTask, hasDue ? $$"""{"title":"Call mom","due":"{{due}}"}""" : """{"title":"Call mom"}""");
        });
        await using var _ = model;
        await using var api = await StartApiAsync(address);
        using var http = system.ClientFor("openai-date-" + Guid.NewGuid().ToString("N")[..8], api, new Dictionary<string, object> { ["zoneinfo"] = "Europe/Paris" });

        var reply = await ChatTests.ChatAsync(http, "remind me to call mom tomorrow at 5pm");

        var prompt = SystemPrompt([.. requests.First().GetProperty("messages").EnumerateArray()]);
        var paris = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        Assert.Contains("time zone Europe/Paris, UTC offset +01:00", prompt, StringComparison.Ordinal);
        Assert.Contains("today is " + paris.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), prompt, StringComparison.Ordinal);
        var call = Assert.Single(reply.GetProperty("tool_calls").EnumerateArray());
        var sent = JsonDocument.Parse(requests.ElementAt(1).GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "assistant")
            .GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString()!).RootElement;
        // What the model sent is what the mcp's tool received, argument for argument (due too, once add_task has it).
        Assert.Equal(sent.EnumerateObject().Select(a => (a.Name, a.Value.ToString())), call.GetProperty("arguments").EnumerateObject().Select(a => (a.Name, a.Value.ToString())));
        Assert.Equal(ToolEnvelope.SuccessStatus, call.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal("Call mom", Assert.Single((await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("tasks").EnumerateArray()).GetProperty("title").GetString());
    }

    private static string SystemPrompt(List<JsonElement> messages) =>
        messages.First(m => m.GetProperty("role").GetString() is "system" or "developer").GetProperty("content").ToString();

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task TheNextTurnShowsTheModelTheEarlierToolCallsAndResultsSoItKnowsWhatItIs()
    {
        var requests = new ConcurrentQueue<JsonElement>();
        // A model that remembers nothing itself: "mark it done" can only find the id in the history it is sent.
        var (model, address) = await StartModelAsync(requests, messages =>
        {
            var lastUser = messages.FindLastIndex(m => m.GetProperty("role").GetString() == "user");
            if (messages.Skip(lastUser).Any(m => m.GetProperty("role").GetString() == "tool"))
            {
                return Completion(new { role = "assistant", content = "Done." }, "stop");
            }
            if (messages[lastUser].GetProperty("content").ToString().Contains("add milk", StringComparison.Ordinal))
            {
                return ToolCall("call_add", ToolNames.AddTask, """{"title":"Milk"}""");
            }
            var added = messages.Take(lastUser).Where(m => m.GetProperty("role").GetString() == "tool")
                .Select(m => JsonDocument.Parse(m.GetProperty("content").GetString()!).RootElement)
                .Last(result => result.GetProperty("data").TryGetProperty("task_id", out var id) && id.ValueKind == JsonValueKind.Number);
            return ToolCall("call_done", ToolNames.CompleteTask, $$"""{"task_id":{{added.GetProperty("data").GetProperty("task_id").GetInt64()}}}""");
        });
        await using var _ = model;
        await using var api = await StartApiAsync(address);
        using var http = system.ClientFor("openai-history-" + Guid.NewGuid().ToString("N")[..8], api);

        var first = await ChatTests.ChatAsync(http, "add milk");
        var second = await ChatTests.ChatAsync(http, "mark it done", first.GetProperty("conversation_id").GetInt64());

        Assert.Equal([ToolNames.CompleteTask], ChatTests.Tools(second));
        Assert.True(Assert.Single((await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("tasks").EnumerateArray()).GetProperty("completed").GetBoolean());
        // The second turn's first request replays the first turn: the question, the call, its result, the answer, then the new question.
        var replayed = requests.First(r => r.GetProperty("messages").EnumerateArray().Any(m => m.TryGetProperty("content", out var content) && content.ToString() == "mark it done"))
            .GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("role").GetString() is not ("system" or "developer")).ToList();
        Assert.Equal(["user", "assistant", "tool", "assistant", "user"], replayed.Select(m => m.GetProperty("role").GetString()));
        var call = Assert.Single(replayed[1].GetProperty("tool_calls").EnumerateArray());
        Assert.Equal(ToolNames.AddTask, call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("Milk", JsonDocument.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!).RootElement.GetProperty(ToolArguments.Title).GetString());
        Assert.Equal(call.GetProperty("id").GetString(), replayed[2].GetProperty("tool_call_id").GetString());
        var result = JsonDocument.Parse(replayed[2].GetProperty("content").GetString()!).RootElement;
        Assert.Equal(ToolEnvelope.SuccessStatus, result.GetProperty("status").GetString());
        Assert.Equal("Milk", result.GetProperty("data").GetProperty("title").GetString());
        Assert.Equal("Done.", replayed[3].GetProperty("content").ToString());
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
        Assert.Equal(ProblemCodes.LlmUnavailable, problem.GetProperty("code").GetString());
        Assert.DoesNotContain("sk-test", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Json.ReadAsync(await http.GetAsync("api/conversations"))).GetProperty("count").GetInt32());
    }

    /// <summary>A scripted OpenAI-compatible server: records each chat completions request and answers it from its messages.</summary>
    private static Task<(WebApplication App, Uri Address)> StartModelAsync(ConcurrentQueue<JsonElement> requests, Func<List<JsonElement>, object> answer) =>
        LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var request = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            requests.Enqueue(request);
            return Results.Json(answer([.. request.GetProperty("messages").EnumerateArray()]));
        }));

    private Task<RunningService> StartApiAsync(Uri model) =>
        system.StartApiAsync(system.Mcp.BaseAddress.ToString().TrimEnd('/'), new Dictionary<string, string?>
        {
            ["LLM_PROVIDER"] = "openai",
            ["OPENAI_API_KEY"] = "sk-test-not-a-real-key",
            ["OPENAI_BASE_URL"] = model + "v1",
            ["OPENAI_MODEL"] = "scripted-model",
        });

    private static object ToolCall(string id, string tool, string arguments) => Completion(new
    {
        role = "assistant",
        content = (string?)null,
        tool_calls = new[] { new { id, type = "function", function = new { name = tool, arguments } } },
    }, "tool_calls");

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
