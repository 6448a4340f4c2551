using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// The task fields and filters the agent's skills send (due dates, priority, tags, repeats, reminders, list filters),
/// named by the contract. A skill that needs one is still enabled only when the tool's input schema in tools/list has
/// it (<see cref="ToolCatalog"/>), so the agent never sends an argument the mcp it talks to does not know.
/// </summary>
public static class TaskToolArguments
{
    /// <summary>add_task, update_task: an ISO 8601 date ("2026-12-04") or date-time with offset ("2026-12-04T17:00:00+01:00"); "" removes it.</summary>
    public const string Due = ToolArguments.Due;

    /// <summary>add_task, update_task, list_tasks: one of <see cref="TaskPriorities"/>.</summary>
    public const string Priority = ToolArguments.Priority;

    /// <summary>add_task, update_task: an array of short labels ("work", "home"); the whole set, not a change.</summary>
    public const string Tags = ToolArguments.Tags;

    /// <summary>add_task, update_task: an RRULE ("FREQ=WEEKLY;BYDAY=MO,TH"); "" stops repeating.</summary>
    public const string Recurrence = ToolArguments.Recurrence;

    /// <summary>add_task, update_task: an array of ISO 8601 durations before the due time ("PT0S" at it, "PT1H" an hour before).</summary>
    public const string Reminders = ToolArguments.Reminders;

    /// <summary>list_tasks: tasks due before / after this date-time (with offset).</summary>
    public const string DueBefore = ToolArguments.DueBefore;

    public const string DueAfter = ToolArguments.DueAfter;

    /// <summary>list_tasks: true lists pending tasks whose due time has passed.</summary>
    public const string Overdue = ToolArguments.Overdue;

    /// <summary>list_tasks: tasks carrying this tag.</summary>
    public const string Tag = ToolArguments.Tag;

    /// <summary>list_tasks: words to look for in titles and descriptions.</summary>
    public const string Search = ToolArguments.Search;

    public const string Status = ToolArguments.Status;

    // The limits below are the mcp's (FieldLimits; a unit test keeps them equal): the agent has no reference to the data layer.

    /// <summary>list_tasks: only the tasks with these numbers (at most <see cref="TaskIdsMax"/>).</summary>
    public const string TaskIds = ToolArguments.TaskIds;

    public const int TaskIdsMax = 50;

    /// <summary>list_tasks: one of <see cref="TaskSorts"/>.</summary>
    public const string Sort = ToolArguments.Sort;

    /// <summary>list_tasks: the page's size, at most <see cref="PageMax"/>; the mcp's default is smaller.</summary>
    public const string Limit = ToolArguments.Limit;

    public const int PageMax = 200;

    /// <summary>list_tasks: the next_cursor of the page before, for the next one.</summary>
    public const string Cursor = ToolArguments.Cursor;

    /// <summary>list_tasks' search: at most this many characters.</summary>
    public const int SearchMax = 200;
}

/// <summary>The tools an older mcp may not have: marking a done task as not done, skipping a repeating task's occurrence.</summary>
public static class TaskToolNames
{
    public const string ReopenTask = ToolNames.ReopenTask;

    public const string SkipTask = ToolNames.SkipTask;
}

/// <summary>How urgent a priority (<see cref="TaskPriorities"/>) is, for "what should I do first?".</summary>
public static class PriorityRank
{
    public static int Of(string? priority) => priority switch
    {
        TaskPriorities.High => 3,
        TaskPriorities.Medium => 2,
        TaskPriorities.Low => 1,
        _ => 0,
    };
}
