using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using TaskChat.Agent;
using TaskChat.Contract;

namespace TaskChat.UnitTests.Chat;

/// <summary>Whole turns with the offline agent: tool rounds fed back as the agent framework does, then the answer.</summary>
public class OfflineScenarioTests
{
    private static readonly string MilkAndRent = Envelopes.Tasks((3, "Buy milk", false), (4, "Pay rent", false));

    [Fact]
    public async Task MarkTheMilkOneDoneListsThenCompletesTheOnlyMatch()
    {
        var turns = new OfflineTurns();

        var lookup = await turns.SayAsync("mark the milk one done");
        Assert.Equal(ListStatus.Pending, lookup.SingleCall(ToolNames.ListTasks).Arguments![ToolArguments.Status]);

        var complete = await turns.AnswerAsync(MilkAndRent);
        Assert.Equal(3L, complete.SingleCall(ToolNames.CompleteTask).Arguments![ToolArguments.TaskId]);

        var answer = await turns.AnswerAsync(Envelopes.Change(3, "Buy milk", TaskChangeStatus.Completed));
        Assert.Empty(answer.Calls());
        Assert.Equal("Marked “Buy milk” done.", answer.Text);
    }

    [Fact]
    public async Task SeveralMatchingTitlesAreAQuestionNotAGuess()
    {
        var turns = new OfflineTurns();
        await turns.SayAsync("delete the milk one");

        var answer = await turns.AnswerAsync(Envelopes.Tasks((3, "Buy milk", false), (5, "Milk the cow", true), (6, "Pay rent", false)));

        Assert.Empty(answer.Calls());
        Assert.Equal("Which one: 1. “Buy milk” (#3) 2. “Milk the cow” (#5)? Say “the first”, “both”, or a number.", answer.Text);
    }

    [Fact]
    public async Task ANumberAfterTheQuestionFinishesTheEarlierRequest()
    {
        var turns = new OfflineTurns();
        await turns.SayAsync("delete the milk one");
        await turns.AnswerAsync(Envelopes.Tasks((3, "Buy milk", false), (5, "Milk the cow", false)));

        // Deleting looks the task up first (so "undo" can restore it), then deletes the chosen one.
        await turns.SayAsync("#5");
        var delete = await turns.AnswerAsync(Envelopes.Tasks((3, "Buy milk", false), (5, "Milk the cow", false)));

        Assert.Equal(5L, delete.SingleCall(ToolNames.DeleteTask).Arguments![ToolArguments.TaskId]);
        Assert.Equal("Deleted “Milk the cow”. Say “undo” to bring it back.", (await turns.AnswerAsync(Envelopes.Change(5, "Milk the cow", TaskChangeStatus.Deleted))).Text);
    }

    [Fact]
    public async Task NoMatchingTitleSaysSoAfterTheSearchAndThePlainListWithoutChangingAnything()
    {
        var turns = new OfflineTurns();
        var search = await turns.SayAsync("remove the dentist task");
        Assert.Equal("dentist", search.SingleCall(ToolNames.ListTasks).Arguments![ToolArguments.Search]);

        // The search found nothing: the plain list, where a near miss could still be.
        var plain = await turns.AnswerAsync(Envelopes.Tasks());
        Assert.False(plain.SingleCall(ToolNames.ListTasks).Arguments!.ContainsKey(ToolArguments.Search));
        Assert.Equal(TaskSorts.Updated, plain.SingleCall(ToolNames.ListTasks).Arguments![ToolArguments.Sort]); // The tasks changed last.
        var answer = await turns.AnswerAsync(MilkAndRent);

        Assert.Empty(answer.Calls());
        Assert.StartsWith("I couldn't find a task matching “dentist”.", answer.Text);
    }

    [Fact]
    public async Task AnMcpWhoseSortHasNoOrderByLastChangeGetsThePlainListWithoutIt()
    {
        // An mcp from before sort=updated (a rolling deploy: a new api beside an old mcp) lists the sorts it knows, and
        // would refuse the whole call with a value outside them: the near miss's list then goes in the default order.
        var older = AIFunctionFactory.CreateDeclaration(ToolNames.ListTasks, "List tasks.", JsonElement.Parse("""
            {"type":"object","properties":{
              "status":{"type":["string","null"],"enum":["all","pending","completed",null]},
              "search":{"type":["string","null"]},
              "sort":{"type":["string","null"],"enum":["created","due","priority","title",null]},
              "limit":{"type":["integer","null"]}}}
            """));
        var tools = new FakeTaskTools();
        var turns = new OfflineTurns([tools.Add, older, tools.Complete, tools.Delete, tools.Update, tools.Reopen]);

        Assert.Equal("mlik", (await turns.SayAsync("delete the mlik task")).SingleCall(ToolNames.ListTasks).Arguments![ToolArguments.Search]);
        var plain = (await turns.AnswerAsync(Envelopes.Tasks())).SingleCall(ToolNames.ListTasks).Arguments!;

        Assert.False(plain.ContainsKey(ToolArguments.Sort));
        Assert.False(plain.ContainsKey(ToolArguments.Search));
        Assert.Equal(TaskToolArguments.PageMax, plain[TaskToolArguments.Limit]); // No enum: sent as before.
        // The list's "milk" is still found for "mlik".
        Assert.Equal(3L, (await turns.AnswerAsync(MilkAndRent)).SingleCall(ToolNames.DeleteTask).Arguments![ToolArguments.TaskId]);
    }

