using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "add buy milk", "remind me to call mom tomorrow at 5pm" (a due time and a reminder), "add eggs, bread and milk"
/// (three tasks), "add salt and pepper" (one: nothing says they are separate), "add pay rent by friday !!",
/// "water the plants every 3 days", "add call Bob with description about the offer", "add file taxes #home".
/// </summary>
internal sealed partial class AddSkill : Skill
{
    // "don't forget eggs" (AddSkill.DontForget.cs): declared before the lists that hold it, which are made in this order.
    private static readonly string[] DontForget =
        ["don't forget", "dont forget", "do not forget", "don't let me forget", "dont let me forget", "don't forget about", "dont forget about", "do not forget about"];

    private static readonly string[] Verbs =
    [
        "add", "add a task", "add task", "add a new task", "add new task", "add an item", "add item", "add a reminder",
        "create", "create a task", "create task", "create a new task", "create new task", "make a task", "make a new task",
        "new task", "new todo", "new to-do", "new reminder", "remind me to", "remind me about", "remind me that", "remind me",
        "i need to", "i have to", "i must", "i should", "i gotta", "i've got to", "i got to", "don't forget to",
        "dont forget to", "don't let me forget to", "dont let me forget to", .. DontForget, "remember to", "need to", "note to self", "put", "jot down", "write down",
        "note down", "todo:", "to do:", "to-do:", "task:", "note:", "reminder:", "schedule",
    ];

    private static readonly string[] HaveSomething = ["i have", "i've got", "i have got", "ive got", "i got", "there's", "there is"];

    // "I have a lot to do tomorrow", "tomorrow I have a cold": how their day is, not something to do.
    private static readonly string[] NotAThingToDo = ["lot", "lots", "bit", "busy", "cold", "flu", "fever", "headache"];

    private static readonly string[] RemindVerbs = ["remind me to", "remind me about", "remind me that", "remind me", "add a reminder", "new reminder", "reminder:", .. DontForget];

    private static readonly string[] Naming = ["called", "named", "titled", "to", "that says", "saying"];

    private static readonly string[] ToTheList =
    [
        "to my list", "to the list", "to my tasks", "to my task list", "to my to-do list", "to my todo list", "to my to do list",
        "to the task list", "to list", "on my list", "on the list", "as a task", "as a new task", "as well", "too",
    ];

    private static readonly string[] DescriptionMarkers =
    [
        "with description", "with the description", "with a description", "with details", "with the details", "with a note",
        "with note", "with notes", "with the note", "description:", "details:", "notes:", "note:",
    ];

    public override string Name => "add";

    public override int Precedence => 90;

