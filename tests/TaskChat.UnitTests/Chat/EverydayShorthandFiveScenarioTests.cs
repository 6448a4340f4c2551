using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Everyday phrasings session 44's probe found misread: "start over" (offered as a task “Start over”). Whole
/// conversations against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class EverydayShorthandFiveScenarioTests
{
    private const string NewChat =
        "To start afresh, press “+ New chat” in your list of chats (“Chats” on a phone): your tasks stay as they are. To clear your tasks too, say “delete all my tasks” and I'll ask before deleting them.";

    /// <summary>About the conversation, not a task: the page's button named, nothing looked up or changed.</summary>
    [Theory]
    [InlineData("start over")]
    [InlineData("Start over!")]
    [InlineData("let's start over")]
    [InlineData("can we start over?")]
    [InlineData("start again")]
    [InlineData("start from scratch")]
    public async Task StartOverSaysHowToStartANewChat(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, NewChat);
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>A title that goes on after the words is a task's, added as before.</summary>
    [Fact]
    public async Task AnAddThatStartsWithStartOverStaysAnAdd()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "add start over the project plan", "Added “Start over the project plan” (task 5).", "add_task {\"title\":\"Start over the project plan\"}");
    }
}
