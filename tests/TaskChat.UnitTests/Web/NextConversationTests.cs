using System.Text.Json;
using TaskChat.Contract;
using TaskChat.Web.Components.Pages.Chat;

namespace TaskChat.UnitTests.Web;

/// <summary>Where the chat's next message goes after a turn: the conversation it went on in, unless the api removed it.</summary>
public sealed class NextConversationTests
{
    private static RunningChatTurn Turn(long? continued)
    {
        var reply = new ChatBubble("assistant", "");
        return new RunningChatTurn(new UnsentMessage("add buy milk", Guid.NewGuid()), continued, new ChatBubble("user", "add buy milk"), reply,
            new ChatStream(reply, () => Task.CompletedTask, () => Task.CompletedTask));
    }

    private static readonly TurnDone Done = new(new ChatReply(7, "Added.", [], "success"));

    [Fact]
    public async Task AnAnsweredTurnGoesOnInItsConversation()
    {
        var started = Turn(null);
        await started.Stream.ApplyAsync(new ConversationStarted(7));
        await started.Stream.ApplyAsync(Done);

        Assert.True(started.Answered);
        Assert.Equal(7, started.NextConversationId);
    }

    [Fact]
    public async Task ANewConversationWhoseTurnEndedWithAnErrorIsLeftTheApiRemovedIt()
    {
        var failed = Turn(null);
        await failed.Stream.ApplyAsync(new ConversationStarted(7));
        await failed.Stream.ApplyAsync(new TurnFailed(ProblemCodes.McpUnavailable, "Service temporarily unavailable. Please try again.", 503));

        var continued = Turn(5);
        await continued.Stream.ApplyAsync(new ConversationStarted(5));
        await continued.Stream.ApplyAsync(new TurnFailed(ProblemCodes.McpUnavailable, "Service temporarily unavailable. Please try again.", 503));

        Assert.Null(failed.NextConversationId);
        Assert.Equal(5, continued.NextConversationId); // An earlier conversation stays: only a turn's own new one is removed.
    }

    [Fact]
    public async Task ATurnCutOffKeepsItsConversationWhichTheApiMayHaveStoredItIn()
    {
        var cut = Turn(null);
        await cut.Stream.ApplyAsync(new ConversationStarted(7));
        await cut.Stream.ApplyAsync(new ToolCalled(ToolNames.AddTask, JsonDocument.Parse("""{"title":"Buy milk"}""").RootElement));

        Assert.False(cut.Answered);
        Assert.Equal(7, cut.NextConversationId);
        Assert.Null(Turn(null).NextConversationId); // Refused before any event: no conversation was started.
    }
}
