using System.Text.Json;
using TaskChat.Contract;
using TaskChat.Web.Components.Pages.Chat;

namespace TaskChat.UnitTests.Web;

/// <summary>Tool calls in the user's words, and a chip that failed or never finished saying so.</summary>
public sealed class ToolChipTests
{
    [Theory]
    [InlineData(ToolNames.AddTask, """{"title":"Buy milk"}""", """{"status":"success","data":{"task_id":1,"title":"Buy milk","status":"created"}}""", "Added “Buy milk”")]
    [InlineData(ToolNames.ListTasks, """{"status":"pending"}""", """{"status":"success","data":{"tasks":[],"count":5}}""", "Looked at 5 pending tasks")]
    [InlineData(ToolNames.ListTasks, """{}""", """{"status":"success","data":{"tasks":[],"count":1}}""", "Looked at 1 task")]
    [InlineData(ToolNames.ListTasks, """{"status":"completed"}""", """{"status":"success","data":{"tasks":[],"count":0}}""", "Looked at 0 completed tasks")]
    [InlineData(ToolNames.CompleteTask, """{"task_id":3}""", """{"status":"success","data":{"task_id":3,"title":"Pay rent","status":"completed"}}""", "Completed “Pay rent”")]
    [InlineData(ToolNames.DeleteTask, """{"task_id":"4"}""", """{"status":"success","data":{"task_id":4,"title":"Old","status":"deleted"}}""", "Deleted “Old”")]
    [InlineData(ToolNames.UpdateTask, """{"task_id":2,"title":"Oat milk"}""", """{"status":"success","data":{"task_id":2,"title":"Oat milk","status":"updated"}}""", "Updated “Oat milk”")]
    [InlineData(ToolNames.ReopenTask, """{"task_id":3}""", """{"status":"success","data":{"task_id":3,"title":"Pay rent","status":"reopened"}}""", "Reopened “Pay rent”")]
    [InlineData(ToolNames.SkipTask, """{"task_id":5}""", """{"status":"success","data":{"task_id":5,"title":"Gym","status":"skipped","due":"2025-12-08"}}""", "Skipped “Gym”")]
    [InlineData(ToolNames.CompleteTask, """{"task_id":7}""", """{"status":"error","error":"Task 7 was not found.","code":"not_found"}""", "Couldn't complete task #7: Task 7 was not found.")]
    [InlineData("some_new_tool", """{}""", """{"status":"success","data":{}}""", "Used some_new_tool")]
    public void A_settled_call_reads_as_what_happened(string tool, string arguments, string result, string expected)
    {
        var chip = new ToolChip(tool, Json(arguments));

        chip.Answer(Json(result));

        Assert.Equal(expected, chip.Text);
        Assert.Equal(result.Contains("\"error\"", StringComparison.Ordinal) ? ToolCallState.Failed : ToolCallState.Succeeded, chip.State);
    }

