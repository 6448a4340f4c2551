using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "sort by due date", "sort my tasks by priority", "show my tasks by name": the tasks still to do in that order, through
/// list_tasks' <c>sort</c> where the mcp has it, and ordered here too (an older mcp, or one without that order, gives them by
/// number). Before, "sort by due date" was offered as a task to add.
/// </summary>
internal sealed record SortedFilter(string Sort) : ListFilter
{
    /// <summary>The order a word names ("due date", "priority", "name"), or null.</summary>
    public static string? OrderOf(string said) => said.ToLowerInvariant() switch
    {
        "due date" or "due dates" or "due" or "date" or "dates" or "deadline" or "deadlines" or "when they are due" or "when its due" or "soonest" => TaskSorts.Due,
        "priority" or "priorities" or "importance" or "urgency" => TaskSorts.Priority,
        "name" or "names" or "title" or "titles" or "alphabet" or "alphabetically" or "alphabetical order" or "a to z" or "a-z" => TaskSorts.Title,
        _ => null,
    };

    // An order by a field the task service may not have: said so rather than listed in number order under that name.
    public override IReadOnlyList<ToolNeed> Needs => Sort switch
    {
        TaskSorts.Due => [new(ToolNames.AddTask, TaskToolArguments.Due)],
        TaskSorts.Priority => [new(ToolNames.AddTask, TaskToolArguments.Priority)],
        _ => [],
    };

    public override string CannotYet =>
        $"I can't sort by {(Sort == TaskSorts.Due ? "due date" : "priority")} yet: tasks don't have {(Sort == TaskSorts.Due ? "due dates" : "priorities")} in this task service. Say “what's left?” to see your pending tasks.";

    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context) =>
        context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Sort, Sort) ? [(TaskToolArguments.Sort, Sort)] : [];

    public override string Describe(AgentContext context) => Sort switch
    {
        TaskSorts.Due => "soonest due first",
        TaskSorts.Priority => "highest priority first",
        _ => "by name",
    };

    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => tasks.Count == 0
        ? ListRequest.NoPendingTasks
        : $"You have {Replies.Count(tasks.Count, "pending task")}, {Describe(context)}: {ListRequest.Items(Ordered(tasks, context), context)}.";

    // As the task service orders them (TaskStore's sort): undated last; by priority, then soonest due; by title, then number.
    private List<TaskSnapshot> Ordered(IReadOnlyList<TaskSnapshot> tasks, AgentContext context) => Sort switch
    {
        TaskSorts.Due => DueSpanFilter.BySoonest(tasks, context),
        TaskSorts.Priority => [.. DueSpanFilter.BySoonest(tasks, context).OrderByDescending(t => PriorityRank.Of(t.Priority))],
        _ => [.. tasks.OrderBy(t => t.Title, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Id)],
    };
}

/// <summary>
/// "anything urgent?", "what's urgent?", "urgent tasks": what cannot wait, in a user's sense, among the tasks still to do:
/// overdue, due today, or high priority, soonest due first; none, the next one due is named. Before, "anything urgent?"
/// listed high priority alone (“Nothing with high priority.” beside a task overdue since Monday), and "what's urgent?"
/// ranked every task as "what should I do first?" does. The soonest due are read, a page of them, as that question reads;
/// when there are more, the high priority ones are read too (one due later, or with no due date, was past the page: a user
/// with more than 200 tasks still to do was told "Nothing is urgent" beside one).
/// </summary>
internal sealed record UrgentFilter : ListFilter
{
    public override IEnumerable<(string Name, object? Value)> Arguments(AgentContext context)
    {
        if (context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Sort, TaskSorts.Due) && context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Limit))
        {
            yield return (TaskToolArguments.Sort, TaskSorts.Due);
            yield return (TaskToolArguments.Limit, TaskToolArguments.PageMax);
        }
    }

    // The soonest due, a page, have every task overdue or due today before the others (those with no due date come last):
    // what a page with more can leave out is a high priority task due later, read with the filter that finds it.
    public override IReadOnlyList<ToolCall>? FollowUp(IReadOnlyList<ToolExchange> acted, AgentContext context) =>
        acted is [{ Outcome: { Succeeded: true, HasMore: true } }] && context.Tools.Has(ToolNames.ListTasks, TaskToolArguments.Priority, TaskPriorities.High)
            ? [ToolCall.Of(ToolNames.ListTasks, [(ToolArguments.Status, ListStatus.Pending), (TaskToolArguments.Priority, TaskPriorities.High), .. Arguments(context)])]
            : null;

    // More after the soonest due leaves urgent tasks out only when its last one is still overdue or due today, or when the
    // high priority ones could not be read; more after those, when they are more than a page.
    public override bool LeavesSomeOut(IReadOnlyList<ToolExchange> done, AgentContext context) =>
        done.Any(d => d.Outcome.HasMore && (d.Arguments.ContainsKey(TaskToolArguments.Priority)
            || done.Count == 1 || d.Outcome.Tasks is [.., var last] && last.DueAt(context.Clock.Zone) < EndOfToday(context)));

    private static DateTimeOffset EndOfToday(AgentContext context) => context.Clock.At(context.Clock.Today.AddDays(1), TimeOnly.MinValue);

    // Every task still to do comes to the reply, which keeps the urgent ones and names the next one due when none is.
    public override bool Keeps(TaskSnapshot task, AgentContext context) => !task.Completed;

    public override string Describe(AgentContext context) => "urgent";

    public override string Reply(IReadOnlyList<TaskSnapshot> tasks, AgentContext context)
    {
        if (!context.Tools.Has(ToolNames.AddTask, TaskToolArguments.Due) && !context.Tools.Has(ToolNames.AddTask, TaskToolArguments.Priority))
        {
            return tasks.Count == 0
                ? ListRequest.NoPendingTasks
                : $"I can't tell what's urgent yet: tasks don't have due dates or priorities in this task service. You have {Replies.Count(tasks.Count, "pending task")}: {ListRequest.Items(tasks, context)}.";
        }
        if (tasks.Count == 0)
        {
            return "Nothing is urgent: you have no pending tasks.";
        }
        var ordered = DueSpanFilter.BySoonest(tasks, context);
        var endOfToday = EndOfToday(context);
        var urgent = ordered.Where(t => t.DueAt(context.Clock.Zone) < endOfToday || t.Priority == TaskPriorities.High).ToList();
        if (urgent.Count > 0)
        {
            return $"{Replies.Count(urgent.Count, "urgent task")}: {ListRequest.Items(urgent, context)}.";
        }
        var next = ordered.FirstOrDefault(t => t.DueAt(context.Clock.Zone) is not null);
        return "Nothing is urgent: nothing is overdue, due today or high priority."
            + (next is null ? "" : $" Next due: {ListRequest.Items([next], context)}.");
    }
}
