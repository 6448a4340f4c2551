using System.Text;
using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.UnitTests.Contract;

/// <summary>The stream's events as README "Chat" documents them: names, data lines, and read back by a client.</summary>
public class ChatEventTests
{
    private static readonly JsonElement Envelope = JsonDocument.Parse("""{"status":"success","data":{"task_id":2,"title":"Eggs","status":"created"}}""").RootElement;

    // The api writes with its own snake_case options, a client may read with none: the records name their members.
    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static TheoryData<ChatEvent, string, string> Events => new()
    {
        { new ConversationStarted(1), "conversation", """{"conversation_id":1}""" },
        { new ToolCalled(ToolNames.AddTask, JsonDocument.Parse("""{"title":"Eggs"}""").RootElement), "tool_call", """{"tool":"add_task","arguments":{"title":"Eggs"}}""" },
        { new ToolAnswered(ToolNames.AddTask, Envelope), "tool_result", """{"tool":"add_task","result":{"status":"success","data":{"task_id":2,"title":"Eggs","status":"created"}}}""" },
        { new TextDelta("Added 2 tasks: "), "delta", """{"text":"Added 2 tasks: "}""" },
        {
            new TurnDone(new ChatReply(1, "Added Eggs.", [new ToolCallRecord(ToolNames.AddTask, JsonDocument.Parse("""{"title":"Eggs"}""").RootElement, Envelope)])),
            "done",
            """{"conversation_id":1,"response":"Added Eggs.","tool_calls":[{"tool":"add_task","arguments":{"title":"Eggs"},"result":{"status":"success","data":{"task_id":2,"title":"Eggs","status":"created"}}}],"status":"success"}"""
        },
        { new TurnFailed(ProblemCodes.McpUnavailable, "Service temporarily unavailable. Please try again.", 503), "error", """{"code":"mcp_unavailable","detail":"Service temporarily unavailable. Please try again.","status":503}""" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void EachEventHasTheDocumentedNameAndDataLine(ChatEvent e, string name, string data)
    {
        Assert.Equal(name, e.Name);
        Assert.Equal(data, JsonSerializer.Serialize(e.Data()));
        Assert.Equal(data, JsonSerializer.Serialize(e.Data(), ApiJson));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void EachEventReadsBackFromItsNameAndDataLine(ChatEvent e, string name, string data)
    {
        var read = ChatEvent.Read(name, Encoding.UTF8.GetBytes(data));

        Assert.NotNull(read);
        Assert.Equal(e.GetType(), read.GetType());
        Assert.Equal(data, JsonSerializer.Serialize(read.Data()));
    }

    [Fact]
    public void AnEventThisContractDoesNotKnowReadsAsNothing() =>
        Assert.Null(ChatEvent.Read("heartbeat", "{}"u8));
}
