using Microsoft.Extensions.Time.Testing;
using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Everyday phrasings session 44's probe found misread: "start over" (offered as a task “Start over”), "the garage is
/// off" (not understood), "what's the note on it?" after a turn that named one task (not understood), "what's the
/// oldest task?" ("I found no task matching “oldest”") and "how many tasks are overdue?" (the general summary) and
/// "push everything by a day" ("I couldn't find a task matching “everything”"). Whole conversations against the fake
/// tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
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

    /// <summary>
    /// "the garage is off": the one task still to do those words name is asked about ("off" is also a light's state), and
    /// only "yes" deletes it; "undo" brings it back.
    /// </summary>
    [Theory]
    [InlineData("the garage is off")]
    [InlineData("the garage is off now")]
    [InlineData("the garage's off")]
    public async Task ATaskSaidToBeOffIsAskedAboutAndYesDeletesIt(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message,
            "Is that off for good? Should I delete #4 “Clean the garage”? Say “yes” to delete it or “no” to keep it.",
            "list_tasks {\"status\":\"pending\",\"search\":\"garage\",\"limit\":200}");
        Assert.Equal(4, tools.Tasks.Count);
        await AssertSaidAsync(turns, tools, "yes", "Deleted “Clean the garage”. Say “undo” to bring it back.", "delete_task {\"task_id\":4}");
        await turns.TurnAsync("undo");
        Assert.Contains(tools.Tasks, t => t.Title == "Clean the garage");
    }

    [Fact]
    public async Task NoToATaskSaidToBeOffKeepsIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("the garage is off");

        await AssertSaidAsync(turns, tools, "no", "OK, I kept “Clean the garage”.");
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>No task of those words, a question, or more words after "off": nothing is deleted, and the reply is as before.</summary>
    [Theory]
    [InlineData("the light is off")]
    [InlineData("dinner's off")]
    [InlineData("is the garage off?")]
    [InlineData("the garage is off my list")]
    [InlineData("everything is off")]
    public async Task OtherThingsOffChangeNothing(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.StartsWith("Sorry, I didn't quite get that.", await turns.TurnAsync(message), StringComparison.Ordinal);
        Assert.Equal(4, tools.Tasks.Count);
        Assert.DoesNotContain(Sent(tools, 4), c => c.StartsWith("delete_task", StringComparison.Ordinal));
    }

    /// <summary>"it" after a turn that named one task: that task by its number, with its description.</summary>
    [Theory]
    [InlineData("what's the note on it?")]
    [InlineData("what's the note on that?")]
    [InlineData("what are the details of it?")]
    public async Task TheNoteOnItShowsTheTaskJustNamed(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add a note to the taxes: use the new form");

        await AssertSaidAsync(turns, tools, message, "#3 “File taxes”. Its description: “use the new form”", "list_tasks {\"status\":\"all\",\"task_ids\":[3]}");
    }

    [Fact]
    public async Task TheNoteOnItWithoutOneSaysSo()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("show the taxes");

        await AssertSaidAsync(turns, tools, "what's the note on it?", "#3 “File taxes” has no description.", "list_tasks {\"status\":\"all\",\"task_ids\":[3]}");
    }

    [Fact]
    public async Task TheNoteOnItWithNoTaskNamedAsksWhich()
    {
        var (turns, tools) = Start();

        await AssertSaidAsync(turns, tools, "what's the note on it?", "Which task do you mean? Name it, for example “what's the note on the taxes?”.");
    }

    [Fact]
    public async Task TheNoteOnATaskJustDeletedSaysItIsGone()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("delete the garage");

        Assert.Equal("Task 4 isn't there any more.", await turns.TurnAsync("what's the note on it?"));
    }

    /// <summary>
    /// The task still to do added first: task numbers grow as tasks are added, and list_tasks' default order, "created", is
    /// oldest first, so one task of that order is it.
    /// </summary>
    [Theory]
    [InlineData("what's the oldest task?")]
    [InlineData("which is my oldest task?")]
    [InlineData("oldest task?")]
    [InlineData("show me the oldest one")]
    public async Task TheOldestTaskIsTheOneStillToDoAddedFirst(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, "Your oldest task still to do is #1 “Buy milk” (due tomorrow), added yesterday at 00:00.",
            "list_tasks {\"status\":\"pending\",\"sort\":\"created\",\"limit\":1}");
    }

    [Fact]
    public async Task TheOldestTaskLeavesOutTheDoneOnes()
    {
        var (turns, _) = await WithEverydayTasksAsync();
        await turns.TurnAsync("I bought the milk");

        Assert.Equal("Your oldest task still to do is #2 “Call mom” (due Friday at 18:00), added yesterday at 00:00.", await turns.TurnAsync("what's the oldest task?"));
    }

    [Fact]
    public async Task TheOldestTaskWithNothingToDoSaysSo()
    {
        var (turns, _) = Start();

        Assert.Equal("You have no pending tasks. Nice work!", await turns.TurnAsync("what's the oldest task?"));
    }

    [Theory]
    [InlineData("how many tasks are overdue?")]
    [InlineData("how many overdue tasks do I have?")]
    [InlineData("how many are overdue")]
    public async Task HowManyOverdueWithNoneSaysSoPlainly(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, "None of your tasks is overdue. Nice work!", "list_tasks {\"status\":\"pending\",\"overdue\":true}");
    }

    [Fact]
    public async Task HowManyOverdueCountsAndNamesAFew()
    {
        var time = new FakeTimeProvider(Wednesday);
        var (turns, _) = Start(time: time);
        await turns.TurnAsync("add pay rent today at 10am");
        await turns.TurnAsync("add buy milk tomorrow");
        await turns.TurnAsync("add call mom next week");
        time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(
            "2 tasks are overdue: #1 “Pay rent” (overdue, was due Wednesday 2 December at 10:00) and #2 “Buy milk” (overdue, was due yesterday).",
            await turns.TurnAsync("how many tasks are overdue?"));
    }

    [Fact]
    public async Task HowManyOverdueOfManyCountsThem()
    {
        var time = new FakeTimeProvider(Wednesday);
        var (turns, _) = Start(time: time);
        foreach (var n in new[] { "one", "two", "three", "four", "five", "six" })
        {
            await turns.TurnAsync($"add task {n} tomorrow");
        }
        time.Advance(TimeSpan.FromDays(2));

        Assert.Equal("6 tasks are overdue. Say “what's overdue?” to see them.", await turns.TurnAsync("how many tasks are overdue?"));
    }

    /// <summary>Each task still to do that has a due date, moved by the span from its own date, time kept; "undo" puts them all back.</summary>
    [Theory]
    [InlineData("push everything by a day")]
    [InlineData("push all my tasks back a day")]
    [InlineData("move everything a day later")]
    public async Task PushEverythingByADayMovesEachDatedTask(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message,
            "“Buy milk” is now due Friday. “Call mom” is now due Saturday at 18:00. Say “undo” to put them back as they were.",
            "list_tasks {\"status\":\"pending\",\"limit\":200}",
            "update_task {\"task_id\":1,\"due\":\"2026-12-04\"}",
            "update_task {\"task_id\":2,\"due\":\"2026-12-05T18:00:00+00:00\"}");
        Assert.Null(tools.Tasks.Single(t => t.Id == 3).Due);

        await turns.TurnAsync("undo");
        Assert.Equal("2026-12-03", tools.Tasks.Single(t => t.Id == 1).Due);
        Assert.Equal("2026-12-04T18:00:00+00:00", tools.Tasks.Single(t => t.Id == 2).Due);
    }

    /// <summary>A range is moved as "move everything due this week to friday" is: only its tasks.</summary>
    [Fact]
    public async Task PushARangeByADayMovesOnlyItsTasks()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal("There's nothing due today, so I left everything as it was.", await turns.TurnAsync("push everything due today by a day"));
        Assert.Equal("2026-12-03", tools.Tasks.Single(t => t.Id == 1).Due);
    }

    [Fact]
    public async Task PushEverythingWithNothingDatedChangesNothing()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add file taxes");

        Assert.Equal("There's nothing with a due date, so I left everything as it was.", await turns.TurnAsync("push everything by a day"));
        Assert.DoesNotContain(Sent(tools, 1), c => c.StartsWith("update_task", StringComparison.Ordinal));
    }

    /// <summary>More than a page: saying it again would move the first ones twice, so none is moved.</summary>
    [Fact]
    public async Task PushEverythingOfMoreThanAPageMovesNone()
    {
        var (turns, tools) = Start();
        for (var i = 1; i <= 201; i++)
        {
            await tools.Add.InvokeAsync(new() { ["title"] = $"Errand {i}", ["due"] = "2026-12-10" });
        }

        Assert.StartsWith("You have more tasks with a due date than I move at once, so I left them as they were.", await turns.TurnAsync("push everything by a day"), StringComparison.Ordinal);
        Assert.All(tools.Tasks, t => Assert.Equal("2026-12-10", t.Due));
    }

    /// <summary>A title with the words is still added.</summary>
    [Fact]
    public async Task AnAddOfPushEverythingStaysAnAdd()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "add push everything by a day", "Added “Push everything by a day” (task 5).", "add_task {\"title\":\"Push everything by a day\"}");
    }
}
