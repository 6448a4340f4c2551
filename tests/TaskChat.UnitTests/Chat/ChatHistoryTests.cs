using System.Text.Json;
using Microsoft.Extensions.AI;
using TaskChat.Api.Chat;
using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.UnitTests.Chat;

/// <summary>What the model reads of a stored conversation: earlier turns with their tool calls and results.</summary>
public class ChatHistoryTests
{
    private static readonly string AddMilk = JsonSerializer.Serialize<ToolCallRecord[]>([new(
        ToolNames.AddTask,
        JsonDocument.Parse("""{"title":"Milk"}""").RootElement,
        JsonDocument.Parse("""{"status":"success","data":{"task_id":7,"title":"Milk","status":"created"}}""").RootElement)]);

    [Fact]
    public void AStoredReplyComesBackAsItsToolCallsAndResultsThenItsWords()
    {
        Message[] stored =
        [
            new() { Id = 10, UserId = "u", Role = MessageRoles.User, Content = "add milk" },
            new() { Id = 11, UserId = "u", Role = MessageRoles.Assistant, Content = "Added “Milk” (task 7).", ToolCalls = AddMilk },
        ];

        var history = ChatHistory.From(stored).ToList();

        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], history.Select(m => m.Role));
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(history[1].Contents));
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(history[2].Contents));
        Assert.Equal(ToolNames.AddTask, call.Name);
        Assert.Equal("Milk", call.Arguments![ToolArguments.Title]!.ToString());
        Assert.Equal(call.CallId, result.CallId);
        Assert.Equal("""{"status":"success","data":{"task_id":7,"title":"Milk","status":"created"}}""", result.Result);
        Assert.Equal("Added “Milk” (task 7).", history[3].Text);
    }

    [Fact]
    public void SeveralCallsOfATurnKeepTheirOrderAndDistinctIds()
    {
        var twoCalls = AddMilk.TrimEnd(']') + "," + AddMilk.TrimStart('[');
        Message[] stored = [new() { Id = 4, UserId = "u", Role = MessageRoles.Assistant, Content = "Added.", ToolCalls = twoCalls }];

        var calls = ChatHistory.From(stored).SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();

        Assert.Equal(2, calls.Count);
        Assert.NotEqual(calls[0].CallId, calls[1].CallId);
    }

    [Fact]
    public void AReplyWithoutToolsIsJustItsWords()
    {
        Message[] stored = [new() { Id = 1, UserId = "u", Role = MessageRoles.User, Content = "hi" }, new() { Id = 2, UserId = "u", Role = MessageRoles.Assistant, Content = "Hi!" }];

        var history = ChatHistory.From(stored).ToList();

        Assert.Equal(["hi", "Hi!"], history.Select(m => m.Text));
        Assert.All(history, m => Assert.IsType<TextContent>(Assert.Single(m.Contents)));
    }
}
