using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// From session 35's phrasing walk: "how's my week looking?" and "how does tomorrow look?" ask for a span's tasks, "what do I
/// have this afternoon?" today's (before: not understood, and every task); "how are you?" is answered as small talk.
/// Whole conversations against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class HowDoesItLookScenarioTests
{
    [Theory]
    [InlineData("how's my week looking?", "2 tasks due this week: #2 “Fix the gate” (due today) and #1 “Pay rent” (due Friday).")]
    [InlineData("how is my week looking", "2 tasks due this week: #2 “Fix the gate” (due today) and #1 “Pay rent” (due Friday).")]
    [InlineData("how does tomorrow look?", "Nothing due tomorrow.")]
    [InlineData("how is today looking?", "1 task due today: #2 “Fix the gate” (due today).")]
    [InlineData("how's the weekend looking?", "Nothing due this weekend.")]
    [InlineData("how's my month shaping up?", "2 tasks due this month: #2 “Fix the gate” (due today) and #1 “Pay rent” (due Friday).")]
    [InlineData("what do i have this afternoon?", "1 task due today: #2 “Fix the gate” (due today).")]
    [InlineData("anything this morning?", "1 task due today: #2 “Fix the gate” (due today).")]
    [InlineData("what's on this evening?", "1 task due today: #2 “Fix the gate” (due today).")]
    public async Task ASpanAskedInOtherWordsListsItsTasks(string question, string reply)
    {
        var (turns, _) = Start();
        await turns.TurnAsync("add pay rent friday");
        await turns.TurnAsync("add fix the gate today");
        await turns.TurnAsync("add buy milk");

        Assert.Equal(reply, await turns.TurnAsync(question));
    }

    [Theory]
    [InlineData("how are you?")]
    [InlineData("how's it going?")]
    [InlineData("hi, how are you?")]
    public async Task HowAreYouIsSmallTalk(string message)
    {
        var (turns, tools) = Start();

        Assert.StartsWith("All good here, thanks", await turns.TurnAsync(message), StringComparison.Ordinal);
        Assert.Empty(tools.Calls);
    }
}
