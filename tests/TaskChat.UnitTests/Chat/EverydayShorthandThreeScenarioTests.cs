using static TaskChat.UnitTests.Chat.ScenarioStart;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Everyday shorthand that session 42a's probe found missed or misread: dropping something ("never mind about milk",
/// "forget it"), a rename said in passing ("call it oat milk instead", "call the milk one oat milk"), "call it a day", and
/// "milk note: 2% only", "taxes every year", "don't forget eggs", "tomorrow: eggs, bread". Whole conversations against the fake tools; the clock is Wednesday 2 December 2026, 09:00 UTC.
/// </summary>
public class EverydayShorthandThreeScenarioTests
{
    /// <summary>Before, "never mind about eggs" after the offer offered a task “About eggs”.</summary>
    [Theory]
    [InlineData("tomorrow eggs", "never mind about eggs", "OK, I won't add “Eggs”.")]
    [InlineData("tomorrow eggs", "forget it", "OK, I won't add “Eggs”.")]
    [InlineData("buy eggs", "never mind the eggs", "OK, I won't add “Buy eggs”.")]
    [InlineData("buy eggs", "forget about it", "OK, I won't add “Buy eggs”.")]
    public async Task NeverMindAfterAnOfferDropsIt(string offer, string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        Assert.StartsWith("Should I add “", await turns.TurnAsync(offer), StringComparison.Ordinal);

        await AssertSaidAsync(turns, tools, message, reply);
        Assert.StartsWith("Yes to what?", await turns.TurnAsync("yes"), StringComparison.Ordinal);
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>
    /// With nothing pending, the task named is asked about, never deleted on these words (before: "never mind about milk"
    /// listed it, and "forget about milk" still deletes it, as "delete" does); "yes" deletes it and "undo" brings it back.
    /// </summary>
    [Fact]
    public async Task NeverMindAboutATaskAsksWhetherToDeleteIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "never mind about milk", "OK, nothing changed. Should I delete #1 “Buy milk”? Say “yes” to delete it or “no” to keep it.",
            """list_tasks {"status":"pending","search":"milk","limit":200}""");
        await AssertSaidAsync(turns, tools, "yes", "Deleted “Buy milk”. Say “undo” to bring it back.", """delete_task {"task_id":1}""");
        await AssertSaidAsync(turns, tools, "undo", "Brought back “Buy milk” (task 1).", """restore_task {"task_id":1}""");
        Assert.Equal(4, tools.Tasks.Count);
    }

    [Theory]
    [InlineData("never mind the garage", "OK, nothing changed. Should I delete #4 “Clean the garage”? Say “yes” to delete it or “no” to keep it.", "no", "OK, I kept “Clean the garage”.")]
    [InlineData("nevermind the milk", "OK, nothing changed. Should I delete #1 “Buy milk”? Say “yes” to delete it or “no” to keep it.", "never mind", "OK, I kept “Buy milk”.")]
    public async Task NoToTheQuestionKeepsTheTask(string message, string question, string no, string kept)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(question, await turns.TurnAsync(message));
        await AssertSaidAsync(turns, tools, no, kept);
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>Words no task has, or words of several: nothing changes, and nothing is asked.</summary>
    [Fact]
    public async Task NeverMindAboutNoTaskOrSeveralChangesNothing()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("add rent for may");
        await turns.TurnAsync("add rent for june");

        Assert.Equal("OK, nothing changed.", await turns.TurnAsync("never mind about eggs"));
        Assert.Equal("OK, nothing changed. To delete one of #5 “Rent for may” or #6 “Rent for june”, say “delete” and its number.", await turns.TurnAsync("never mind the rent"));
        Assert.Equal(6, tools.Tasks.Count);
    }

    /// <summary>
    /// Before, "forget it" deleted the task last talked about (“Clean the garage”, just added), even right after an offer
    /// or "Shall I go ahead?".
    /// </summary>
    [Theory]
    [InlineData("forget it")]
    [InlineData("forget about it")]
    [InlineData("just forget it")]
    [InlineData("never mind that")]
    public async Task ForgetItDeletesNothing(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, "OK, nothing changed. To take back the last change, say “undo”.");
        Assert.Equal(4, tools.Tasks.Count);
    }

    [Fact]
    public async Task ForgetItAfterAskingToDeleteManyKeepsThem()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        Assert.StartsWith("I'll delete 4 tasks", await turns.TurnAsync("clear all"), StringComparison.Ordinal);

        await AssertSaidAsync(turns, tools, "forget it", "OK, nothing changed.");
        Assert.StartsWith("Yes to what?", await turns.TurnAsync("yes"), StringComparison.Ordinal);
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>A request after "never mind," is that request; a question too; "delete it" and "forget the milk" still delete.</summary>
    [Theory]
    [InlineData("never mind, delete the garage", "Deleted “Clean the garage”. Say “undo” to bring it back.", 3)]
    [InlineData("never mind, add eggs", "Added “Eggs” (task 5).", 5)]
    [InlineData("never mind, what's left?", "You have 4 pending tasks: #1 “Buy milk” (due tomorrow), #2 “Call mom” (due Friday at 18:00), #3 “File taxes” and #4 “Clean the garage”.", 4)]
    [InlineData("never mind I'll do it", "OK, nothing changed.", 4)]
    [InlineData("delete it", "Deleted “Clean the garage”. Say “undo” to bring it back.", 3)]
    [InlineData("forget the milk", "Deleted “Buy milk”. Say “undo” to bring it back.", 3)]
    public async Task OtherNeverMindsKeepTheirReading(string message, string reply, int left)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Equal(left, tools.Tasks.Count);
    }

    /// <summary>Before, offered as a task “Call it oat milk instead”. "it" is the one task the turn just before showed or added.</summary>
    [Fact]
    public async Task CallItSomethingRightAfterATaskRenamesIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("milk");

        await AssertSaidAsync(turns, tools, "call it oat milk instead", "Renamed “Buy milk” to “Oat milk”.",
            """list_tasks {"status":"all","task_ids":[1]}""", """update_task {"task_id":1,"title":"Oat milk"}""");
        await AssertSaidAsync(turns, tools, "undo", "Undone: “Buy milk” is back to how it was.", """update_task {"task_id":1,"title":"Buy milk"}""");
        await turns.TurnAsync("add oat milk");
        await AssertSaidAsync(turns, tools, "call that barista milk", "Renamed “Oat milk” to “Barista milk”.",
            """list_tasks {"status":"all","task_ids":[5]}""", """update_task {"task_id":5,"title":"Barista milk"}""");
    }

    /// <summary>With no task in the turn before (or several), "it" is asked, never guessed from further back.</summary>
    [Fact]
    public async Task CallItWithNoTaskJustBeforeAsksWhich()
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        await turns.TurnAsync("what's left?");

        await AssertSaidAsync(turns, tools, "call it oat milk", "Which task should I call “Oat milk”? Say “rename” and its number or a few words of its title, for example “rename the milk one to oat milk”.");
    }

    [Theory]
    [InlineData("call the milk one oat milk", "Renamed “Buy milk” to “Oat milk”.", "milk", 1, "Oat milk")]
    [InlineData("rename the milk one oat milk", "Renamed “Buy milk” to “Oat milk”.", "milk", 1, "Oat milk")]
    [InlineData("call the garage task tidy the shed instead", "Renamed “Clean the garage” to “Tidy the shed”.", "garage", 4, "Tidy the shed")]
    public async Task CallTheOneSomethingRenamesIt(string message, string reply, string search, long id, string title)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply,
            $$"""list_tasks {"status":"all","search":"{{search}}","limit":200}""", $$"""update_task {"task_id":{{id}},"title":"{{title}}"}""");
        Assert.Equal(4, tools.Tasks.Count);
    }

    /// <summary>
    /// Done for the day, not a rename nor a task: before, "call it done" completed “Call mom” and the others were offered
    /// as tasks (“Call it a day”).
    /// </summary>
    [Theory]
    [InlineData("call it a day")]
    [InlineData("call it quits")]
    [InlineData("call it done")]
    [InlineData("let's call it a day")]
    [InlineData("call it a day for now")]
    [InlineData("call it a night")]
    public async Task CallingItADayChangesNothing(string message)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, "Sounds good: your tasks are saved as they are. Ask “what's left?” whenever you're back.");
    }

    /// <summary>
    /// Other "call" messages keep their reading: a task to call someone. ("call it off" renames nothing either: it deletes
    /// the task just talked about, CallOffScenarioTests.)
    /// </summary>
    [Theory]
    [InlineData("call mom", "#2 “Call mom” is already on your list, due Friday at 18:00. To add another, say “add call mom again”.")]
    [InlineData("call the plumber one more time", "Should I add “Call the plumber one more time” as a task? Say “add call the plumber one more time” (or “yes”) and I will.")]
    [InlineData("call it even", "Sounds good: your tasks are saved as they are. Ask “what's left?” whenever you're back.")]
    [InlineData("rename it to tidy the shed", "Renamed “Clean the garage” to “Tidy the shed”.")]
    public async Task OtherCallsKeepTheirReading(string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Equal(4, tools.Tasks.Count);
        Assert.Equal(["Buy milk", "Call mom", "File taxes", message.StartsWith("rename", StringComparison.Ordinal) ? "Tidy the shed" : "Clean the garage"], tools.Tasks.Select(t => t.Title));
    }

    /// <summary>Before, offered as a task “Milk note 2 only”.</summary>
    [Theory]
    [InlineData("milk note: 2% only", "Added the note to “Buy milk”.", "milk", 1, "2% only")]
    [InlineData("garage notes: bring gloves", "Added the note to “Clean the garage”.", "garage", 4, "bring gloves")]
    [InlineData("the taxes note: use the new form", "Added the note to “File taxes”.", "taxe", 3, "use the new form")]
    public async Task ATasksNameThenNoteAddsTheNote(string message, string reply, string search, long id, string note)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply,
            $$"""list_tasks {"status":"all","search":"{{search}}","limit":200}""", $$"""update_task {"task_id":{{id}},"description":"{{note}}"}""");
    }

    /// <summary>
    /// A note on a task there is not: adding it with that note is offered, and "yes" adds it (before: "I couldn't find a
    /// task matching “eggs”" alone). The note is kept whole, a date or a number in it too.
    /// </summary>
    [Theory]
    [InlineData("eggs note: buy the brown ones", "egg", "Eggs", "buy the brown ones")]
    [InlineData("the eggs note: get them by friday", "egg", "Eggs", "get them by friday")]
    [InlineData("note on oat milk: 2% only", "oat milk", "Oat milk", "2% only")]
    public async Task ANoteOnNoTaskOffersToAddItWithTheNote(string message, string search, string title, string note)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        var named = title.ToLowerInvariant();

        await AssertSaidAsync(turns, tools, message,
            $"I couldn't find a task matching “{named}”. Should I add “{title}” as a task, with the note “{note}”? Say “add {named} with the note: {note}” (or “yes”) and I will.",
            $$"""list_tasks {"status":"all","search":"{{search}}","limit":200}""", """list_tasks {"status":"all","sort":"updated","limit":200}""");
        await AssertSaidAsync(turns, tools, "yes", $"Added “{title}” (task 5), with the description “{note}”.",
            $$"""add_task {"title":"{{title}}","description":"{{note}}"}""");
        Assert.All(tools.Tasks.Take(4), t => Assert.Null(t.Description));
    }

    /// <summary>A rename of no task is said so, as before: no offer to add.</summary>
    [Fact]
    public async Task ARenameOfNoTaskOffersNothing()
    {
        var (turns, _) = await WithEverydayTasksAsync();

        Assert.Equal("I couldn't find a task matching “eggs”. Say “show my tasks” to see them all.", await turns.TurnAsync("rename the eggs to brown eggs"));
    }

    /// <summary>A note to self, an add with a note, "quick note:" keep their reading.</summary>
    [Theory]
    [InlineData("note to self: buy stamps", "Added “Buy stamps” (task 5).")]
    [InlineData("add eggs note: free range", "Added “Eggs” (task 5), with the description “free range”.")]
    [InlineData("quick note: call mom", "I found no task matching “quick note call mom”. Should I add “Quick note call mom” as a task? Say “add quick note call mom” (or “yes”) and I will.")]
    public async Task OtherNotesKeepTheirReading(string message, string reply)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.All(tools.Tasks.Take(4), t => Assert.Null(t.Description));
    }

    /// <summary>Before, not understood ("taxes every year") or offered as a task “Taxes yearly”; no second task is added.</summary>
    [Theory]
    [InlineData("taxes every year", "“File taxes” now repeats every year.", "taxe", 3, "FREQ=YEARLY")]
    [InlineData("the taxes every year", "“File taxes” now repeats every year.", "taxe", 3, "FREQ=YEARLY")]
    [InlineData("taxes yearly", "“File taxes” now repeats every year.", "taxe", 3, "FREQ=YEARLY")]
    [InlineData("garage weekly", "“Clean the garage” now repeats every week.", "garage", 4, "FREQ=WEEKLY")]
    [InlineData("the garage every saturday", "“Clean the garage” now repeats every Saturday.", "garage", 4, "FREQ=WEEKLY;BYDAY=SA")]
    [InlineData("milk every week", "“Buy milk” now repeats every week.", "milk", 1, "FREQ=WEEKLY")]
    public async Task ATasksNameWithARepeatMakesItRepeat(string message, string reply, string search, long id, string rule)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply,
            $$"""list_tasks {"status":"pending","search":"{{search}}","limit":200}""", $$"""update_task {"task_id":{{id}},"recurrence":"{{rule}}"}""");
        Assert.Equal(4, tools.Tasks.Count);
        await AssertSaidAsync(turns, tools, "undo", $"Undone: “{tools.Tasks.Single(t => t.Id == id).Title}” is back to how it was.", $$"""update_task {"task_id":{{id}},"recurrence":""}""");
    }

    /// <summary>With no task still to do of those words, adding it is offered, repeating, and "yes" adds it.</summary>
    [Fact]
    public async Task ANameNoTaskHasWithARepeatOffersIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "eggs every week", "Should I add “Eggs” as a task, repeating every week? Say “add eggs every week” (or “yes”) and I will.",
            """list_tasks {"status":"pending","search":"egg","limit":200}""", """list_tasks {"status":"pending","sort":"updated","limit":200}""");
        await AssertSaidAsync(turns, tools, "yes", "Added “Eggs” (task 5), repeating every week.", """add_task {"title":"Eggs","recurrence":"FREQ=WEEKLY"}""");
    }

    /// <summary>A verb first is an add; a question, a repeat alone or "same time every week" change nothing.</summary>
    [Theory]
    [InlineData("water the plants every 3 days", 5)]
    [InlineData("taxes every year?", 4)]
    [InlineData("every week", 4)]
    [InlineData("same time every week", 4)]
    [InlineData("what's due every week?", 4)]
    public async Task OtherRepeatsKeepTheirReading(string message, int tasks)
    {
        var (turns, tools) = await WithEverydayTasksAsync();
        var from = tools.Calls.Count;

        await turns.TurnAsync(message);
        Assert.Equal(tasks, tools.Tasks.Count);
        Assert.DoesNotContain(tools.Calls.Skip(from), c => c.Tool == "update_task");
    }

    /// <summary>Before, not understood without "to". A reminder only when a time is said; "undo" takes the add back.</summary>
    [Theory]
    [InlineData("don't forget eggs", "Added “Eggs” (task 5).", """add_task {"title":"Eggs"}""")]
    [InlineData("dont forget the eggs", "Added “Eggs” (task 5).", """add_task {"title":"Eggs"}""")]
    [InlineData("don't let me forget eggs", "Added “Eggs” (task 5).", """add_task {"title":"Eggs"}""")]
    [InlineData("don't forget the eggs tomorrow", "Added “Eggs” (task 5), due tomorrow.", """add_task {"title":"Eggs","due":"2026-12-03"}""")]
    [InlineData("don't forget eggs at 5pm", "Added “Eggs” (task 5), due today at 17:00, I'll remind you then.", """add_task {"title":"Eggs","due":"2026-12-02T17:00:00+00:00","reminders":["PT0S"]}""")]
    public async Task DontForgetAThingAddsIt(string message, string reply, string added)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply,
            """list_tasks {"status":"pending","search":"egg","limit":200}""", """list_tasks {"status":"pending","sort":"updated","limit":200}""", added);
        await AssertSaidAsync(turns, tools, "undo", "Undone: removed “Eggs” again.", """delete_task {"task_id":5}""");
    }

    /// <summary>"don't forget milk" beside “Buy milk” names it instead of adding a second; "again" adds one.</summary>
    [Fact]
    public async Task DontForgetATaskThereNamesIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "don't forget milk", "#1 “Buy milk” is already on your list, due tomorrow. To add another, say “add milk again”.",
            """list_tasks {"status":"pending","search":"milk","limit":200}""");
        await AssertSaidAsync(turns, tools, "don't forget about the garage", "#4 “Clean the garage” is already on your list. To add another, say “add garage again”.",
            """list_tasks {"status":"pending","search":"garage","limit":200}""");
        Assert.Equal(4, tools.Tasks.Count);
        await AssertSaidAsync(turns, tools, "add milk again", "Added “Milk” (task 5).", """add_task {"title":"Milk"}""");
    }

    /// <summary>
    /// "remind me about milk" with no time, beside “Buy milk”: that one is named, with how to be reminded (before: a second
    /// task “Milk” was added, and "remind me about the milk" added “The milk”). With a time it sets the reminder, as
    /// before; "remind me about eggs" with no eggs still adds “Eggs”; "remind me to buy milk" still adds, saying it is a second.
    /// </summary>
    [Fact]
    public async Task RemindMeAboutATaskThereWithoutATimeNamesIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "remind me about milk", "#1 “Buy milk” is already on your list, due tomorrow. Say when to remind you, for example “remind me about milk tomorrow at 9am”, or “add milk again” for another.",
            """list_tasks {"status":"pending","search":"milk","limit":200}""");
        await AssertSaidAsync(turns, tools, "remind me about the taxes", "#3 “File taxes” is already on your list. Say when to remind you, for example “remind me about taxes tomorrow at 9am”, or “add taxes again” for another.",
            """list_tasks {"status":"pending","search":"taxe","limit":200}""");
        Assert.Equal(4, tools.Tasks.Count);
        Assert.Equal("I'll remind you about “Buy milk” tomorrow at 17:00.", await turns.TurnAsync("remind me about the milk at 5pm"));
        Assert.Equal("Added “Eggs” (task 5).", await turns.TurnAsync("remind me about eggs"));
        Assert.StartsWith("Added “Buy milk” (task 6). You already had “Buy milk” (task 1)", await turns.TurnAsync("remind me to buy milk"), StringComparison.Ordinal);
    }

    /// <summary>"don't forget to …" adds the action as said, as before (now reminded when a time is said, as "remind me to" is).</summary>
    [Theory]
    [InlineData("don't forget to buy eggs", "Added “Buy eggs” (task 5).", """add_task {"title":"Buy eggs"}""")]
    [InlineData("don't let me forget to buy eggs", "Added “Buy eggs” (task 5).", """add_task {"title":"Buy eggs"}""")]
    [InlineData("don't forget to pay rent at 5pm", "Added “Pay rent” (task 5), due today at 17:00, I'll remind you then.", """add_task {"title":"Pay rent","due":"2026-12-02T17:00:00+00:00","reminders":["PT0S"]}""")]
    public async Task DontForgetToDoSomethingAddsItAsBefore(string message, string reply, string added)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, message, reply, added);
    }

    [Fact]
    public async Task DontForgetAloneAsksWhat()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "don't forget", "What should I add? For example “add buy milk” or “add eggs, bread and milk”.");
    }

    /// <summary>Before, "Sorry, I didn't quite get that". An offer, not a silent add: "yes" adds both due that day, "undo" both.</summary>
    [Fact]
    public async Task AListUnderADayIsOfferedAndYesAddsIt()
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        await AssertSaidAsync(turns, tools, "tomorrow: eggs, bread", "Should I add “Eggs” and “Bread” as tasks, due tomorrow? Say “add tomorrow: eggs, bread” (or “yes”) and I will.");
        Assert.Equal(4, tools.Tasks.Count);
        await AssertSaidAsync(turns, tools, "yes", "Added 2 tasks: “Eggs” (task 5) and “Bread” (task 6), due tomorrow.",
            """add_task {"title":"Eggs","due":"2026-12-03"}""", """add_task {"title":"Bread","due":"2026-12-03"}""");
        await AssertSaidAsync(turns, tools, "undo", "Undone: removed “Eggs” again and removed “Bread” again.", """delete_task {"task_id":5}""", """delete_task {"task_id":6}""");
    }

    /// <summary>A "no" drops the offer; a question, one item under a day or a list under no day keep their reading.</summary>
    [Theory]
    [InlineData("tomorrow: eggs, bread?", "Sorry, I didn't quite get that.")]
    [InlineData("friday: call mom", "#2 “Call mom” is already on your list")]
    [InlineData("tomorrow: buy eggs", "Should I add “Buy eggs” as a task? Say “add buy eggs tomorrow”")]
    [InlineData("friday: milk and bread", "Sorry, I didn't quite get that.")]
    public async Task OtherDayHeadingsKeepTheirReading(string message, string start)
    {
        var (turns, tools) = await WithEverydayTasksAsync();

        Assert.StartsWith(start, await turns.TurnAsync(message), StringComparison.Ordinal);
        Assert.Equal("OK, nothing changed.", await turns.TurnAsync("no"));
        Assert.Equal(4, tools.Tasks.Count);
    }
}
