using Microsoft.Extensions.Time.Testing;
using TaskChat.Agent;
using TaskChat.Contract;

namespace TaskChat.UnitTests.Chat;

/// <summary>A line typed into the tasks page's add box, read with the chat's words, and where each part of it was read.</summary>
public class TaskLineTests
{
    // Wednesday 2 December 2026, 09:00 UTC.
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private static readonly UserClock Utc = new(Time, TimeZoneInfo.Utc);

    private static ParsedTask Read(string text, UserClock? clock = null, params string[] keep) => TaskLine.Read(text, clock ?? Utc, keep);

    private static string[] Parts(ParsedTask task) => [.. task.Parts.Select(p => $"{p.Kind}:{p.Text}")];

    [Fact]
    public void ADateTimeTagAndPriorityAreReadOutOfTheTitle()
    {
        var task = Read("pay rent friday 9am #home !high");

        Assert.Equal("Pay rent", task.Title);
        Assert.Equal("2026-12-04T09:00:00+00:00", task.Due);
        Assert.Equal("Friday at 09:00", task.DueText);
        Assert.Equal(TaskPriorities.High, task.Priority);
        Assert.Equal(["home"], task.Tags);
        Assert.Equal(["due:friday 9am", "tags:#home", "priority:!high"], Parts(task));
    }

    [Fact]
    public void TheDateIsTheUsersInTheirZoneAndARepeatIsReadBesideIt()
    {
        // 18:00 in Tokyo already: "tomorrow" is their 3 December.
        var tokyo = new UserClock(Time, UserClock.ZoneOf("Asia/Tokyo"));

        var task = Read("call mom tomorrow at 6pm every week", tokyo);

        Assert.Equal("Call mom", task.Title);
        Assert.Equal("2026-12-03T18:00:00+09:00", task.Due);
        Assert.Equal("FREQ=WEEKLY", task.Recurrence);
        Assert.Equal("every week", task.RepeatText);
        Assert.Equal(["due:tomorrow at 6pm", "repeat:every week"], Parts(task));
    }

    [Fact]
    public void PartsLocateTheCharactersAsTypedWithTheirSpacesAndCase()
    {
        const string typed = "  Pay   rent,  FRIDAY  ";

        var task = Read(typed);

        var due = Assert.Single(task.Parts);
        Assert.Equal(TaskLineParts.Due, due.Kind);
        Assert.Equal("FRIDAY", typed.Substring(due.Start, due.Length));
        Assert.Equal("Pay rent", task.Title);
    }

    [Fact]
    public void AKeptPartStaysInTheTitleAsTyped()
    {
        var read = Read("Read Friday");
        var kept = Read("Read Friday", null, TaskLineParts.Due);

        Assert.Equal(("Read", "2026-12-04"), (read.Title, read.Due));
        Assert.Equal("Read Friday", kept.Title);
        Assert.Null(kept.Due);
        Assert.Empty(kept.Parts);
    }

    [Fact]
    public void EachTagIsAPartOfItsOwnAndOneCanBeKeptAsTyped()
    {
        var read = Read("pay rent friday 9am #home #Bills");
        var kept = Read("pay rent friday 9am #home #Bills", null, TaskLineParts.KeepTag("bills"));

        Assert.Equal(["home", "bills"], read.Tags);
        Assert.Equal(["due:friday 9am", "tags:#home", "tags:#Bills"], Parts(read));
        Assert.Equal("Pay rent #Bills", kept.Title);
        Assert.Equal(["home"], kept.Tags);
        Assert.Equal(["due:friday 9am", "tags:#home"], Parts(kept));
        Assert.Equal("2026-12-04T09:00:00+00:00", kept.Due);

        // One kept in the middle stays where it was typed.
        var middle = Read("pay #bills rent friday #home", null, TaskLineParts.KeepTag("bills"));
        Assert.Equal(("Pay #bills rent", "2026-12-04"), (middle.Title, middle.Due));
        Assert.Equal(["due:friday", "tags:#home"], Parts(middle));
    }

    [Fact]
    public void KeepingTagsLeavesTheOtherPartsRead()
    {
        var task = Read("plan trip #2027 tomorrow", null, TaskLineParts.Tags);

        Assert.Equal("Plan trip #2027", task.Title);
        Assert.Empty(task.Tags);
        Assert.Equal("2026-12-03", task.Due);
    }

    /// <summary>Every tag kept (the quick add's chips all dismissed): a date before the final tags is still read (before: not).</summary>
    [Fact]
    public void KeepingTagsStillReadsADateBeforeTheFinalTags()
    {
        var task = Read("pay rent friday 9am #home #bills", null, TaskLineParts.Tags);

        Assert.Equal("Pay rent #home #bills", task.Title);
        Assert.Empty(task.Tags);
        Assert.Equal("2026-12-04T09:00:00+00:00", task.Due);
        Assert.Equal(["due:friday 9am"], Parts(task));
    }

