using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Questions about tags, as a probe in session 36 asked them: "what tags do I have?" listed every pending task, "show my
/// tags" searched for a task titled "tags", "what's in #home?" was not understood and "how many tasks are tagged work?"
/// listed every pending task. The clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class TagsQuestionScenarioTests
{
    [Theory]
    [InlineData("what tags do I have?")]
    [InlineData("show my tags")]
    [InlineData("list my tags")]
    [InlineData("what are my tags?")]
    public async Task AskingForTheTagsCountsEachTagOfTheTasksToDoTheMostUsedFirst(string question)
    {
        var (turns, _) = Start();
        Assert.Equal("None of your tasks to do has a tag. Say “tag 3 #home” or “add pay rent #home” to give one a tag.", await turns.TurnAsync(question));
        await turns.TurnAsync("add pay rent friday #home");
        await turns.TurnAsync("add slides #work, standup notes #work");
        await turns.TurnAsync("add fix the gate #home #diy");
        await turns.TurnAsync("add buy milk");
        await turns.TurnAsync("mark the gate done");

        Assert.Equal("Your tags on tasks to do: #work (2 tasks) and #home (1 task). Say “show my #work tasks” to see a tag's tasks.", await turns.TurnAsync(question));
    }

    [Theory]
    [InlineData("what's in #home?")]
    [InlineData("how many tasks are tagged home?")]
    [InlineData("what's tagged home?")]
    public async Task AskingAboutOneTagListsItsTasks(string question)
    {
        var (turns, _) = Start();
        await turns.TurnAsync("add pay rent friday #home");
        await turns.TurnAsync("add slides #work");

        Assert.Equal("1 task tagged #home: #1 “Pay rent” (due Friday).", await turns.TurnAsync(question));
    }
}
