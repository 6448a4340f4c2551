using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// Questions asked in so many words, each a list of its own: "what reminders do I have?", "what repeats?", "what tags do I
/// have?", "which tasks have no due date?". Read first, as said whole.
/// </summary>
internal sealed partial class ListSkill
{
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

    // The message's words, joined, one of the questions above: its list, or null.
    private static ListRequest? AskedInSoManyWords(string joined) =>
        ReminderQuestions.Contains(joined) ? new ListRequest(ListStatus.Pending, new ReminderFilter())
        : RepeatQuestions.Contains(joined) ? new ListRequest(ListStatus.Pending, new RepeatFilter())
        : TagsQuestions.Contains(joined) ? new ListRequest(ListStatus.Pending, new TagsFilter())
        : NoDueDateQuestions.Contains(joined) ? new ListRequest(ListStatus.Pending, new NoDueDateFilter())
        : null;
}
