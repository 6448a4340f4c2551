using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// Questions about the list: "show my tasks", "what's left?" (pending), "what have I finished?" (completed),
/// "what's due today / this week?", "what's overdue?", "what's on my work list?", "show high priority tasks",
/// "search for dentist", "what did I finish yesterday?", "what's in home" (a tag), "sort by due date", "anything urgent?".
/// </summary>
internal sealed partial class ListSkill : Skill
{
    private static readonly HashSet<string> ShowWords =
        ["show", "list", "display", "view", "see", "what", "whats", "which", "how", "give", "tell", "get", "do", "any", "check", "read", "print", "where", "anything"];

    private static readonly HashSet<string> AboutTasks =
    [
        "task", "tasks", "todo", "todos", "list", "everything", "all", "left", "pending", "open", "remaining", "outstanding",
        "unfinished", "incomplete", "done", "finished", "completed", "complete", "did", "have", "anything", "items", "stuff",
        "agenda", "plate", "due", "overview", "progress", "next", "accomplished",
    ];

    private static readonly HashSet<string> PendingWords =
        ["left", "pending", "open", "remaining", "outstanding", "unfinished", "incomplete", "undone", "still", "next", "due", "upcoming", "active",
         "plate", "agenda"]; // "what's on my plate?": what is still to do

    private static readonly HashSet<string> CompletedWords =
        ["done", "finished", "completed", "complete", "did", "accomplished", "achieved", "closed", "checked"];

    private static readonly HashSet<string> NotTags = ["my", "the", "to-do", "to", "whole", "entire", "full", "your", "this", "that", "a", "task", "shopping-list"];

    // Words before "tasks" that choose tasks by something other than a tag: "my overdue tasks", "my urgent tasks".
    private static readonly HashSet<string> NotATag =
        ["overdue", "today", "todays", "tomorrow", "tomorrows", "high", "low", "medium", "urgent", "important", "recent", "new", "old", "other", "late",
         "current", "daily", "weekly", "repeating", "recurring", "first", "last", "next", "top"];

    private static readonly string[] NotDone = ["not done", "not finished", "not completed", "not complete", "not yet", "have to do", "need to do", "to do"];

    public override string Name => "list";

    public override int Precedence => 110;