    /// <summary>"Used reopen_task" was what an undone completion showed: every tool the mcp serves has words of its own.</summary>
    [Fact]
    public void Every_tool_the_mcp_serves_reads_in_words_not_by_its_name()
    {
        foreach (var tool in ToolNames.All)
        {
            var running = new ToolChip(tool, Json("""{"task_id":4}"""));
            var doing = running.Text;
            running.EndTurn();
            var unfinished = running.Text;
            var failed = new ToolChip(tool, Json("""{"task_id":4}"""));
            failed.Answer(Json("""{"status":"error","error":"Task 4 was not found.","code":"not_found"}"""));
            var done = new ToolChip(tool, Json("""{"task_id":4}"""));
            done.Answer(Json("""{"status":"success","data":{"task_id":4,"title":"Gym","status":"changed","tasks":[],"count":1}}"""));

            foreach (var text in new[] { doing, unfinished, failed.Text, done.Text })
            {
                Assert.DoesNotContain(tool, text, StringComparison.Ordinal);
                Assert.DoesNotContain("Used ", text, StringComparison.Ordinal);
                Assert.DoesNotContain("use ", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_call_still_running_says_what_it_is_doing_and_one_the_turn_left_unanswered_says_it_did_not_finish()
    {
        var chip = new ToolChip(ToolNames.AddTask, Json("""{"title":"Buy milk"}"""));
        Assert.Equal("Adding “Buy milk”…", chip.Text);
        Assert.Equal("…", chip.Mark);

        chip.EndTurn();

        Assert.Equal(ToolCallState.Unfinished, chip.State);
        Assert.Equal("Didn't finish: add “Buy milk”", chip.Text);
    }

    [Fact]
    public void A_stored_call_without_a_result_is_unfinished_not_running()
    {
        var chip = ToolChip.FromRecord(new ToolCallRecord(ToolNames.DeleteTask, Json("""{"task_id":9}"""), default));

        Assert.Equal(ToolCallState.Unfinished, chip.State);
        Assert.Equal("Didn't finish: delete task #9", chip.Text);
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{"title":42}""")]
    [InlineData("""{"task_id":"not a number"}""")]
    public void Odd_arguments_still_give_words(string arguments)
    {
        var chip = new ToolChip(ToolNames.CompleteTask, Json(arguments));

        chip.Answer(Json("""{"status":"success"}"""));

        Assert.Equal("Completed a task", chip.Text);
    }

    [Fact]
    public void A_restore_says_restored_and_an_add_of_a_title_just_deleted_stays_an_add()
    {
        var restoring = new ToolChip(ToolNames.RestoreTask, Json("""{"task_id":2}"""));
        var restored = new ToolChip(ToolNames.RestoreTask, Json("""{"task_id":2}"""));
        restored.Answer(Json("""{"status":"success","data":{"task_id":2,"title":"Buy milk","status":"restored"}}"""));
        var gone = new ToolChip(ToolNames.RestoreTask, Json("""{"task_id":9}"""));
        gone.Answer(Json("""{"status":"error","code":"not_found","error":"Task 9 was not found."}"""));
        // Before restore_task, an add after a deletion was taken for a restore by its title: now an add is an add.
        var added = new ToolChip(ToolNames.AddTask, Json("""{"title":"Buy milk"}"""));
        added.Answer(Json("""{"status":"success","data":{"task_id":3,"title":"Buy milk","status":"created"}}"""));

        Assert.Equal("Restoring task #2…", restoring.Text);
        Assert.Equal("Restored “Buy milk”", restored.Text);
        Assert.Equal("Couldn't restore task #9: Task 9 was not found.", gone.Text);
        Assert.Equal("Added “Buy milk”", added.Text);
    }

    /// <summary>
    /// "add eggs and delete milk and taxes" (Buy milk and File taxes among four tasks): the search by every word found none,
    /// then the plain list was read. Before, the reply showed "Looked at 0 tasks" before "Looked at 4 tasks".
    /// </summary>
    [Fact]
    public void A_look_that_found_nothing_right_before_another_look_is_not_shown()
    {
        var bubble = Bubble(
            (ToolNames.ListTasks, """{"status":"all","search":"milk and taxe","limit":200}""", """{"status":"success","data":{"tasks":[],"count":0}}"""),
            (ToolNames.ListTasks, """{"status":"all","sort":"updated","limit":200}""", """{"status":"success","data":{"tasks":[],"count":4}}"""),
            (ToolNames.AddTask, """{"title":"Eggs"}""", """{"status":"success","data":{"task_id":5,"title":"Eggs","status":"created"}}"""),
            (ToolNames.DeleteTask, """{"task_id":1}""", """{"status":"success","data":{"task_id":1,"title":"Buy milk","status":"deleted"}}"""),
            (ToolNames.DeleteTask, """{"task_id":3}""", """{"status":"success","data":{"task_id":3,"title":"File taxes","status":"deleted"}}"""));

        Assert.Equal(["Looked at 4 tasks", "Added “Eggs”", "Deleted “Buy milk”", "Deleted “File taxes”"], bubble.ShownTools.Select(c => c.Text));
        Assert.Equal(5, bubble.Tools.Count);
    }

    /// <summary>A look alone, the last look, one before a change and one that failed say what happened, none found included.</summary>
    [Fact]
    public void Every_other_look_is_shown_as_it_went()
    {
        const string none = """{"status":"success","data":{"tasks":[],"count":0}}""";
        var alone = Bubble((ToolNames.ListTasks, """{"status":"pending"}""", none));
        var twiceEmpty = Bubble((ToolNames.ListTasks, """{"status":"all","search":"dentist"}""", none), (ToolNames.ListTasks, """{"status":"all"}""", none));
        var thenAnAdd = Bubble((ToolNames.ListTasks, """{"status":"pending","search":"call dad"}""", none), (ToolNames.AddTask, """{"title":"Call dad"}""", """{"status":"success","data":{"task_id":5,"title":"Call dad","status":"created"}}"""));
        var bothFound = Bubble((ToolNames.ListTasks, """{"status":"pending"}""", """{"status":"success","data":{"tasks":[],"count":200}}"""), (ToolNames.ListTasks, """{"status":"pending"}""", """{"status":"success","data":{"tasks":[],"count":3}}"""));
        var failed = Bubble((ToolNames.ListTasks, """{"status":"all"}""", """{"status":"error","error":"The task service isn't reachable.","code":"unavailable"}"""), (ToolNames.ListTasks, """{"status":"all"}""", none));

        Assert.Equal(["Looked at 0 pending tasks"], alone.ShownTools.Select(c => c.Text));
        Assert.Equal(["Looked at 0 tasks"], twiceEmpty.ShownTools.Select(c => c.Text));
        Assert.Equal(["Looked at 0 pending tasks", "Added “Call dad”"], thenAnAdd.ShownTools.Select(c => c.Text));
        Assert.Equal(["Looked at 200 pending tasks", "Looked at 3 pending tasks"], bothFound.ShownTools.Select(c => c.Text));
        Assert.Equal(["Couldn't look at your tasks: The task service isn't reachable.", "Looked at 0 tasks"], failed.ShownTools.Select(c => c.Text));
    }

    /// <summary>While the second look runs, the empty one before it is already left out.</summary>
    [Fact]
    public void An_empty_look_goes_as_soon_as_the_next_look_starts()
    {
        var bubble = Bubble((ToolNames.ListTasks, """{"status":"all","search":"milk and taxe"}""", """{"status":"success","data":{"tasks":[],"count":0}}"""));
        Assert.Equal(["Looked at 0 tasks"], bubble.ShownTools.Select(c => c.Text));

        bubble.Tools.Add(new ToolChip(ToolNames.ListTasks, Json("""{"status":"all"}""")));

        Assert.Equal(["Looking at your tasks…"], bubble.ShownTools.Select(c => c.Text));
    }

    private static ChatBubble Bubble(params (string Tool, string Arguments, string Result)[] calls)
    {
        var bubble = new ChatBubble(MessageRoles.Assistant, "");
        foreach (var (tool, arguments, result) in calls)
        {
            var chip = new ToolChip(tool, Json(arguments));
            chip.Answer(Json(result));
            bubble.Tools.Add(chip);
        }
        return bubble;
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