    [Fact]
    public async Task AnExactTitleWinsOverLongerTitlesContainingIt()
    {
        var turns = new OfflineTurns();
        await turns.SayAsync("complete buy milk");

        var complete = await turns.AnswerAsync(Envelopes.Tasks((3, "Buy milk and eggs", false), (4, "Buy milk", false)));

        Assert.Equal(4L, complete.SingleCall(ToolNames.CompleteTask).Arguments![ToolArguments.TaskId]);
    }

    [Fact]
    public async Task RenameTheMilkTaskListsAllTasksThenRenamesTheMatch()
    {
        var turns = new OfflineTurns();
        var lookup = await turns.SayAsync("rename the milk task to buy oat milk");
        Assert.Equal(ListStatus.All, lookup.SingleCall(ToolNames.ListTasks).Arguments![ToolArguments.Status]);

        var update = await turns.AnswerAsync(Envelopes.Tasks((3, "Buy milk", true), (4, "Pay rent", false)));
        var arguments = update.SingleCall(ToolNames.UpdateTask).Arguments!;
        Assert.Equal(3L, arguments[ToolArguments.TaskId]);
        Assert.Equal("Buy oat milk", arguments[ToolArguments.Title]);
        Assert.False(arguments.ContainsKey(ToolArguments.Description));

        Assert.Equal("Renamed “Buy milk” to “Buy oat milk”.", (await turns.AnswerAsync(Envelopes.Change(3, "Buy oat milk", TaskChangeStatus.Updated))).Text);
    }

    [Fact]
    public async Task ThreeTasksInOneMessageAreAddedInOneRoundAndSummarised()
    {
        var turns = new OfflineTurns();
        var adds = await turns.SayAsync("add eggs, bread and milk");
        Assert.Equal(["Eggs", "Bread", "Milk"], adds.Calls().Select(c => c.Arguments![ToolArguments.Title]));
        Assert.Equal(3, adds.Calls().Select(c => c.CallId).Distinct().Count());

        var answer = await turns.AnswerAsync(Envelopes.Change(4, "Eggs", TaskChangeStatus.Created), Envelopes.Change(5, "Bread", TaskChangeStatus.Created), Envelopes.Change(6, "Milk", TaskChangeStatus.Created));

        Assert.Equal("Added 3 tasks: “Eggs” (task 4), “Bread” (task 5) and “Milk” (task 6).", answer.Text);
    }

    [Fact]
    public async Task OneAddedTaskIsConfirmedWithItsId()
    {
        var turns = new OfflineTurns();
        await turns.SayAsync("add buy milk");

        Assert.Equal("Added “Buy milk” (task 12).", (await turns.AnswerAsync(Envelopes.Change(12, "Buy milk", TaskChangeStatus.Created))).Text);
    }

    [Fact]
    public async Task PendingTasksAreListedInASentence()
    {
        var turns = new OfflineTurns();
        await turns.SayAsync("what's left?");

        var answer = await turns.AnswerAsync(Envelopes.Tasks((1, "Buy milk", false), (2, "Call mom", false), (5, "Pay rent", false)));

        Assert.Equal("You have 3 pending tasks: #1 “Buy milk”, #2 “Call mom” and #5 “Pay rent”.", answer.Text);
    }

    [Fact]
    public async Task AllTasksShowWhichAreDoneAndAnEmptyListSaysSo()
    {
        var all = new OfflineTurns();
        await all.SayAsync("show my tasks");
        Assert.Equal("You have 2 tasks: #1 “Buy milk” (done) and #2 “Call mom”.",
            (await all.AnswerAsync(Envelopes.Tasks((1, "Buy milk", true), (2, "Call mom", false)))).Text);

        var none = new OfflineTurns();
        await none.SayAsync("what have I finished?");
        Assert.Equal("You haven't completed any tasks yet.", (await none.AnswerAsync(Envelopes.Tasks())).Text);
    }

