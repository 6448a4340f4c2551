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

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
