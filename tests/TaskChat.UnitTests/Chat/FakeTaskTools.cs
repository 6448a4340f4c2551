using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using TaskChat.Agent;
using TaskChat.Contract;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// The task tools as AIFunctions over an in-memory list, answering with the contract's JSON envelopes as the MCP
/// server does; every call is recorded. <see cref="Today"/> has today's five tools and arguments; <see cref="All"/>
/// also has issue 11's (due, priority, tags, recurrence, reminders, the list filters, reopen_task) and restore_task, so
/// skills that need them are tested before the mcp serves them. A deleted task is kept aside, as the mcp keeps it, for a restore.
/// </summary>
internal sealed class FakeTaskTools(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly List<FakeTask> _tasks = [];
    private readonly List<FakeTask> _deleted = [];
    private long _nextId = 1;

    public List<(string Tool, string Arguments)> Calls { get; } = [];

    public IReadOnlyList<FakeTask> Tasks => _tasks;

    /// <summary>Every tool with issue 11's arguments.</summary>
    public IList<AITool> All => [Add, List, Complete, Delete, Update, Reopen, Skip, Restore];

    /// <summary>The five tools with the arguments the mcp serves today.</summary>
    public IList<AITool> Today => [AddToday, ListToday, Complete, Delete, UpdateToday];

    public AIFunction Add => AIFunctionFactory.Create(
        (string title, string? description = null, string? due = null, string? priority = null, string[]? tags = null, string? recurrence = null, string[]? reminders = null) =>
        {
            Record(ToolNames.AddTask, new { title, description, due, priority, tags, recurrence, reminders });
            var task = new FakeTask(_nextId++, title) { Description = description, Due = due, Priority = priority, Tags = tags ?? [], Recurrence = recurrence, Reminders = reminders ?? [] };
            _tasks.Add(task);
            return Envelopes.Change(task.Id, title, TaskChangeStatus.Created);
        }, ToolNames.AddTask, "Create a task.");

    public AIFunction AddToday => AIFunctionFactory.Create((string title, string? description = null) =>
    {
        Record(ToolNames.AddTask, new { title, description });
        var task = new FakeTask(_nextId++, title) { Description = description };
        _tasks.Add(task);
        return Envelopes.Change(task.Id, title, TaskChangeStatus.Created);
    }, ToolNames.AddTask, "Create a task.");

    /// <summary>list_tasks as the mcp serves it: filters, every search word in the title, description or a tag (as SQLite
    /// matches them), task_ids, sort by number, due date or priority (as TaskStore: highest first, then soonest due), and pages of <c>limit</c> (50 by default) with a next_cursor.</summary>
    public AIFunction List => AIFunctionFactory.Create(
        (string? status = ListStatus.All, string? due_before = null, string? due_after = null, bool? overdue = null, string? priority = null, string? tag = null,
            string? search = null, string? sort = null, long? limit = null, string? cursor = null, long[]? task_ids = null) =>
        {
            Record(ToolNames.ListTasks, new { status, due_before, due_after, overdue, priority, tag, search, sort, limit, cursor, task_ids });
            var now = _clock.GetUtcNow();
            var words = search?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            var tasks = Filtered(status).Where(t =>
                (due_before is null || t.DueAt is { } d1 && d1 < Parse(due_before))
                && (due_after is null || t.DueAt is { } d2 && d2 >= Parse(due_after))
                && (overdue != true || !t.Completed && t.DueAt is { } d3 && d3 < now)
                && (priority is null || t.Priority == priority)
                && (tag is null || t.Tags.Contains(tag))
                && words.All(w => t.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || t.Description?.Contains(w, StringComparison.OrdinalIgnoreCase) == true
                    || t.Tags.Any(g => g.Contains(w, StringComparison.OrdinalIgnoreCase)))
                && (task_ids is null || task_ids.Contains(t.Id))).ToList();
            if (sort == TaskSorts.Due)
            {
                tasks = [.. tasks.OrderBy(t => t.DueAt is null).ThenBy(t => t.DueAt).ThenBy(t => t.Id)];
            }
            else if (sort == TaskSorts.Priority)
            {
                tasks = [.. tasks.OrderByDescending(t => PriorityRank.Of(t.Priority)).ThenBy(t => t.DueAt is null).ThenBy(t => t.DueAt).ThenBy(t => t.Id)];
            }
            var skip = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
            var size = (int)(limit ?? 50);
            var page = tasks.Skip(skip).Take(size).ToList();
            var next = skip + size < tasks.Count ? (skip + size).ToString(CultureInfo.InvariantCulture) : null;
            return Envelopes.Success(new { tasks = page.Select(t => t.View()), count = page.Count, next_cursor = next });
        }, ToolNames.ListTasks, "List tasks.");

    public AIFunction ListToday => AIFunctionFactory.Create((string? status = ListStatus.All) =>
    {
        Record(ToolNames.ListTasks, new { status });
        var tasks = Filtered(status).ToList();
        return Envelopes.Success(new { tasks = tasks.Select(t => t.TodayView()), count = tasks.Count });
    }, ToolNames.ListTasks, "List tasks.");

    public AIFunction Complete => AIFunctionFactory.Create((long task_id) =>
    {
        Record(ToolNames.CompleteTask, new { task_id });
        return Change(task_id, TaskChangeStatus.Completed, t =>
        {
            t.Completed = true;
            t.CompletedAt = _clock.GetUtcNow();
        });
    }, ToolNames.CompleteTask, "Complete a task.");

    public AIFunction Reopen => AIFunctionFactory.Create((long task_id) =>
    {
        Record(TaskToolNames.ReopenTask, new { task_id });
        return Change(task_id, "reopened", t =>
        {
            t.Completed = false;
            t.CompletedAt = null;
        });
    }, TaskToolNames.ReopenTask, "Mark a done task as not done.");

    /// <summary>skip_task for all-day tasks that repeat every N days or weeks (FREQ=DAILY/WEEKLY, INTERVAL): the first due day after today.</summary>
    public AIFunction Skip => AIFunctionFactory.Create((long task_id) =>
    {
        Record(ToolNames.SkipTask, new { task_id });
        var task = _tasks.Find(t => t.Id == task_id);
        if (task is null)
        {
            return Envelopes.Error(ToolErrorCodes.NotFound, $"Task {task_id} was not found.");
        }
        if (task.Recurrence is not { } rule || task.Due is null || !DateOnly.TryParseExact(task.Due, "yyyy-MM-dd", out var day))
        {
            return Envelopes.Error(ToolErrorCodes.Validation, $"Task {task_id} does not repeat, so there is no next occurrence to skip to: change its due date instead.");
        }
        var interval = rule.Split(';').FirstOrDefault(p => p.StartsWith("INTERVAL=", StringComparison.Ordinal)) is { } i ? int.Parse(i[9..], CultureInfo.InvariantCulture) : 1;
        var step = rule.Contains("FREQ=DAILY", StringComparison.Ordinal) ? interval : 7 * interval;
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        do
        {
            day = day.AddDays(step);
        }
        while (day <= today);
        task.Due = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Envelopes.Success(new TaskChange(task.Id, task.Title, TaskChangeStatus.Skipped, task.Due));
    }, ToolNames.SkipTask, "Skip a repeating task's occurrence.");

    public AIFunction Delete => AIFunctionFactory.Create((long task_id) =>
    {
        Record(ToolNames.DeleteTask, new { task_id });
        var result = Change(task_id, TaskChangeStatus.Deleted, _ => { });
        _deleted.AddRange(_tasks.Where(t => t.Id == task_id));
        _tasks.RemoveAll(t => t.Id == task_id);
        return result;
    }, ToolNames.DeleteTask, "Delete a task.");

    /// <summary>The deleted tasks gone for good, as the mcp's purge takes them after <c>DeletedTaskRetention</c>.</summary>
    public void PurgeDeleted() => _deleted.Clear();

    /// <summary>The due_after and due_before of the last call, a list_tasks one (null for one it left out).</summary>
    public (string? After, string? Before) LastListSpan()
    {
        using var sent = System.Text.Json.JsonDocument.Parse(Calls[^1].Arguments);
        return (sent.RootElement.GetProperty("due_after").GetString(), sent.RootElement.GetProperty("due_before").GetString());
    }

    /// <summary>restore_task: the deleted task back as it was, in its place among the others (by number).</summary>
    public AIFunction Restore => AIFunctionFactory.Create((long task_id) =>
    {
        Record(ToolNames.RestoreTask, new { task_id });
        if (_deleted.Find(t => t.Id == task_id) is not { } task)
        {
            return _tasks.Exists(t => t.Id == task_id)
                ? Envelopes.Error(ToolErrorCodes.NotDeleted, $"Task {task_id} is not deleted: there is nothing to restore.")
                : Envelopes.Error(ToolErrorCodes.NotFound, $"Task {task_id} was not found.");
        }
        _deleted.Remove(task);
        _tasks.Insert(_tasks.FindIndex(t => t.Id > task_id) is var at and >= 0 ? at : _tasks.Count, task);
        return Envelopes.Change(task.Id, task.Title, TaskChangeStatus.Restored);
    }, ToolNames.RestoreTask, "Restore a deleted task.");

    public AIFunction Update => AIFunctionFactory.Create(
        (long task_id, string? title = null, string? description = null, string? due = null, string? priority = null, string[]? tags = null, string? recurrence = null, string[]? reminders = null) =>
        {
            Record(ToolNames.UpdateTask, new { task_id, title, description, due, priority, tags, recurrence, reminders });
            return Change(task_id, TaskChangeStatus.Updated, t =>
            {
                t.Title = title ?? t.Title;
                t.Description = description is null ? t.Description : description.Length == 0 ? null : description;
                t.Due = due is null ? t.Due : due.Length == 0 ? null : due;
                t.Priority = priority is null ? t.Priority : priority == TaskPriorities.None ? null : priority;
                t.Tags = tags ?? t.Tags;
                var newRule = recurrence is { Length: > 0 } && recurrence != t.Recurrence;
                t.Recurrence = recurrence is null ? t.Recurrence : recurrence.Length == 0 ? null : recurrence;
                t.Reminders = reminders ?? t.Reminders;
                if (newRule && due is null && t.Due is { } current)
                {
                    t.Due = FirstDayOfTheRule(t.Recurrence!, current); // As the task service does (TaskEdits).
                }
            });
        }, ToolNames.UpdateTask, "Update a task.");

    /// <summary>The task service's move of a due date to the first day a new repeat picks, read in UTC (the offset kept).</summary>
    private static string FirstDayOfTheRule(string rule, string due)
    {
        if (!TaskChat.Data.Tasks.TaskTime.TryParse(due, TimeZoneInfo.Utc, out var at, out var date)
            || TaskChat.Data.Tasks.TaskRecurrence.FirstOnOrAfter(TaskChat.Data.Tasks.TaskRecurrence.Parse(rule).Value!, new(at, date), TimeZoneInfo.Utc) is not { } first
            || first.At == at)
        {
            return due;
        }
        if (first.Date is { } day)
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        var offset = DateTimeOffset.Parse(due, CultureInfo.InvariantCulture).Offset;
        return new DateTimeOffset(first.At).ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public AIFunction UpdateToday => AIFunctionFactory.Create((long task_id, string? title = null, string? description = null) =>
    {
        Record(ToolNames.UpdateTask, new { task_id, title, description });
        return Change(task_id, TaskChangeStatus.Updated, t =>
        {
            t.Title = title ?? t.Title;
            t.Description = description is null ? t.Description : description.Length == 0 ? null : description;
        });
    }, ToolNames.UpdateTask, "Update a task.");

    private IEnumerable<FakeTask> Filtered(string? status) =>
        _tasks.Where(t => status switch { ListStatus.Pending => !t.Completed, ListStatus.Completed => t.Completed, _ => true });

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    private string Change(long id, string status, Action<FakeTask> change)
    {
        var task = _tasks.Find(t => t.Id == id);
        if (task is null)
        {
            return Envelopes.Error(ToolErrorCodes.NotFound, $"Task {id} was not found.");
        }
        change(task);
        // An update answers with the due date as stored, as the mcp's does (a repeat may have moved it).
        return status == TaskChangeStatus.Updated ? Envelopes.Success(new TaskChange(id, task.Title, status, task.Due)) : Envelopes.Change(id, task.Title, status);
    }

    private void Record(string tool, object arguments) => Calls.Add((tool, JsonSerializer.Serialize(arguments)));
}

internal sealed class FakeTask(long id, string title)
{
    public long Id { get; } = id;

    public string Title { get; set; } = title;

    public string? Description { get; set; }

    public bool Completed { get; set; }

    public string? Due { get; set; }

    public string? Priority { get; set; }

    public string[] Tags { get; set; } = [];

    public string? Recurrence { get; set; }

    public string[] Reminders { get; set; } = [];

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? DueAt => Due is null ? null : DateOnly.TryParseExact(Due, "yyyy-MM-dd", out var day)
        ? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero)
        : DateTimeOffset.Parse(Due, CultureInfo.InvariantCulture);

    public object View() => new
    {
        id = Id, title = Title, description = Description, completed = Completed, due = Due, priority = Priority ?? TaskPriorities.None,
        tags = Tags, recurrence = Recurrence, reminders = Reminders, completed_at = CompletedAt, created_at = "2026-12-01T00:00:00Z", updated_at = "2026-12-01T00:00:00Z",
    };

    public object TodayView() => new { id = Id, title = Title, description = Description, completed = Completed, created_at = "2026-12-01T00:00:00Z", updated_at = "2026-12-01T00:00:00Z" };
}

/// <summary>The contract's tool result envelopes, as JSON text.</summary>
internal static class Envelopes
{
    public static string Success(object data) => JsonSerializer.Serialize(ToolEnvelope.Success(data));

    public static string Error(string code, string error) => JsonSerializer.Serialize(ToolEnvelope.Failure(code, error));

    public static string Change(long id, string title, string status) => Success(new TaskChange(id, title, status));

    public static string Tasks(params (long Id, string Title, bool Completed)[] tasks) =>
        Success(new
        {
            tasks = tasks.Select(t => new { id = t.Id, title = t.Title, description = (string?)null, completed = t.Completed, created_at = "2025-01-01T00:00:00Z", updated_at = "2025-01-01T00:00:00Z" }),
            count = tasks.Length,
        });
}
