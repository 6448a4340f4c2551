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

    // After a list that said there are more.
    private static readonly HashSet<string> MoreWords =
    [
        "more", "show more", "show me more", "more please", "next", "next page", "next ones", "show the next ones", "the rest",
        "show the rest", "show me the rest", "and the rest", "continue", "keep going", "go on", "what else", "what else is there", "others",
        "the others", "show the others",
    ];

    // Words before "tasks" that choose tasks by something other than a tag: "my overdue tasks", "my urgent tasks".
    private static readonly HashSet<string> NotATag =
        ["overdue", "today", "todays", "tomorrow", "tomorrows", "high", "low", "medium", "urgent", "important", "recent", "new", "old", "other", "late",
         "current", "daily", "weekly", "repeating", "recurring", "first", "last", "next", "top"];

    private static readonly HashSet<string> ReminderQuestions =
    [
        "what reminders do i have", "what reminders have i got", "what reminders have i set", "what reminders are set", "what are my reminders",
        "show my reminders", "show me my reminders", "show reminders", "show all reminders", "show all my reminders", "list my reminders",
        "list reminders", "list all reminders", "my reminders", "reminders", "any reminders", "do i have any reminders", "which reminders do i have",
        "which tasks have reminders", "which tasks have a reminder", "what tasks have reminders", "show tasks with reminders", "tasks with reminders",
    ];

    private static readonly HashSet<string> RepeatQuestions =
    [
        "what repeats", "which tasks repeat", "what tasks repeat", "which of my tasks repeat", "what is repeating", "whats repeating",
        "which tasks are repeating", "which tasks are recurring", "what are my repeating tasks", "what are my recurring tasks",
        "show my repeating tasks", "show me my repeating tasks", "show repeating tasks", "show recurring tasks", "show my recurring tasks",
        "list my repeating tasks", "list repeating tasks", "list recurring tasks", "my repeating tasks", "my recurring tasks",
        "repeating tasks", "recurring tasks", "do i have any repeating tasks", "do i have any recurring tasks", "what do i have that repeats",
    ];

    private static readonly HashSet<string> TagsQuestions =
    [
        "what tags do i have", "which tags do i have", "what tags have i got", "what tags am i using", "which tags do i use", "what tags do i use",
        "what are my tags", "show my tags", "show me my tags", "show tags", "show all tags", "show all my tags", "list my tags", "list tags",
        "list all tags", "my tags", "tags", "all my tags", "what labels do i have", "show my labels", "list my labels", "my labels",
    ];

    // The tasks still to do with no due date (before: every pending task listed, or "undated" read as a tag).
    private static readonly HashSet<string> NoDueDateQuestions =
    [
        "tasks without a date", "tasks without a due date", "tasks with no date", "tasks with no due date", "which tasks have no due date",
        "which tasks have no date", "what tasks have no due date", "which tasks dont have a due date", "what tasks dont have a due date",
        "which tasks dont have a date", "anything without a due date", "anything without a date", "what has no due date", "what has no date",
        "what doesnt have a due date", "what doesnt have a date", "what havent i scheduled", "what isnt scheduled", "whats not scheduled",
        "whats unscheduled", "what is unscheduled", "unscheduled tasks", "undated tasks", "show undated tasks", "show unscheduled tasks",
        "show my undated tasks", "show tasks without a due date", "show tasks without a date", "show tasks with no due date",
        "show me tasks without a due date", "list tasks without a due date", "what do i have without a date", "what do i have without a due date",
        "whats undated", "what is undated", "what hasnt got a due date", "what hasnt got a date",
    ];

    // "anything due soon?", "what do I have coming up soon?": every word one of these, so "is the milk due soon?" names a task.
    private static readonly HashSet<string> SoonQuestionWords =
        ["what", "whats", "is", "are", "anything", "any", "there", "tasks", "things", "stuff", "due", "coming", "up", "happening", "do", "i", "have",
         "got", "show", "me", "my", "list", "soon"];

    // Words after "what's in" that are no tag's name: "what's in there?", "what's in it?", "what's in store?".
    private static readonly HashSet<string> NotAfterIn = ["there", "here", "it", "that", "this", "them", "store", "stock", "mind", "general", "total", "case", "time", "front"];

    // Words of a "when is …" question that say which occurrence or what kind of thing, not what its title says.
    private static readonly HashSet<string> WhenNotTitle = ["next", "upcoming", "session", "appointment"];

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

    /// <summary>
    /// "show more" continues the plain list the previous turn showed, when it had more. "how about next week?", "and
    /// tomorrow?", "what about saturday?" after a question about a span of days asks the same of another span.
    /// </summary>
    public override SkillRequest? ReadAnswer(Utterance utterance, PastTurn previous)
    {
        if (MoreWords.Contains(utterance.Joined))
        {
            return MoreRequest.After(previous);
        }
        // The span first: the earlier turns are read again only for a message that is one.
        return FollowUp().Match(utterance.Text) is { Success: true } followUp && followUp.Groups["span"].Value.ToLowerInvariant() is var span
            && IsSpan(span, utterance.Context.Clock) && SpanQuestion(utterance.Context) is { } asked
            ? Span(span, asked, utterance.Context.Clock)
            : null;
    }

    // The question about a span the conversation's last turns asked, through the follow-ups after it ("what's due this
    // week?", "and tomorrow?", "what about saturday?"): null when the previous turn was neither.
    private ListRequest? SpanQuestion(AgentContext context)
    {
        foreach (var turn in context.Chat.Earlier.Reverse().Take(10))
        {
            var said = Utterances.From(turn.UserText, context);
            if (Read(said) is ListRequest { Filter: DueSpanFilter or FinishedFilter } asked)
            {
                return asked;
            }
            if (FollowUp().Match(said.Text) is not { Success: true } followUp || !IsSpan(followUp.Groups["span"].Value.ToLowerInvariant(), context.Clock))
            {
                return null;
            }
        }
        return null;
    }

    private static bool IsSpan(string span, UserClock clock) =>
        DueFilter.Ranges.Contains(span) || span is "yesterday" or "last week" || When.ParseWhole(span, clock) is { DayFromTime: false, Time: null };

    // The span a follow-up names, asked as the earlier question asked: finished then, or due then.
    private static ListRequest? Span(string span, ListRequest asked, UserClock clock)
    {
        if (asked.Filter is FinishedFilter)
        {
            return span is "yesterday" or "today" or "this week" or "last week" ? asked with { Filter = new FinishedFilter(span) } : null;
        }
        if (DueFilter.Ranges.Contains(span))
        {
            return asked with { Filter = new DueFilter(span) };
        }
        return DayFilter.Of(span, clock) is { } said ? asked with { Filter = said } : null;
    }

    public override SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        var words = utterance.Words;
        if (words.Count == 0)
        {
            return null;
        }
        if (ReminderQuestions.Contains(utterance.Joined))
        {
            return new ListRequest(ListStatus.Pending, new ReminderFilter());
        }
        if (RepeatQuestions.Contains(utterance.Joined))
        {
            return new ListRequest(ListStatus.Pending, new RepeatFilter());
        }
        if (TagsQuestions.Contains(utterance.Joined))
        {
            return new ListRequest(ListStatus.Pending, new TagsFilter());
        }
        if (NoDueDateQuestions.Contains(utterance.Joined))
        {
            return new ListRequest(ListStatus.Pending, new NoDueDateFilter());
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
        // "what's the priority of the taxes?", "how important is the taxes?": that task's priority in a sentence (before: not
        // understood, or the high priority tasks listed).
        if (PriorityOf().Match(text) is { Success: true } priorityOf
            && TaskReference.MeaningfulWords(Phrase.Words(priorityOf.Groups["q"].Value)) is { Count: > 0 } ofTask && !ofTask.All(NamesTasksOrState))
        {
            return new ListRequest(ListStatus.All, new SearchFilter(string.Join(' ', ofTask)) { AsksPriority = true });
        }
        // A question about one task ("when is the dentist?", "show me the plumber task") names it as people do, not as its
        // title reads ("Dentist appointment"): its meaningful words are searched, each of which the title must have.
        var whenIs = WhenIs().Match(text);
        // "show details of the taxes", "tell me about the taxes", "what's the note on the taxes?": the same (before: a task
        // “Details of the taxes” offered, or not understood).
        // "when's mom's call?": the possessive's "s" is no part of what the title says (“Call mom”), and a search for "moms"
        // finds no "mom" (before: "I found no task matching “moms call”").
        if ((whenIs.Success ? whenIs : OneTask().Match(text) is { Success: true } one ? one : TaskDetails().Match(text)) is { Success: true } question
            && TaskReference.MeaningfulWords(Phrase.Words(Possessive().Replace(question.Groups["q"].Value, ""))) is { Count: > 0 } named
            && !named.All(w => NamesTasksOrState(w) || w is "first" or "last" or "most" or "important" or "urgent" or "top"))
        {
            if (whenIs.Success && named.Where(w => !WhenNotTitle.Contains(w)).ToList() is { Count: > 0 } kept)
            {
                named = kept; // "when's my next gym session?": the gym, whose next occurrence is the one still to do.
            }
            return new ListRequest(ListStatus.All, new SearchFilter(string.Join(' ', named), AsksWhen: whenIs.Success));
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

    // "when is dinner with sam?", "when's the dentist due": the tasks those words find, each with its due date.
    // "when do I have to call mom?", "when should I file taxes?": the task named by what is to be done.
    [GeneratedRegex(@"^(?:when(?:'s|s| is| are| was| were)|what day is|what time is|when\s+(?:do|should|must)\s+(?:i|we)(?:\s+(?:have|need|got)\s+to|\s+gotta)?)\s+(?<q>.+?)(?:\s+(?:due|happening|again|by))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhenIs();

    // "mom's", "the plumber's": the "'s" of a possessive.
    [GeneratedRegex(@"(?<=\p{L})'s\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"^(?:what(?:'s|s| is)\s+the\s+priority\s+(?:of|on|for)|what\s+priority\s+(?:is|has)|how\s+(?:important|urgent)\s+is)\s+(?<q>.+?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriorityOf();

    // "show me the plumber task", "what's the plumber one about?": one task, not the whole list.
    [GeneratedRegex(@"^(?:(?:show|find|open|get|display)(?:\s+me)?|what(?:'s|s| is)|whats)\s+(?:the|my)\s+(?<q>.+?)\s+(?:task|one|todo|item)(?:\s+about)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OneTask();

    // "what's the oldest task?", "which is my oldest task?", "show me the oldest one", "oldest task?", "what's the oldest
    // thing on my list?".
    [GeneratedRegex(@"^(?:(?:what(?:'s|s| is)|which(?:'s|s| is)|show(?:\s+me)?|tell\s+me)\s+)?(?:my\s+|the\s+)?oldest\s+(?:pending\s+)?(?:task|one|to-?do|thing|item)(?:\s+(?:on\s+my\s+list|i\s+have|to\s+do|still\s+to\s+do|left|i\s+still\s+have))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OldestQuestion();

    // "show details of the taxes", "info on the taxes", "tell me about the taxes", "more about the taxes", "what's the note on
    // the taxes?", "what are the details of the taxes task?", "what does the taxes note say?": one task, with its description.
    [GeneratedRegex(@"^(?:(?:(?:show|give|tell|get)(?:\s+me)?\s+)?(?:all\s+)?(?:the\s+)?(?:details|detail|info|information|notes?|description)\s+(?:of|on|for|about|in)|(?:tell\s+me\s+)?(?:more\s+)?about|what(?:'s|s| is| are)\s+(?:the\s+)?(?:details|notes?|description|info)\s+(?:of|on|for|in))\s+(?!(?:yourself|you|taskchat)$)(?<q>.+?)(?:\s+(?:task|one|todo|item))?$|^what\s+does\s+(?:the|my)\s+(?<q>.+?)\s+(?:note|description)\s+say$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TaskDetails();

    [GeneratedRegex(@"^(?:(?:what'?s|what is|show|show me|list|display|whats|how many)\s+)?(?:(?:on|in)\s+)?(?:(?:my|the)\s+)?(?:#(?<tag>[\w-]+)(?:\s+(?:tasks|list|items))?|(?<tag>[\w-]+(?:\s+[\w-]+)?)\s+list|(?:all\s+(?:(?:my|the)\s+)?)?(?:tasks|items|everything|anything|things|stuff)\s+(?:are\s+|is\s+|that'?s\s+|that\s+(?:is|are)\s+|do\s+i\s+have\s+)?(?:tagged|labelled|labeled)\s+(?:as\s+)?#?(?<tag>[\w-]+)|tagged\s+#?(?<tag>[\w-]+))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagList();

    [GeneratedRegex(@"^(?:what'?s|what is|whats|show(?:\s+me)?\s+what'?s)\s+in\s+#?(?<tag>\p{L}[\p{L}\p{N}_-]{0,31})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InTag();

    // "sort by due date", "sort my tasks by priority", "order the list alphabetically", "show my tasks sorted by name", "my
    // tasks by priority": "sort" said (the group), an order that is not one is answered with those there are.
    [GeneratedRegex(@"^(?:(?<sort>sort|order|arrange|organi[sz]e)\s+(?:(?:all\s+)?(?:of\s+)?(?:my|the)\s+)?(?:(?:tasks|to-?dos|list|things|items|them)\s+)?|(?:(?:show|list|display)(?:\s+me)?\s+)?(?:(?:all\s+)?(?:of\s+)?(?:my|the)\s+)?(?:tasks|to-?dos|list|things|items)\s+(?:(?<sort>sorted|ordered)\s+)?)(?:by\s+(?<by>.+?)|(?<by>alphabetically))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SortBy();

    [GeneratedRegex(@"\b(?:did i|have i|i)\s+(?:finish|finished|complete|completed|do|done|get done|tick off|check off)\b.*\b(?<when>yesterday|today|this week|last week)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FinishedWhen();

    [GeneratedRegex(@"\b(?:due|for|have|on my plate|to do|on|about|happening|planned|scheduled|coming up|going on)\b.*?\b(?<range>" + DueFilter.RangePattern + @")\b|^(?<range>today|tomorrow)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DueRange();

    // A span named as a list: "this week's tasks", "today's to-dos", "show this week", "show me all of next week's tasks".
    [GeneratedRegex(@"^(?:(?:show|list|display)(?:\s+me)?\s+(?:(?:all\s+)?(?:of\s+)?(?:my|the)\s+)?(?<range>" + DueFilter.RangePattern + @")(?:'s|s)?(?:\s+" + ListNouns + @")?|(?:(?:all\s+)?(?:of\s+)?(?:my|the)\s+)?(?<range>" + DueFilter.RangePattern + @")(?:'s|s)?\s+" + ListNouns + @")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeTasks();

    private const string ListNouns = @"(?:tasks|to-?dos|items|things|stuff|list|plan|agenda|schedule)";

    // How a question about days begins: "what's …", "do I have anything …", "show me …".
    // "am I free friday?", "am I busy tomorrow?": what that day holds (before: not understood).
    private const string DayQuestion = @"(?:what(?:'s|s| is)|whats|what do i have|what have i got|do i have anything|is there anything|anything|show(?:\s+me)?|list|am i (?:free|busy)|how busy am i)";

    [GeneratedRegex("^" + DayQuestion + @"\b.*?\b(?:in\s+|for\s+|over\s+|within\s+)?the\s+(?:next|coming)\s+(?<n>\d{1,3}|two|three|four|five|six|seven|ten|a few|a couple of|few|couple of)\s+(?<unit>days|weeks)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextDays();

    [GeneratedRegex("^" + DayQuestion + @"\s+(?:(?:due|planned|scheduled|happening|on|for)\s+)*(?<day>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnDay();

    [GeneratedRegex(@"^(?:how(?:'s|s| is| does)|what does)\s+(?:(?:my|the)\s+)?(?<span>today|tomorrow|tonight|week|weekend|month|this week|this weekend|this month|next week|next month)(?:\s+(?:look|looking|look like|looking like|shaping up))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksLike();

    [GeneratedRegex(@"\b(?:this|later this)\s+(?:morning|afternoon|evening)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartOfToday();

    // "what do I need to do by friday?", "what needs doing before monday?", "what's left by friday?", "tasks due by friday",
    // "due by friday": what is to be done by a day, asked in other words than OnDay's ("what did I get done by…" is not).
    [GeneratedRegex(@"^(?!.*\bdid\b)(?:(?:what|which|anything|tasks?|things?)\b.*?\b(?:due|to do|to finish|to get done|to be done|doing|done|left|need|needs|have|got)|due)\s+(?<day>(?:by|before|until|till|after)\s+.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToDoBy();

    // After a question about a span: "how about next week", "what about tomorrow", "and on saturday" ("and" is dropped as a
    // filler before this is read), "next week then".
    [GeneratedRegex(@"^(?:(?:how|what)\s+about\s+)?(?:(?:for|on)\s+)?(?<span>.+?)(?:\s+then)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowUp();

    [GeneratedRegex(@"^(?:show(?:\s+me)?|list|display|what are|what(?:'s|s| is)|whats)\s+(?:all\s+)?(?:of\s+)?(?:my|the)\s+(?<tag>[\w-]+)\s+(?:tasks|items|todos|to-dos|things|stuff)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MyTagTasks();

    [GeneratedRegex(@"^(?:(?:show(?:\s+me)?|list|display)\s+)?(?<tag>[\w-]+)\s+(?:tasks|items|todos|to-dos|things|stuff)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagThenList();

    [GeneratedRegex(@"^(?:(?:all\s+)?(?:of\s+)?(?:my|the)\s+)?(?:tasks|to-?dos|things|stuff|items)(?:\s+(?:i\s+have|i've\s+got|ive\s+got|left|still))?(?:\s+(?:to\s+do|to\s+get\s+done|due|for|on|planned|scheduled|happening|coming\s+up))*\s+(?<when>.+?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListThenWhen();

    [GeneratedRegex(@"\b(?<level>high|low|medium|urgent|important|top)\b(?:[\s-]+priority)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriorityList();
}