    [Fact]
    public async Task AMissingTaskIsRestatedKindly()
    {
        var turns = new OfflineTurns();
        await turns.SayAsync("complete 7");

        var answer = await turns.AnswerAsync(Envelopes.Error(ToolErrorCodes.NotFound, "Task 7 was not found."));

        Assert.Equal("I couldn't find task 7.", answer.Text);
    }

    [Fact]
    public async Task AValidationErrorIsRestatedWithItsReason()
    {
        var turns = new OfflineTurns();
        await turns.SayAsync("add " + new string('x', 201));

        var answer = await turns.AnswerAsync(Envelopes.Error(ToolErrorCodes.Validation, "title must be at most 200 characters (it has 201)."));

        Assert.EndsWith(": title must be at most 200 characters (it has 201).", answer.Text);
        Assert.StartsWith("I couldn't add “X", answer.Text);
    }

    [Fact]
    public async Task AnUnreachableTaskServiceAsksToTryAgainAndStops()
    {
        var turns = new OfflineTurns();
        await turns.SayAsync("mark the milk one done");

        var answer = await turns.AnswerAsync(Envelopes.Error(ToolErrorCodes.Unavailable, "The database is not reachable."));

        Assert.Empty(answer.Calls());
        Assert.Equal("I couldn't list your tasks because the task service isn't reachable right now. Please try again in a moment.", answer.Text);
    }

    [Fact]
    public async Task SuccessesAndFailuresInOneRoundAreBothReported()
    {
        var turns = new OfflineTurns();
        await turns.SayAsync("complete 2 and 9");

        var answer = await turns.AnswerAsync(Envelopes.Change(2, "Pay rent", TaskChangeStatus.Completed), Envelopes.Error(ToolErrorCodes.NotFound, "Task 9 was not found."));

        Assert.Equal("Marked “Pay rent” done. I couldn't find task 9.", answer.Text);
    }

    public static TheoryData<string> ResultShapes() => ["string", "JsonElement", "JsonNode", "object", "CallToolResult", "serialized CallToolResult"];

    [Theory]
    [MemberData(nameof(ResultShapes))]
    public async Task ToolResultsAreReadWhateverObjectCarriesThem(string shape)
    {
        var envelope = Envelopes.Change(3, "Buy milk", TaskChangeStatus.Completed);
        var element = JsonDocument.Parse(envelope).RootElement.Clone();
        var callToolResult = new CallToolResult { Content = [new TextContentBlock { Text = envelope }], StructuredContent = element };
        object result = shape switch
        {
            "string" => envelope,
            "JsonElement" => element,
            "JsonNode" => JsonNode.Parse(envelope)!,
            "object" => ToolEnvelope.Success(new TaskChange(3, "Buy milk", TaskChangeStatus.Completed)),
            "CallToolResult" => callToolResult,
            _ => JsonSerializer.SerializeToElement(new { content = new[] { new { type = "text", text = envelope } }, isError = false }),
        };
        var turns = new OfflineTurns();
        await turns.SayAsync("complete 3");

        Assert.Equal("Marked “Buy milk” done.", (await turns.AnswerAsync(result)).Text);
    }

    [Fact]
    public async Task AResultThatIsNotAnEnvelopeIsAnApologyNotACrash()
    {
        var turns = new OfflineTurns();
        await turns.SayAsync("complete 3");

        Assert.Equal("Sorry, something went wrong and I couldn't complete task 3. Please try again.", (await turns.AnswerAsync("Error: Function failed.")).Text);
    }

    [Fact]
    public async Task AToolThatIsNotOfferedIsNeverCalled()
    {
        var tools = new FakeTaskTools();
        var turns = new OfflineTurns([tools.Add, tools.List]);

        var answer = await turns.SayAsync("delete task 4");

        Assert.Empty(answer.Calls());
        Assert.Equal("Sorry, I can't delete tasks right now: that tool isn't available to me. Please try again later.", answer.Text);
    }

    [Theory]
    [InlineData("hi", "Hi! I keep your to-do list.")]
    [InlineData("help", "Here's what I understand:")]
    [InlineData("what's the weather like?", "Sorry, I didn't quite get that.")]
    public async Task GreetingsHelpAndTheUnknownGetAFriendlyAnswerWithExamples(string utterance, string opening)
    {
        var answer = await new OfflineTurns().SayAsync(utterance);

        Assert.Empty(answer.Calls());
        Assert.StartsWith(opening, answer.Text);
        Assert.Contains("“add buy milk”", answer.Text);
    }

    [Fact]
    public async Task AnEverydayTaskWithoutAVerbIsOfferedBackAsATaskToAdd() =>
        Assert.Equal("Should I add “Water the plants” as a task? Say “add water the plants” (or “yes”) and I will.", await new OfflineTurns().TurnAsync("water the plants"));
}
