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
    [InlineData("add to my shopping list: eggs, bread, cheese", "shopping")] // before: “My shopping list: eggs”
    [InlineData("add to the shopping list: eggs, bread, cheese", "shopping")]
    [InlineData("add my shopping list: eggs, bread, cheese", "shopping")]
    [InlineData("add to groceries: eggs, bread, cheese", "groceries")]
    [InlineData("add party list: eggs, bread, cheese", "party")]
    [InlineData("add to the party list: eggs, bread, cheese", "party")]
    [InlineData("add for the party: eggs, bread, cheese", "party")] // before: “For the party: eggs”
    [InlineData("add eggs, bread, cheese to my shopping list", "shopping")] // the list named at the end
    [InlineData("add eggs, bread and cheese to our party list", "party")]
    [InlineData("add party supplies list: eggs, bread, cheese", "party-supplies")] // before: “Party supplies list: eggs”
    [InlineData("add to my whole foods list: eggs, bread, cheese", "whole-foods")]
    [InlineData("add eggs, bread, cheese to my party supplies list", "party-supplies")] // before: "to my party supplies list" in the last title
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

    /// <summary>A list's name said with "list" needs no second item: "add to my shopping list: eggs".</summary>
    [Theory]
    [InlineData("add to my shopping list: eggs")]
    [InlineData("add shopping list: eggs")]
    [InlineData("add eggs to my shopping list")]
    public async Task OneItemOfANamedListIsTaggedToo(string message)
    {
        var (turns, tools) = Start();

        Assert.Equal("Added “Eggs” (task 1), tagged #shopping.", await turns.TurnAsync(message));

        Assert.Equal(["shopping"], Assert.Single(tools.Tasks).Tags);
    }

    /// <summary>What the tag is, "what's on my shopping list?" reads: the tasks added to it are found there.</summary>
    [Fact]
    public async Task WhatIsAddedToTheShoppingListIsWhatItShows()
    {
        var (turns, _) = Start();
        await turns.TurnAsync("add to my shopping list: eggs, bread");

        Assert.Equal("2 tasks tagged #shopping: #1 “Eggs” and #2 “Bread”.", await turns.TurnAsync("what's on my shopping list?"));
    }

    /// <summary>A list named in two words is asked for by them (before: “Party supplies list: balloons”, and not found).</summary>
    [Fact]
    public async Task AListOfTwoWordsIsAskedForByItsName()
    {
        var (turns, _) = Start();
        await turns.TurnAsync("add party supplies list: balloons, cake");

        Assert.Equal("2 tasks tagged #party-supplies: #1 “Balloons” and #2 “Cake”.", await turns.TurnAsync("what's on my party supplies list?"));
        Assert.Equal("2 tasks tagged #party-supplies: #1 “Balloons” and #2 “Cake”.", await turns.TurnAsync("show my party supplies list"));
        Assert.StartsWith("You have 2 pending tasks", await turns.TurnAsync("what's on my to do list?"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A date before the colon is never a tag: it is when each item is due (before, “Tomorrow: milk” was the first title),
    /// unless an item before the last says its own.
    /// </summary>
    [Theory]
    [InlineData("add tomorrow: milk, eggs", "2026-12-03", "2026-12-03")]
    [InlineData("add for friday: call the bank, book flights", "2026-12-04", "2026-12-04")]
    [InlineData("add next monday: milk, eggs", "2026-12-07", "2026-12-07")]
    [InlineData("add on friday: milk, eggs", "2026-12-04", "2026-12-04")]
    [InlineData("add tomorrow: call the bank at 9am, book flights", "2026-12-03T09:00:00+00:00", "2026-12-03")]
    public async Task ADayBeforeTheColonIsEachItemsDueDateNotATag(string message, string firstDue, string secondDue)
    {
        var (turns, tools) = Start();

        await turns.TurnAsync(message);

        Assert.Equal(2, tools.Tasks.Count);
        Assert.DoesNotContain(":", tools.Tasks[0].Title, StringComparison.Ordinal);
        Assert.Equal([firstDue, secondDue], tools.Tasks.Select(t => t.Due));
        Assert.All(tools.Tasks, task => Assert.Empty(task.Tags));
    }

    /// <summary>A list at the end that is not the user's is what the task is about: it stays in the title.</summary>
    [Theory]
    [InlineData("add email Bob to the mailing list", "Email Bob to the mailing list")]
    [InlineData("add put my name on the waiting list", "Put my name on the waiting list")]
    public async Task AListAtTheEndThatIsNotTheUsersStaysInTheTitle(string message, string title)
    {
        var task = await OneAddedByAsync(message);

        Assert.Equal(title, task.Title);
        Assert.Empty(task.Tags);
    }

    [Theory]
    [InlineData("add to my to-do list: milk, eggs")]
    [InlineData("add to my to do list: milk, eggs")]
    [InlineData("add to my list: milk, eggs")]
    [InlineData("add todo: milk, eggs")]
    public async Task AWordForTasksBeforeTheColonNamesNoTag(string message)
    {
        var (turns, tools) = Start();

        await turns.TurnAsync(message);

        Assert.Equal(["Milk", "Eggs"], tools.Tasks.Select(t => t.Title));
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