    /// <summary>
    /// "!!" ending the line is high priority, as the chat's add reads it (before: the box dropped it from the title and added
    /// the task without a priority, found in a walk of the tasks page); one "!" is punctuation, and a kept priority stays unread.
    /// </summary>
    [Theory]
    [InlineData("pay rent friday 9am #home !!", "Pay rent", "high", "due:friday 9am|tags:#home|priority:!!")]
    [InlineData("fix the sink!!", "Fix the sink", "high", "priority:!!")]
    [InlineData("call the vet !!!  ", "Call the vet", "high", "priority:!!!")]
    [InlineData("pay rent !! #home", "Pay rent", "high", "priority:!!|tags:#home")]
    [InlineData("pay rent #home low priority !!", "Pay rent", "low", "tags:#home|priority:low priority")]
    [InlineData("we won!", "We won", null, "")]
    public void BangsEndingTheLineAreHighPriority(string typed, string title, string? priority, string parts)
    {
        var task = Read(typed);

        Assert.Equal(title, task.Title);
        Assert.Equal(priority, task.Priority);
        Assert.Equal(parts, string.Join('|', Parts(task)));
        Assert.All(task.Parts, p => Assert.Equal(typed.Substring(p.Start, p.Length), p.Text));
    }

    [Fact]
    public void KeptPriorityLeavesTheBangsInTheTitle()
    {
        var attached = Read("fix the sink!!", null, TaskLineParts.Priority);
        var spaced = Read("pay rent friday !!", null, TaskLineParts.Priority);

        Assert.Equal(("Fix the sink!!", null), (attached.Title, attached.Priority));
        Assert.Empty(attached.Parts);
        Assert.Equal(("Pay rent !!", null), (spaced.Title, spaced.Priority));
        Assert.Equal(["due:friday"], Parts(spaced));
    }

    [Theory]
    [InlineData("buy milk", "Buy milk")]
    [InlineData("tomorrow", "Tomorrow")]
    [InlineData("#home", "#home")]
    [InlineData("!!", "!!")]
    [InlineData("<script>alert(1)</script> friday", "<script>alert(1)</script>")]
    public void ALineWithNothingElseToNameTheTaskIsItsOwnTitle(string typed, string title)
    {
        var task = Read(typed);

        Assert.Equal(title, task.Title);
        Assert.All(task.Parts, p => Assert.Equal(typed.Substring(p.Start, p.Length), p.Text));
    }

    [Fact]
    public void AReminderBeforeTheDueTimeIsRead()
    {
        var task = Read("dentist monday at 3pm and remind me the day before");

        Assert.Equal("Dentist", task.Title);
        Assert.Equal("2026-12-07T15:00:00+00:00", task.Due);
        Assert.Equal(["P1D"], task.Reminders);
        Assert.Equal(["due:monday at 3pm", "reminders:and remind me the day before"], Parts(task));
    }

    [Fact]
    public void AReminderWithoutADueDateStaysInTheTitle()
    {
        var task = Read("stretch and remind me an hour before");

        Assert.Empty(task.Reminders);
        Assert.Equal("Stretch and remind me an hour before", task.Title);
    }

    [Fact]
    public void WordsAReaderRewordsAreStillLocated()
    {
        // "every tuesday evening" is read as a repeat and "in the evening", words the line does not have.
        var task = Read("gym every tuesday evening");

        Assert.Equal("Gym", task.Title);
        Assert.Equal("2026-12-08T19:00:00+00:00", task.Due);
        Assert.Equal(["repeat:every tuesday", "due:evening"], Parts(task));
    }

    [Fact]
    public void ABangWordIsAPriorityInTheChatToo()
    {
        var task = Read("water plants !low");

        Assert.Equal(("Water plants", TaskPriorities.Low), (task.Title, task.Priority));
    }

    public static TheoryData<string> LongLines => new()
    {
        string.Concat(Enumerable.Repeat("every ", 83)),
        string.Concat(Enumerable.Repeat("at 5 ", 100)),
        string.Concat(Enumerable.Repeat("#a ", 166)),
        string.Concat(Enumerable.Repeat("tomorrow ", 55)),
        string.Concat(Enumerable.Repeat("remind me the day before ", 20)),
        string.Concat(Enumerable.Repeat("a ", 250)),
    };

    [Theory]
    [InlineData("water the plants every 2147483648 days")]
    [InlineData("water the plants every 99999999999999999999 weeks")]
    [InlineData("water the plants every 99999999999 weeks on friday")]
    public void ARepeatWhoseNumberOverflowsStaysInTheTitle(string line)
    {
        // Before: int.Parse of the typed digits threw an OverflowException, a 500 from the parse endpoint and the chat.
        var task = Read(line);

        // The number stays in the title, as "every 1000 days" does ("on friday" is still a due date).
        Assert.Null(task.Recurrence);
        Assert.StartsWith("Water the plants every " + line.Split(' ')[4], task.Title, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LongLines))]
    public void ALongestLineIsReadWithoutEndlessBacktracking(string line)
    {
        Read(line); // The first reading also loads the readers' code: the second is the one timed.
        var started = TimeProvider.System.GetTimestamp();

        var task = Read(line);

        // A guard against a reader that backtracks without end on such a line (minutes, or never), not a timing: a reading
        // takes milliseconds, and the bound is far enough above that a slow, busy machine does not fail it (it was 500 ms).
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5), $"{TimeProvider.System.GetElapsedTime(started).TotalMilliseconds} ms");
        Assert.All(task.Parts, p => Assert.Equal(line.Substring(p.Start, p.Length), p.Text));
    }
}