    public override string Capability => "show, filter and search your tasks";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.ListTasks)];

    public override IReadOnlyList<string> Examples =>
        ["show my tasks", "what's left?", "what have I finished?", "what's due today?", "what's due this week?", "what's overdue?",
         "what's on my work list?", "show high priority tasks", "search for dentist", "what did I finish yesterday?", "show #home",
         "tasks due this week", "things to do tomorrow", "work tasks", "do I have anything about taxes?", "what's in home",
         "sort by due date", "sort my tasks by priority", "anything urgent?",
         "show home stuff", "am I free friday?", "wat's left"];

    /// <summary>"show …", "what …", "list …": the message asks to see something.</summary>
    public static bool StartsAsking(IReadOnlyList<string> words) => words.Count > 0 && ShowWords.Contains(words[0]);

    // A word that names tasks or a state of theirs ("tasks", "left", "done"), not what a task is about.
    private static bool NamesTasksOrState(string word) => AboutTasks.Contains(word) || PendingWords.Contains(word) || CompletedWords.Contains(word);

    // A word before "tasks" that may be a tag's name: not one that says which tasks otherwise ("open", "my", "overdue").
    private static bool MayBeTag(string word) => !NamesTasksOrState(word) && !NotTags.Contains(word) && !NotATag.Contains(word);

    /// <summary>"tasks", "things", "stuff": a word that names the list, as "tasks due friday" begins.</summary>
    public static bool NamesAList(string word) => word is "tasks" or "task" or "todos" or "todo" or "things" or "stuff" or "items" or "anything" or "everything" or "nothing" or "something";

    /// <summary>A word that says which tasks other than by a tag ("my", "to-do", "overdue", "urgent"): no list's name.</summary>
    public static bool NeverATag(string word) => NotTags.Contains(word) || NotATag.Contains(word);

    /// <summary>Words that only name tasks or their state ("finished tasks", "list"): no task's title.</summary>
    public static bool OnlyNamesTasks(IReadOnlyList<string> words) =>
        words.Count > 0 && words.All(w => AboutTasks.Contains(w) || TaskReference.StopWords.Contains(w) || w is "me" or "i");

    public override SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        var words = utterance.Words;
        if (words.Count == 0)
        {
            return null;
        }
        if (AskedInSoManyWords(utterance.Joined) is { } asked)
        {
            return asked;
        }
        // "what was the last task I added?", "what did I just add?", "show me my newest task".
        if (NewestQuestion().Match(text) is { Success: true } newest
            && (!newest.Groups["q"].Success || TaskReference.IsNewest(Phrase.Words(newest.Groups["q"].Value))))
        {
            return new ListRequest(ListStatus.All, new NewestFilter());
        }
        // "what's the oldest task?": the task still to do that was added first (before: "I found no task matching “oldest”").
        if (OldestQuestion().IsMatch(text))
        {
            return new ListRequest(ListStatus.Pending, new OldestFilter());
        }
        // "what's the note on it?", "what's the note on that?": the one task the conversation just named, with its
        // description, as "what's the note on the taxes?" shows it (before: not understood).
        if (TaskDetails().Match(text) is { Success: true } details && TaskReference.IsPronoun(details.Groups["q"].Value))
        {
            return utterance.Context.Chat.LastTaskId is { } it
                ? new ListRequest(ListStatus.All, new DetailsFilter(it))
                : new Say("Which task do you mean? Name it, for example “what's the note on the taxes?”.");
        }
        if (Search().Match(text) is { Success: true } search)
        {
            var query = Phrase.Unquote(search.Groups["q"].Value);
            return TaskReference.MeaningfulWords(Phrase.Words(query)).Count == 0 ? null : new ListRequest(ListStatus.All, new SearchFilter(query));
        }
        if (AboutOneTask(text) is { } aboutOne)
        {
            return aboutOne;
        }
        if (TagList().Match(text) is { Success: true } tagged && Markers.ListTag(tagged.Groups["tag"].Value) is { } tag && !OnlyNamesTasks([tag]) && !AboutTasks.Contains(tag) && !PendingWords.Contains(tag) && !NotTags.Contains(tag))
        {
            return new ListRequest(ListStatus.Pending, new TagFilter(tag));
        }
        // "what's in home", "what's in work": a tag's tasks, as "what's in #home" (a word alone after "in": "what's in the
        // fridge" is not a tag, nor "what's in march" or "what's in progress").
        if (InTag().Match(text) is { Success: true } inTag && inTag.Groups["tag"].Value.ToLowerInvariant() is var inWord
            && MayBeTag(inWord) && !NotAfterIn.Contains(inWord) && When.ParseWhole("in " + inWord, utterance.Context.Clock) is null && Markers.Tag(inWord) is { } inTagName)
        {
            return new ListRequest(ListStatus.Pending, new TagFilter(inTagName));
        }
        // "sort by due date", "sort my tasks by priority", "show my tasks by name" (before: offered as a task to add).
        if (SortBy().Match(text) is { Success: true } sortBy)
        {
            if (SortedFilter.OrderOf(sortBy.Groups["by"].Value) is { } order)
            {
                return new ListRequest(ListStatus.Pending, new SortedFilter(order));
            }
            if (sortBy.Groups["sort"].Success)
            {
                return new Say("I can sort your tasks by due date, priority or name: say “sort by due date”, “sort by priority” or “sort by name”.");
            }
        }
        // "have I got anything due today?" asks as "do I have …" does.
        var asks = ShowWords.Contains(words[0]) || words[0] is "is" or "are" or "anything" || words is ["have" or "got", "i" or "we", ..];
        if (FinishedWhen().Match(text) is { Success: true } finished)
        {
            return new ListRequest(ListStatus.Completed, new FinishedFilter(finished.Groups["when"].Value.ToLowerInvariant()));
        }
        // "how many tasks are overdue?", "how many overdue tasks do I have?": counted, and named when few (before: the
        // general summary).
        if (words is ["how", "many", ..] && words.Contains("overdue"))
        {
            return new ListRequest(ListStatus.Pending, new OverdueFilter { Counted = true });
        }
        if (asks && words.Contains("overdue") || words is ["overdue"] or ["overdue", "tasks"] || words.Contains("late") && asks)
        {
            return new ListRequest(ListStatus.Pending, new OverdueFilter());
        }
        // "anything due soon?", "what's coming up soon?": the next 7 days, as a task app's "upcoming" shows them (before: every
        // pending task).
        if (asks && words is [.., "soon"] && words.All(SoonQuestionWords.Contains))
        {
            return new ListRequest(ListStatus.Pending, new NextDaysFilter(7));
        }
        // "what's due in the next 3 days?", "anything in the next couple of weeks?": from today on (before: every pending task).
        if (NextDays().Match(text) is { Success: true } next
            && next.Groups["n"].Value.ToLowerInvariant() is var said
            && When.CountOf(said is "few" or "couple of" ? "a " + said : said) is var n and >= 1 and <= 366)
        {
            var days = next.Groups["unit"].Value.StartsWith('w') ? 7 * n : n;
            return days <= 366 ? new ListRequest(ListStatus.Pending, new NextDaysFilter(days)) : null;
        }
        // The day a question names ("what's on saturday?", "what's due by friday?"), read once for both uses below.
        var clock = utterance.Context.Clock;
        var onDay = OnDay().Match(text) is { Success: true } dayQuestion ? DayFilter.Of(dayQuestion.Groups["day"].Value, clock) : null;
        // "tasks due this week", "things to do tomorrow", "stuff for friday", "tasks due by friday": the list named first, then
        // when (before: not understood).
        if (ListThenWhen().Match(text) is { Success: true } listThenWhen && listThenWhen.Groups["when"].Value.ToLowerInvariant() is var listedWhen
            && (DueFilter.Ranges.Contains(listedWhen) ? new DueFilter(listedWhen) : DayFilter.Of(listedWhen, clock)) is { } listedSpan)
        {
            return new ListRequest(ListStatus.Pending, listedSpan);
        }
        // "what's due by tomorrow?", "anything before friday?": what is to be done by then, not that day's alone (read before
        // the spans by name, which would take "tomorrow" alone).
        if ((ToDoBy().Match(text) is { Success: true } toDo ? DayFilter.Of(toDo.Groups["day"].Value, clock) : onDay) is (ByFilter or AfterFilter) and { } byDay)
        {
            return new ListRequest(ListStatus.Pending, byDay);
        }
        // "this week's tasks", "show this week", "what's happening this week?" (before: not understood, or "week" searched for).
        var range = (asks || words[0] == "due") && DueRange().Match(text) is { Success: true } due ? due : RangeTasks().Match(text);
        if (range.Success)
        {
            return new ListRequest(ListStatus.Pending, new DueFilter(range.Groups["range"].Value.ToLowerInvariant()));
        }
        // "how's my week looking?", "how does tomorrow look?": that span's tasks (before: not understood).
        if (LooksLike().Match(text) is { Success: true } looks)
        {
            var span = looks.Groups["span"].Value.ToLowerInvariant();
            return new ListRequest(ListStatus.Pending, new DueFilter(span is "week" or "weekend" or "month" ? "this " + span : span));
        }
        // "what do I have this afternoon?", "anything this morning?": today's, as a day's list is (before: every task).
        if (asks && PartOfToday().IsMatch(text))
        {
            return new ListRequest(ListStatus.Pending, new DueFilter("today"));
        }
        // "what's on saturday?", "anything for friday?", "what do I have on 10 dec?": the tasks due that day.
        if (onDay is { } day)
        {
            return new ListRequest(ListStatus.Pending, day);
        }
        // "show my travel tasks", "what are my work tasks?": a tag, unless the word says which tasks otherwise ("my open tasks").
        if (MyTagTasks().Match(text) is { Success: true } mine && mine.Groups["tag"].Value.ToLowerInvariant() is var word
            && MayBeTag(word) && Markers.Tag(word) is { } myTag)
        {
            return new ListRequest(ListStatus.Pending, new TagFilter(myTag));
        }
        // "work tasks", "home stuff", "show home stuff": a tag named before the list, said without "my" (before: not
        // understood, or every task shown).
        if (TagThenList().Match(text) is { Success: true } tagThenList && tagThenList.Groups["tag"].Value.ToLowerInvariant() is var tagWord
            && MayBeTag(tagWord) && !ShowWords.Contains(tagWord) && !TaskReference.StopWords.Contains(tagWord) && tagWord is not ("more" or "some" or "any" or "no" or "few" or "many" or "these" or "those" or "other" or "all")
            && Markers.Tag(tagWord) is { } namedTag)
        {
            return new ListRequest(ListStatus.Pending, new TagFilter(namedTag));
        }
        // "urgent tasks", "my urgent stuff": asked without a question's words.
        if (words.Where(w => w is not ("my" or "the" or "any" or "all")).ToList() is ["urgent", var noun] && NamesAList(noun))
        {
            return new ListRequest(ListStatus.Pending, new UrgentFilter());
        }
        if (asks && PriorityList().Match(text) is { Success: true } priority)
        {
            // "anything urgent?", "what's urgent?": overdue, due today or high priority (not "urgent priority", which is high).
            if (priority.Groups["level"].Value.Equals("urgent", StringComparison.OrdinalIgnoreCase) && !priority.Value.Contains("priority", StringComparison.OrdinalIgnoreCase))
            {
                return new ListRequest(ListStatus.Pending, new UrgentFilter());
            }
            return new ListRequest(ListStatus.Pending, new PriorityFilter(Markers.Normalize(priority.Groups["level"].Value)));
        }
        var namesTasks = OnlyNamesTasks(words);
        // "show shopping", "list groceries", "show me dentist": words that name no state, day or priority are searched for in
        // the titles, descriptions and tags, as the search box does (before, "show shopping" was not understood).
        if (!namesTasks && words is ["show" or "list" or "display", _, ..]
            && TaskReference.MeaningfulWords(words.Skip(words[1] == "me" ? 2 : 1)) is { Count: > 0 and <= 4 } sought
            && !sought.Any(w => NamesTasksOrState(w) || w is "me" or "i"))
        {
            return new ListRequest(ListStatus.All, new SearchFilter(string.Join(' ', sought)));
        }
        return (asks && (words.Count == 1 || words.Any(AboutTasks.Contains))) || namesTasks ? new ListRequest(Status(words), null) : null;
    }

    private static string Status(IReadOnlyList<string> words)
    {
        var sentence = " " + string.Join(' ', words) + " ";
        if (NotDone.Any(phrase => sentence.Contains(" " + phrase + " ", StringComparison.Ordinal)) || words.Any(PendingWords.Contains))
        {
            return ListStatus.Pending;
        }
        if (words.Any(CompletedWords.Contains))
        {
            return ListStatus.Completed;
        }
        // "how many tasks do I have?" counts what is still to do, as a task app's badge does.
        return words is ["how", "many", ..] ? ListStatus.Pending : ListStatus.All;
    }

    // The question asked with "did" first: "which task did I add last?" would otherwise be read as a "which" with its words.
    [GeneratedRegex(@"^(?:what|which(?:\s+(?:task|one|thing))?)\s+did\s+(?:i|you)\s+(?:just\s+)?(?:add|create|make)(?:\s+(?:last|just now))?$|^(?:(?:what|which)(?:'s|s| is| was)?|show(?:\s+me)?|tell me|open|find)\s+(?<q>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewestQuestion();

    [GeneratedRegex(@"^(?:(?:do i have|have i got|is there|are there)\s+(?=(?:anything|any tasks?|something)\s+(?:about|mentioning|to do with|related to|on the subject of)\b))?(?:search my tasks for|find the tasks about|which tasks mention|tasks mentioning|find tasks about|(?:any|a) tasks? (?:about|mentioning|to do with|related to)|(?:anything|something) (?:about|mentioning|to do with|related to)|search for|tasks about|look for|look up|find me|search|find)\s+(?<q>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Search();

    // "what's the oldest task?", "which is my oldest task?", "show me the oldest one", "oldest task?", "what's the oldest
    // thing on my list?".
    [GeneratedRegex(@"^(?:(?:what(?:'s|s| is)|which(?:'s|s| is)|show(?:\s+me)?|tell\s+me)\s+)?(?:my\s+|the\s+)?oldest\s+(?:pending\s+)?(?:task|one|to-?do|thing|item)(?:\s+(?:on\s+my\s+list|i\s+have|to\s+do|still\s+to\s+do|left|i\s+still\s+have))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OldestQuestion();

    // "sort by due date", "sort my tasks by priority", "order the list alphabetically", "show my tasks sorted by name", "my
    // tasks by priority": "sort" said (the group), an order that is not one is answered with those there are.
    [GeneratedRegex(@"^(?:(?<sort>sort|order|arrange|organi[sz]e)\s+(?:(?:all\s+)?(?:of\s+)?(?:my|the)\s+)?(?:(?:tasks|to-?dos|list|things|items|them)\s+)?|(?:(?:show|list|display)(?:\s+me)?\s+)?(?:(?:all\s+)?(?:of\s+)?(?:my|the)\s+)?(?:tasks|to-?dos|list|things|items)\s+(?:(?<sort>sorted|ordered)\s+)?)(?:by\s+(?<by>.+?)|(?<by>alphabetically))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SortBy();

    [GeneratedRegex(@"\b(?<level>high|low|medium|urgent|important|top)\b(?:[\s-]+priority)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriorityList();
}