    public override string Capability => "add tasks, with a due date, priority, tags or a repeat";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.AddTask)];

    public override IReadOnlyList<string> Examples =>
    [
        "add buy milk", "remind me to call mom tomorrow at 5pm", "add eggs, bread and milk", "add salt and pepper",
        "add pay rent by friday", "add renew passport high priority", "add file taxes #home", "water the plants every 3 days",
        "add call Bob with description about the offer", "I need to renew my passport", "add buy milk, not oat milk",
        "every monday take out the trash",
        "add buy milk - not oat milk", "add to my shopping list: eggs, bread", "add tomorrow: eggs, bread", "put eggs on the shopping list",
        "call mom every sunday at 5pm", "make the taxes monthly", "ok add eggs then", "add eggs and mark it done", "need to buy eggs",
    ];

    /// <summary>True when the text starts as an add does ("add …", "remind me to …", "I need to …").</summary>
    public static bool StartsWithVerb(string text) => Phrase.TryStripStart(text, Verbs, out _);

    /// <summary>
    /// "yes" to "Should I add “Call the client” as a task?" (the offer for a message that looked like a task): that message
    /// added, read as if it had begun with "add" (its date and all).
    /// </summary>
    public override SkillRequest? ReadAnswer(Utterance utterance, PastTurn previous) =>
        Phrase.IsYes(utterance.Raw) && Fallback.Offered(previous.Reply) is { } offered ? Read(Utterances.From(offered, utterance.Context)) : null;

    public override SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        var clock = utterance.Context.Clock;
        // "add eggs and mark it done", "add eggs. also delete": a second request after the add is no part of the task
        // (before, “Eggs. also delete the garage” was added). Two requests that each name their task are both done
        // (TwoRequests, read before the skills); one that points back at the first, or names nothing, is named to be
        // said on its own.
        if (Phrase.TryStripStart(text, Verbs, out _) && SecondRequest().Match(text) is { Success: true } two)
        {
            return new Say($"That's two requests, and I do both at once only when each names its own task: say “{two.Groups["first"].Value.TrimEnd('.', ',', ';', '!')}” first, then “{two.Groups["second"].Value}”.");
        }
        var repeatOnly = false;
        string? priority = null;
        // "urgent: call the insurance" is an urgent task to add.
        if (Phrase.TryStripStart(text, ["urgent:", "urgent!", "important:", "asap:"], out var urgent))
        {
            (text, priority) = (urgent, TaskPriorities.High);
            if (!Phrase.TryStripStart(text, Verbs, out _))
            {
                text = "add " + text;
            }
        }
        // "I have a report due friday", "I've got a dentist appointment tomorrow at 3", "there's a team lunch on thursday":
        // something with a day to remember is a task (its article dropped), where "I have a cold" is not. The day may come
        // first ("tomorrow I have a dentist appointment at 3pm"; a question is not a task).
        // The message with its leading when moved to the end, read once for this and for the verb after a when below; not
        // for a message that starts with a verb, which reads its own ("add tomorrow call mom").
        var whenLast = utterance.IsQuestion || Phrase.TryStripStart(text, Verbs, out _) ? null : LeadingWhen.MovedToEnd(text, clock);
        if ((Phrase.TryStripStart(text, HaveSomething, out var had) || (whenLast is not null && Phrase.TryStripStart(whenLast, HaveSomething, out had)))
            && Phrase.TryStripStart(had, ["a", "an", "my", "the", "this", "that"], out var thing) && !Phrase.TryStripStart(thing, NotAThingToDo, out _)
            && When.TryExtract(thing, clock, out var before, out _) && before.Length > 0)
        {
            text = "add " + thing;
        }
        if (Phrase.TryStripStart(text, Verbs, out var rest))
        {
            rest = LeadingWhen.MovedToEnd(rest, clock) ?? rest; // "add tomorrow call mom"
        }
        // A question is not a task: "tomorrow I need to do what?".
        else if ((whenLast ?? text) is var everyday && Phrase.TryStripStart(everyday, Verbs, out rest))
        {
            text = everyday; // "tomorrow remind me to call mom", "tomorrow I need to call the bank"
        }
        else
        {
            // "water the plants every 3 days", "every monday take out the trash", "each morning stretch": an everyday task
            // with a repeat needs no "add".
            if (Phrase.Words(everyday) is not [var first, ..] || !Agent.Verbs.IsImperative(first)
                || !Repeats.TryExtract(EveryPartOfDay().Replace(everyday, "every day"), out _, out var everydayRepeat, timeAfter: true) || everydayRepeat.Implied)
            {
                return null;
            }
            (rest, repeatOnly) = (everyday, true);
        }
        // "don't forget the eggs": the eggs (“Eggs”), as "remind me about the dentist" is the dentist.
        if (SaidAsDontForget(text) && Phrase.TryStripStart(rest, ["the", "my", "about the", "about my", "about"], out var unarticled) && unarticled.Length > 0)
        {
            rest = unarticled;
        }
        // "schedule a haircut for tuesday", "schedule the dentist for friday": the article goes with the verb, and the task is
        // the haircut, the dentist.
        if (Phrase.TryStripStart(text, ["schedule"], out _) && Phrase.TryStripStart(rest, ["a", "an", "the"], out var scheduled))
        {
            rest = scheduled;
        }
        // "remind me to stretch every hour": a task repeats every day at most (the task service's rule), said rather than
        // added as a task titled "Stretch every hour".
        if (EveryHour().Match(rest) is { Success: true } hourly && Phrase.Capitalize(rest[..hourly.Index].Trim()) is { Length: > 0 } what)
        {
            return new Say($"Tasks repeat every day at most, so I can't make “{what}” repeat every {(hourly.Groups["unit"].Value.StartsWith("h", StringComparison.OrdinalIgnoreCase) ? "hour" : "few minutes")}. " +
                $"You could add it for set times of the day, for example “add {what.ToLowerInvariant()} every day at 10am”.");
        }
        var remind = !repeatOnly && Phrase.TryStripStart(text, RemindVerbs, out _);
        // "remind me every morning to take vitamins", "remind me tomorrow to call mom": when first, then what.
        if (remind && WhenFirst().Match(rest) is { Success: true } whenFirst)
        {
            rest = whenFirst.Groups["what"].Value + " " + whenFirst.Groups["when"].Value;
        }
        // "every morning" is every day in the morning (a repeat, then its time of day).
        rest = EveryPartOfDay().Replace(rest, m => "every day " + (m.Groups["part"].Value.Equals("night", StringComparison.OrdinalIgnoreCase) ? "at 8pm" : "in the " + m.Groups["part"].Value));
        if (Phrase.TryStripStart(rest, ToTheList, out var afterList))
        {
            rest = afterList;
        }
        Phrase.TryStripStart(rest, Naming, out rest);
        // "add 3 things: milk, eggs, bread", "add the following: …": the words before the colon announce the list.
        if (ListIntro().Match(rest) is { Success: true } intro)
        {
            rest = rest[intro.Length..];
        }
        // "add tomorrow: eggs, bread", "add for friday: …": a date before the colon is when the items are due (before,
        // “Tomorrow: eggs” was a task's title).
        Due? headingDue = null;
        if (DateHeading().Match(rest) is { Success: true } dated && When.ParseWhole(dated.Groups["when"].Value, clock) is { } headingDate)
        {
            (rest, headingDue) = (rest[dated.Length..], headingDate);
        }
        // "add groceries: eggs, bread, cheese", "add party list: balloons, cake", "add to my shopping list: eggs, bread", "add
        // for the party: balloons, cake": one word before the colon of a list names what the items are for, and tags each
        // (before, “Groceries: eggs” was one task and “Bread” and “Cheese” others; "to my shopping list" stayed in the title).
        // "list" said makes one item enough. A date there is not a name, nor is a word for tasks ("add todo: milk, eggs",
        // "add to my to-do list: …"), which only announces the items.
        string? headingTag = null;
        if (headingDue is null && ListHeading().Match(rest) is { Success: true } heading)
        {
            headingTag = ListName(heading, clock);
            if (headingTag is not null || ListSkill.OnlyNamesTasks([heading.Groups["name"].Value.ToLowerInvariant()]))
            {
                rest = rest[heading.Length..];
            }
        }
        Phrase.TryStripEnd(rest, ToTheList, out rest);
        // "add eggs, bread to my shopping list": the list named at the end tags each, as one named before a colon does.
        headingTag ??= TrailingListTag(ref rest, clock);

        // "add the dentist monday at 3pm and remind me the day before": a reminder before the due time, not a second task.
        (string Iso, string Words)? remindBefore = null;
        if (ReminderSkill.TrailingBefore().Match(rest) is { Success: true, Index: > 0 } clause && ReminderSkill.Offset(clause) is { } offset)
        {
            (rest, remindBefore) = (rest[..clause.Index].TrimEnd(), offset);
        }

        string? description = null;
        if (Phrase.TrySplit(rest, DescriptionMarkers, out var titlePart, out var descriptionPart))
        {
            rest = titlePart;
            description = Phrase.Unquote(descriptionPart) is { Length: > 0 } d ? d : null;
        }

        // "add buy milk - not oat milk": the words after a spaced dash say more about the one task (its description), so
        // neither a "not" nor a comma after it starts another.
        var quoted = Phrase.QuotedSegments(rest).Count > 0;
        var dashed = description is null && !quoted && TasksInOneAdd.TrySplitDash(rest, clock, out _, out _);
        if (description is null && !dashed && !quoted)
        {
            rest = TasksInOneAdd.WithoutNotClauses(rest, clock);
        }
        var tagsOfEach = description is null && !dashed ? TasksInOneAdd.TagsOfEach(rest) : null;

        var words = TaskWords.Read(rest, clock, priority);
        (rest, priority) = (words.Rest, words.Priority);
        var (tags, due, repeat) = (words.Tags, words.Due, words.Repeat);
        if (priority is null && Markers.TrailingBangs(utterance.Raw) is not null)
        {
            priority = TaskPriorities.High;
        }
        Phrase.TryStripEnd(rest, ToTheList, out rest);
        headingTag ??= TrailingListTag(ref rest, clock);
        // "add milk again", "add call mom again tomorrow": the task once more, not “Milk again”; and no "you already had
        // one" after it, since they said so. Not when only a verb is left, whose "again" is the task ("add try again").
        var again = Phrase.TryStripEnd(rest, ["again", "once more"], out var withoutAgain) && withoutAgain.Length > 0
            && !(Phrase.Words(withoutAgain) is [var only] && only is "try" or "start" or "begin" or "do" or "check" or "ask" or "call" or "test" or "run");
        if (again)
        {
            rest = withoutAgain;
        }
        // Split after the date, tags and priority at the end were read, so those stay the task's ("add call Bob - re:
        // contract friday" is due Friday).
        if (dashed && TasksInOneAdd.TrySplitDash(rest, clock, out var dashTitle, out var dashDescription))
        {
            (rest, description) = (dashTitle, dashDescription);
        }

        var titles = (description is null ? TasksInOneAdd.Titles(rest) : [rest]).Select(Title).Where(t => t.Length > 0).ToList();
        // Each task's own tags when there is one set per task ("add a #home tomorrow, b friday"); else every tag is every task's.
        IReadOnlyList<IReadOnlyList<string>>? ownTags = tagsOfEach?.Count == titles.Count ? tagsOfEach : null;
        if (ownTags is not null)
        {
            tags = [];
        }
        if (headingTag is not null)
        {
            tags = [headingTag, .. tags.Where(t => t != headingTag)];
            ownTags = ownTags?.Select(own => (IReadOnlyList<string>)[headingTag, .. own.Where(t => t != headingTag)]).ToList();
        }
        // Each task's own priority when a task before the last has one ("add a !high, b, c"): before, “A !high” was the
        // title. A priority at the end is the last task's then, and every task's otherwise, as tags are.
        IReadOnlyList<string?>? ownPriorities = null;
        if (titles.Count > 1 && titles.Select(t => Markers.TryExtractPriority(t, out var own, out var level) && own.Length > 0 ? (Title: Title(own), Priority: level) : (Title: t, Priority: (string?)null)).ToList() is var each
            && each.Take(each.Count - 1).Any(e => e.Priority is not null))
        {
            titles = [.. each.Select(e => e.Title)];
            ownPriorities = [.. each.Select((e, i) => e.Priority ?? (i == each.Count - 1 ? priority : null))];
            priority = null;
        }
        if (titles.Count > 0 && remindBefore is not null && due is null)
        {
            return new Say($"A reminder {remindBefore.Value.Words} before needs a due date: when is {Replies.Join(titles.Select(Replies.Quoted))} due? " +
                $"For example “add {titles[0].ToLowerInvariant()} tomorrow at 5pm and remind me {remindBefore.Value.Words} before”.");
        }
        // The date before the colon is each item's, unless an item before the last says its own.
        var dueFromHeading = headingDue is not null && due is null;
        due ??= headingDue;
        if (titles.Count > 1 && repeat is null && remindBefore is null && !remind && EachOwnDue(titles, dueFromHeading ? null : due, clock) is { } items)
        {
            if (dueFromHeading)
            {
                items = [.. items.Select(i => i with { Due = i.Due ?? due })];
            }
            return new AddRequest([.. items.Select(i => i.Title)], description, null, priority, tags, null, false)
            {
                OwnDues = [.. items.Select(i => i.Due)],
                OwnReminders = [.. items.Select(i => i.Remind && i.Due is not null)],
                OwnTags = ownTags,
                OwnPriorities = ownPriorities,
                Again = again,
            };
        }
        if (titles.Count == 0)
        {
            return new Say("What should I add? For example “add buy milk” or “add eggs, bread and milk”.");
        }
        // "don't forget eggs tomorrow": due then, reminded only when a time is said ("… at 5pm").
        var reminded = remind && due is not null && (due.Time is not null || !SaidAsDontForget(text));
        var add = new AddRequest(titles, description, due, priority, tags, repeat, reminded) { RemindBefore = remindBefore, OwnTags = ownTags, OwnPriorities = ownPriorities, Again = again };
        if (repeatOnly && RepeatOfOneThere(add, utterance.Context) is { } repeatThere)
        {
            return repeatThere;
        }
        if (SaidAsRemindAbout(text) && due is null && !again && OnTheListAlready.For(add, utterance.Context) is { } named)
        {
            return named with { RemindAbout = true };
        }
        return SaidAsDontForget(text) && !again && OnTheListAlready.For(add, utterance.Context) is { } there ? there : add;
    }

    /// <summary>
    /// "call mom every sunday" said without "add" beside a “Call mom” still to do: that one made to repeat (before, a second
    /// “Call mom” was added beside it); added as before when there is none. "call mom every sunday at 5pm": the time with
    /// the repeat is its first occurrence, set as the task's due with it (before, offered as a task “Call mom every
    /// sunday”). A tag, a priority or a date said with it would be lost on the task there, so such a message adds, as "add
    /// call mom every sunday" does. "make the taxes monthly": the task there named after "make" repeats (before, a task
    /// “Make the taxes” was added); with none still to do of those words, “Make the bed” is added as before.
    /// </summary>
    private static RepeatRequest? RepeatOfOneThere(AddRequest add, AgentContext context)
    {
        if (add is not { Titles: [var title], Repeat: { } repeat, Priority: null, Tags: [], Description: null, Remind: false, RemindBefore: null }
            || add.Due is { Time: null } || !context.Tools.Has(ToolNames.UpdateTask, TaskToolArguments.Recurrence) || !context.Tools.Has(ToolNames.ListTasks)
            || add.Due is not null && !context.Tools.Has(ToolNames.UpdateTask, TaskToolArguments.Due))
        {
            return null;
        }
        if (add.Due is null && Phrase.TryStripStart(title, ["make"], out var made) && TaskReference.Parse(made) is { ByWords: true } madeTarget)
        {
            return new RepeatRequest(madeTarget, repeat) { AddInstead = add };
        }
        return TaskReference.Parse(title) is { ByWords: true } target
            ? new RepeatRequest(target, repeat) { AddInstead = add, SameTitle = title, FirstDue = add.Due }
            : null;
    }

    /// <summary>
    /// Several tasks in one message, when their dates are theirs alone: "return the books by wednesday, and call the plumber
    /// tomorrow morning" (a task before the last has its own, so each keeps its own and the date at the end is the last
    /// one's), "buy envelopes and call the landlord monday at 5pm" (actions, each a verb: the date at the end is said of the
    /// last), "milk and eggs, and remind me about the dentist at 5" (the dentist, reminded then). Null when the date at
    /// the end, if any, is every task's: "add milk and eggs tomorrow".
    /// </summary>
    private static List<(string Title, Due? Due, bool Remind)>? EachOwnDue(IReadOnlyList<string> titles, Due? due, UserClock clock)
    {
        var items = titles.Select(title =>
        {
            var remind = Phrase.TryStripStart(title, ["remind me to", "remind me about", "remind me of"], out var what);
            if (remind && !title.StartsWith("remind me to", StringComparison.OrdinalIgnoreCase))
            {
                Phrase.TryStripStart(what, ["the"], out what); // "remind me about the dentist": “Dentist”.
            }
            return When.TryExtract(what, clock, out var rest, out var own) && rest.Length > 0
                ? (Title: Title(rest), Due: (Due?)own, Remind: remind)
                : (Title: Title(what), Due: null, Remind: remind);
        }).ToList();
        var ownBeforeLast = items.Take(items.Count - 1).Any(i => i.Due is not null);
        var actions = items.Any(i => i.Remind) || titles.All(t => Phrase.Words(t) is [var first, ..] && Agent.Verbs.IsImperative(first));
        if (!ownBeforeLast && !(due is not null && actions))
        {
            return null;
        }
        items[^1] = items[^1] with { Due = items[^1].Due ?? due };
        return items;
    }

    [GeneratedRegex(@"^(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|some|these|those|the following|my)\s+)?(?:things|items|tasks|to-?dos|bits)\s*:\s*|^(?:the following|these|those)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListIntro();

    // One word before a colon, then a list (a comma or a semicolon after it), or one item when "list" is said, and then a
    // name of two words too ("add party supplies list: …" is #party-supplies); "to", "for", "my", "the" before it are how
    // people say it ("add for the party: …", "add my shopping list: …").
    [GeneratedRegex(@"^(?:(?:to|for|on|onto|in)\s+)?(?:(?:my|the|our)\s+)?(?:(?<name>" + ListWord + @"(?:\s+" + ListWord + @")?)\s+list\s*:\s*(?=\S)|(?<name>" + ListWord + @")\s*:\s*(?=[^,;]+[,;]\s*\S))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListHeading();

    private const string ListWord = @"\p{L}[\p{L}\p{N}_-]{0,31}";

    // After a full stop any request but an add ("add eggs. also delete the garage"); after "and" only a task ticked off,
    // since "add wash the car and remove the roof box" is two tasks.
    [GeneratedRegex(@"^(?<first>.+?)(?:[.!]\s+(?:(?:also|and|and then|then|plus)\s+)?(?<second>(?:delete|remove|cancel|mark|complete|finish|check off|tick off|cross off|move|rename|reschedule|postpone|tag|show|list)\s+.+)|,?\s+and\s+(?:then\s+|also\s+)?(?<second>(?:mark\s+.+\s+(?:as\s+)?(?:done|complete|completed|finished)|(?:check|tick|cross)\s+off\s+.+|complete\s+(?:task\s+)?#?\d+)))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondRequest();

    // Words before a colon and a space, which a date may be ("tomorrow: …", "for next monday: …").
    [GeneratedRegex(@"^(?<when>[^:,;]{1,60}?)\s*:\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex DateHeading();

    // "… to my shopping list", "… on our party supplies list": a list named at the end, by one or two words. Only one that
    // is the user's: "email Bob to the mailing list" or "put my name on the waiting list" are tasks, not lists of theirs;
    // "the shopping list" (or grocery list) is, whoever's it is ("put eggs on the shopping list": “Eggs”, #shopping).
    [GeneratedRegex(@"\s+(?:to|on|onto)\s+(?:(?:my|our)\s+(?<name>" + ListWord + @"(?:\s+" + ListWord + @")?)|the\s+(?<name>shopping|grocery|groceries))\s+list$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingList();

    // The tag a list's name makes: none for a date ("tomorrow") or a word for tasks ("todo", "to-do").
    private static string? ListName(Match list, UserClock clock) =>
        list.Groups["name"].Value is var name && Markers.ListTag(name) is { } tag && !ListSkill.OnlyNamesTasks([tag])
        && !ListSkill.NeverATag(tag) && When.ParseWhole(name, clock) is null
            ? tag : null;

    private static string? TrailingListTag(ref string rest, UserClock clock)
    {
        if (TrailingList().Match(rest) is not { Success: true, Index: > 0 } list || ListName(list, clock) is not { } tag)
        {
            return null;
        }
        rest = rest[..list.Index];
        return tag;
    }

    [GeneratedRegex(@"^(?:remind me\s+)?(?<when>(?:every|each|daily|today|tonight|tomorrow|on|next|this|at|in)\b.*?)\s+to\s+(?<what>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhenFirst();

    [GeneratedRegex(@"\s+(?:(?:every|each)\s+(?:\d{1,3}\s+|few\s+|couple of\s+)?(?<unit>hours?|minutes?|mins?)|(?<unit>hourly))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EveryHour();

    [GeneratedRegex(@"\b(?:every|each)\s+(?<part>morning|afternoon|evening|night)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EveryPartOfDay();

    public static string Title(string text) => Phrase.Capitalize(Phrase.Unquote(text));

}

/// <summary>New tasks, with what the message said about them; the reply says each thing that was set.</summary>
internal sealed record AddRequest(
    IReadOnlyList<string> Titles, string? Description, Due? Due, string? Priority, IReadOnlyList<string> Tags, Repeat? Repeat, bool Remind) : SkillRequest
{
    /// <summary>A reminder at the due time itself: "remind me to call mom at 5pm".</summary>
    public const string AtDueTime = "PT0S";

    /// <summary>A reminder before the due time ("… and remind me the day before"): its ISO duration and its words.</summary>
    public (string Iso, string Words)? RemindBefore { get; init; }

    /// <summary>"add milk again": a second one on purpose, so not said to be one.</summary>
    public bool Again { get; init; }

    /// <summary>Each title's own due date, in the order of <see cref="Titles"/>; null when <see cref="Due"/> is every title's.</summary>
    public IReadOnlyList<Due?>? OwnDues { get; init; }

    /// <summary>With <see cref="OwnDues"/>: the titles said as "remind me to/about …", reminded at their due time.</summary>
    public IReadOnlyList<bool>? OwnReminders { get; init; }

    /// <summary>Each title's own tags, in the order of <see cref="Titles"/>; null when <see cref="Tags"/> are every title's.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? OwnTags { get; init; }

    /// <summary>Each title's own priority, in the order of <see cref="Titles"/>; null when <see cref="Priority"/> is every title's.</summary>
    public IReadOnlyList<string?>? OwnPriorities { get; init; }

    private Due? DueOf(int title) => OwnDues is null ? Due : OwnDues[title];

    private string? PriorityOf(int title) => OwnPriorities is null ? Priority : OwnPriorities[title];

    private bool AnyPriority => Priority is not null || OwnPriorities?.Any(p => p is not null) == true;

    private IReadOnlyList<string> TagsOf(int title) => OwnTags is null ? Tags : OwnTags[title];

    private bool AnyTags => Tags.Count > 0 || OwnTags?.Any(t => t.Count > 0) == true;

    private string[]? RemindersOf(int title) =>
        OwnDues is null ? Reminders : OwnReminders?[title] == true && OwnDues[title] is not null ? [AtDueTime] : null;

    private string[]? Reminders
    {
        get
        {
            string[] all = [.. Remind ? [AtDueTime] : Array.Empty<string>(), .. RemindBefore is { } before ? [before.Iso] : Array.Empty<string>()];
            return all.Length > 0 ? all : null;
        }
    }

    public override IReadOnlyList<ToolNeed> Needs =>
    [
        new(ToolNames.AddTask),
        .. Due is null && OwnDues?.Any(d => d is not null) != true ? [] : new[] { new ToolNeed(ToolNames.AddTask, TaskToolArguments.Due) },
        .. !AnyPriority ? [] : new[] { new ToolNeed(ToolNames.AddTask, TaskToolArguments.Priority) },
        .. !AnyTags ? [] : new[] { new ToolNeed(ToolNames.AddTask, TaskToolArguments.Tags) },
        .. Repeat is null ? [] : new[] { new ToolNeed(ToolNames.AddTask, TaskToolArguments.Recurrence) },
        .. Reminders is null && OwnReminders?.Any(r => r) != true ? [] : new[] { new ToolNeed(ToolNames.AddTask, TaskToolArguments.Reminders) },
    ];

    public override string? CannotYet
    {
        get
        {
            var missing = new List<string>();
            if (Reminders is not null || OwnReminders?.Any(r => r) == true)
            {
                missing.Add("reminders");
            }
            if (Due is not null || OwnDues?.Any(d => d is not null) == true)
            {
                missing.Add("due dates");
            }
            if (AnyPriority)
            {
                missing.Add("priorities");
            }
            if (AnyTags)
            {
                missing.Add("tags");
            }
            if (Repeat is not null)
            {
                missing.Add("repeats");
            }
            var plain = string.Join(", ", Titles.Select(t => t.Length > 1 ? char.ToLowerInvariant(t[0]) + t[1..] : t.ToLowerInvariant()));
            return $"I can't set {Replies.Join(missing)} yet, so I haven't added {Replies.Join(Titles.Select(Replies.Quoted))}. " +
                $"Say “add {plain}” to add it without {(missing.Count == 1 ? "that" : "them")}.";
        }
    }

    public override NextStep Act(IReadOnlyList<TaskSnapshot>? tasks, AgentContext context) =>
        new CallTools([.. Titles.Select((title, i) => ToolCall.Of(ToolNames.AddTask,
            (ToolArguments.Title, title),
            (ToolArguments.Description, Description),
            (TaskToolArguments.Due, DueOf(i)?.ToArgument(context.Clock)),
            (TaskToolArguments.Priority, PriorityOf(i)),
            (TaskToolArguments.Tags, TagsOf(i) is { Count: > 0 } tags ? tags.ToArray() : null),
            (TaskToolArguments.Recurrence, Repeat?.Rule),
            (TaskToolArguments.Reminders, RemindersOf(i))))]);

    public override string Reply(IReadOnlyList<ToolExchange> done, IReadOnlyList<TaskSnapshot>? tasks, AgentContext context)
    {
        // With their own dates or tags, each task says its own: "“Call the plumber” (task 11, due tomorrow at 09:00, #home)".
        string Own(int i) => (OwnDues is null || i >= OwnDues.Count || OwnDues[i] is not { } due ? ""
            : ", due " + due.Describe(context.Clock) + (RemindersOf(i) is null ? "" : ", reminder then"))
            + (OwnPriorities is null || i >= OwnPriorities.Count || OwnPriorities[i] is not { } priority ? "" : $", {priority} priority")
            + (OwnTags is null || i >= OwnTags.Count || OwnTags[i].Count == 0 ? "" : ", " + string.Join(' ', OwnTags[i].Select(t => "#" + t)));
        var added = done.Count == 1
            ? $"Added “{done[0].Outcome.Title}” (task {done[0].Outcome.TaskId}{Own(0)})"
            : $"Added {done.Count} tasks: {Replies.Join(done.Select((c, i) => $"“{c.Outcome.Title}” (task {c.Outcome.TaskId}{Own(i)})"))}";
        var details = new List<string>();
        if (Due is not null)
        {
            details.Add("due " + Due.Describe(context.Clock));
        }
        if (Remind || RemindBefore is not null)
        {
            details.Add("I'll remind you " + Replies.Join([.. Remind ? ["then"] : Array.Empty<string>(), .. RemindBefore is { } before ? [$"{before.Words} before"] : Array.Empty<string>()]));
        }
        if (Repeat is not null)
        {
            details.Add("repeating " + Repeat.Words);
        }
        if (Priority is not null)
        {
            details.Add(Priority + " priority");
        }
        if (Tags.Count > 0)
        {
            details.Add("tagged " + Replies.Join(Tags.Select(t => "#" + t)));
        }
        // Said back, so that words read as a description ("add buy milk - not oat milk") are seen not to be lost.
        if (Description is not null)
        {
            details.Add($"with the description “{Description}”");
        }
        return added + (details.Count > 0 ? ", " + string.Join(", ", details) : "") + "." + (Again ? "" : AlreadyHad(done, context));
    }

    // "add buy milk" twice: the second is added (people do keep two of a kind), and said to be a second one, with the way
    // back, when this conversation knows the first is still to do.
    private static string AlreadyHad(IReadOnlyList<ToolExchange> done, AgentContext context)
    {
        var added = done.Select(d => d.Outcome.TaskId).OfType<long>().ToHashSet();
        var twice = done.Select(d => d.Outcome.Title is { } title ? context.Chat.KnownPendingTitled(title, added) : null).OfType<(long Id, string Title)>().ToList();
        if (twice.Count == 0)
        {
            return "";
        }
        var had = $" You already had {Replies.Join(twice.Select(t => $"“{t.Title}” (task {t.Id})"))}";
        // "undo" takes back the whole turn: offered only when that is just the second ones.
        return twice.Count < done.Count ? had + "." : had + (done.Count == 1 ? ": say “undo” if this one was a slip." : ": say “undo” if these were a slip.");
    }
}
