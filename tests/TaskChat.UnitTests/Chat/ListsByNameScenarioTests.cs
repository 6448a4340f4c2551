using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Lists named as people name them, from session 33's walk-through: "add groceries: eggs, bread, cheese" (before: “Groceries:
/// eggs”, “Bread” and “Cheese”, the list's name stuck to its first item) and "show shopping" (before: "Sorry, I didn't quite
/// get that", while "what's on my shopping list?" was understood). Whole conversations against the fake tools; the clock is
/// Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class ListsByNameScenarioTests
{
    [Theory]
    [InlineData("add groceries: eggs, bread, cheese", "groceries")]
    [InlineData("add Groceries: eggs, bread and cheese", "groceries")]
    [InlineData("add shopping list: eggs; bread; cheese", "shopping")]
    [InlineData("add groceries: eggs, bread, cheese #weekly", "groceries", "weekly")]
    public async Task AWordBeforeTheColonOfAListTagsEachItem(string message, params string[] tags)
    {
        var (turns, tools) = Start();

        var reply = await turns.TurnAsync(message);

        Assert.Equal(["Eggs", "Bread", "Cheese"], tools.Tasks.Select(t => t.Title));
        Assert.All(tools.Tasks, task => Assert.Equal(tags, task.Tags));
        Assert.Contains("“Eggs”", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("add call mom: ask about the party", "Call mom: ask about the party")]
    [InlineData("add 3 things: milk, eggs, bread", "Milk")]
    [InlineData("add the following: call the bank, book flights", "Call the bank")]
    public async Task AColonWithoutAListOrAfterWordsThatAnnounceOneNamesNoTag(string message, string firstTitle)
    {
        var (turns, tools) = Start();

        await turns.TurnAsync(message);

        Assert.Equal(firstTitle, tools.Tasks[0].Title);
        Assert.All(tools.Tasks, task => Assert.Empty(task.Tags));
    }

    [Fact]
    public async Task ADayBeforeTheColonIsNoTag()
    {
        var (turns, tools) = Start();

        await turns.TurnAsync("add tomorrow: milk, eggs");

        Assert.All(tools.Tasks, task => Assert.Empty(task.Tags));
    }

    [Theory]
    [InlineData("show shopping")]
    [InlineData("show me shopping")]
    [InlineData("list shopping")]
    [InlineData("show groceries")]
    public async Task ShowAndAWordSearchesTitlesAndTags(string message)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add groceries: bread, butter");
        await turns.TurnAsync("add buy shopping bags");
        await turns.TurnAsync("add eggs #shopping");
        await turns.TurnAsync("add pay rent");
        var word = message.Split(' ')[^1];

        var reply = await turns.TurnAsync(message);

        Assert.Equal("list_tasks", tools.Calls[^1].Tool);
        Assert.Contains($"\"search\":\"{word}\"", tools.Calls[^1].Arguments, StringComparison.Ordinal);
        var listed = tools.Tasks.Where(t => reply.Contains($"“{t.Title}”", StringComparison.Ordinal)).Select(t => t.Id).ToList();
        var expected = tools.Tasks.Where(t => t.Title.Contains(word, StringComparison.OrdinalIgnoreCase) || t.Tags.Contains(word)).Select(t => t.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed);
        Assert.DoesNotContain("Pay rent", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show my tasks")]
    [InlineData("show everything")]
    [InlineData("show completed")]
    [InlineData("show overdue")]
    [InlineData("show today")]
    [InlineData("show high priority tasks")]
    public async Task ShowWithWordsAboutTasksIsStillTheListItWas(string message)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk");

        var reply = await turns.TurnAsync(message);

        Assert.DoesNotContain("matching", reply, StringComparison.Ordinal);
        Assert.Equal("list_tasks", tools.Calls[^1].Tool);
        Assert.Contains("\"search\":null", tools.Calls[^1].Arguments, StringComparison.Ordinal);
    }
}
