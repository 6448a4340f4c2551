using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// The task fields and filters of issue 11 as the agent sends them (due dates, priority, tags, repeats, reminders,
/// list filters, reopen_task). They live here, not in the contract, until the mcp serves them: a skill that needs one
/// is enabled only when the tool's input schema in tools/list has it (<see cref="ToolCatalog"/>), so the agent never
/// sends an argument the mcp does not know. When the contract gains these names, these constants point at them.
/// </summary>
public static class TaskToolArguments
{
    /// <summary>add_task, update_task: an ISO 8601 date ("2026-12-04") or date-time with offset ("2026-12-04T17:00:00+01:00"); "" removes it.</summary>
    public const string Due = "due";

    /// <summary>add_task, update_task, list_tasks: one of <see cref="TaskPriorities"/>.</summary>
    public const string Priority = "priority";

    /// <summary>add_task, update_task: an array of short labels ("work", "home"); the whole set, not a change.</summary>
    public const string Tags = "tags";

    /// <summary>add_task, update_task: an RRULE ("FREQ=WEEKLY;BYDAY=MO,TH"); "" stops repeating.</summary>
    public const string Recurrence = "recurrence";

    /// <summary>add_task, update_task: an array of ISO 8601 durations before the due time ("PT0S" at it, "PT1H" an hour before).</summary>
    public const string Reminders = "reminders";

    /// <summary>list_tasks: tasks due before / after this date-time (with offset).</summary>
    public const string DueBefore = "due_before";

    public const string DueAfter = "due_after";

    /// <summary>list_tasks: true lists pending tasks whose due time has passed.</summary>
    public const string Overdue = "overdue";

    /// <summary>list_tasks: tasks carrying this tag.</summary>
    public const string Tag = "tag";

    /// <summary>list_tasks: words to look for in titles and descriptions.</summary>
    public const string Search = "search";

    public const string Status = ToolArguments.Status;
}

/// <summary>The tool of issue 11 that marks a done task as not done.</summary>
public static class TaskToolNames
{
    public const string ReopenTask = "reopen_task";
}

/// <summary>Values of the <c>priority</c> argument, lowest first.</summary>
public static class TaskPriorities
{
    public const string None = "none";
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";

    public static int Rank(string? priority) => priority switch
    {
        High => 3,
        Medium => 2,
        Low => 1,
        _ => 0,
    };
}
