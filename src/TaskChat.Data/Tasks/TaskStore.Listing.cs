using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

public sealed partial class TaskStore
{
    /// <summary>One page of the owner's tasks that match <paramref name="query"/>, in its order, and the cursor of the next page.</summary>
    public async Task<TaskPage> ListAsync(TaskOwner owner, TaskListQuery query, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var tasks = Live.AsNoTracking().Where(t => t.UserId == owner.UserId);
        tasks = query.Status switch
        {
            TaskStatusFilter.Pending => tasks.Where(t => !t.Completed),
            TaskStatusFilter.Completed => tasks.Where(t => t.Completed),
            _ => tasks,
        };
        if (query.DueBefore is { } before)
        {
            tasks = tasks.Where(t => t.DueAt < before);
        }
        if (query.DueAfter is { } after)
        {
            tasks = tasks.Where(t => t.DueAt >= after);
        }
        if (query.Overdue)
        {
            // An all-day task is overdue once its day is over in the owner's zone; its DueAt is the start of that day.
            var startOfToday = TaskTime.StartOfDay(DateOnly.FromDateTime(TaskTime.ToLocal(now, owner.TimeZone)), owner.TimeZone);
            tasks = tasks.Where(t => !t.Completed && t.DueAt != null && t.DueAt < (t.DueDate == null ? now : startOfToday));
        }
        if (query.Priority is { } priority)
        {
            tasks = tasks.Where(t => t.Priority == priority);
        }
        if (query.Tag is { } tag)
        {
            tasks = tasks.Where(t => t.Tags.Any(g => g.Name == tag));
        }
        if (query.SearchWords.Count > 0)
        {
            tasks = Search(tasks, query.SearchWords);
        }
        if (query.TaskIds.Count > 0)
        {
            var numbers = query.TaskIds;
            tasks = tasks.Where(t => numbers.Contains(t.Number));
        }
        if (query.After is { } cursor)
        {
            tasks = tasks.Where(After(cursor));
        }
        var rows = await Order(tasks, query.Sort).Take(query.Limit + 1)
            .Select(t => new PageRow(t, t.Tags.Any(), t.Reminders.Any()))
            .ToListAsync(cancellationToken);
        var more = rows.Count > query.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        await AttachTagsAndRemindersAsync(rows, cancellationToken);
        var page = rows.ConvertAll(r => r.Task);
        return new TaskPage(page, more ? TaskCursor.After(page[^1], query.Sort).Encode() : null);
    }

    /// <summary>A task of a page, and whether it has tags and reminders to load (two index probes in the page's query).</summary>
    private sealed record PageRow(TaskItem Task, bool HasTags, bool HasReminders);

    /// <summary>
    /// The tags and reminders of the page's tasks that have any, by task id, put on its tasks (the views
    /// sort them): no query for what no task on the page has, so a page of plain tasks is one statement,
    /// as the TypeScript reference's list is (its tasks have neither), where it was three round trips.
    /// Not <c>Include(...).AsSplitQuery()</c>: that ran the page's whole query again inside each child
    /// query, and its compiled shaper created delegates on every execution, under a runtime lock that
    /// concurrent lists queued on: listing was a fifth of the api's busy time under the bench's api
    /// rows, nearly all of it inside the split query (issue 13, docs/performance.md). A single query
    /// with both includes would repeat each task per tag × reminder.
    /// </summary>
    private async Task AttachTagsAndRemindersAsync(List<PageRow> page, CancellationToken cancellationToken)
    {
        var withTags = page.Where(r => r.HasTags).Select(r => r.Task.Id).ToList();
        var withReminders = page.Where(r => r.HasReminders).Select(r => r.Task.Id).ToList();
        if (withTags.Count == 0 && withReminders.Count == 0)
        {
            return; // Most pages: nothing to attach, so no lookup to build either.
        }
        var byId = page.ToDictionary(r => r.Task.Id, r => r.Task);
        if (withTags.Count > 0)
        {
            foreach (var tag in await db.TaskTags.AsNoTracking().Where(g => withTags.Contains(g.TaskId)).ToListAsync(cancellationToken))
            {
                byId[tag.TaskId].Tags.Add(tag);
            }
        }
        if (withReminders.Count > 0)
        {
            foreach (var reminder in await db.TaskReminders.AsNoTracking().Where(r => withReminders.Contains(r.TaskId)).ToListAsync(cancellationToken))
            {
                byId[reminder.TaskId].Reminders.Add(reminder);
            }
        }
    }

    /// <summary>
    /// Every word must occur in the title, the description or a tag ("errands" finds the tasks tagged #errands, as a task
    /// app's search does). PostgreSQL: full-text search (the "simple" configuration: no stemming, any language; each word a
    /// prefix), and a tag that starts with the word. SQLite: LIKE, which matches inside words and ignores case for ASCII
    /// letters only. A word written "#home" is that tag, exactly.
    /// </summary>
    private IQueryable<TaskItem> Search(IQueryable<TaskItem> tasks, IReadOnlyList<string> words)
    {
        var postgres = db.Database.IsNpgsql();
        foreach (var word in words)
        {
            if (word.StartsWith('#'))
            {
                var name = word[1..];
                tasks = tasks.Where(t => t.Tags.Any(tag => tag.Name == name));
                continue;
            }
            // Words are letters and digits only: nothing to escape in a pattern or a query.
            if (postgres)
            {
                var prefix = word + ":*";
                var start = word + "%";
                tasks = tasks.Where(t => EF.Functions.ToTsVector("simple", t.Title + " " + (t.Description ?? "")).Matches(EF.Functions.ToTsQuery("simple", prefix))
                    || t.Tags.Any(tag => EF.Functions.Like(tag.Name, start)));
            }
            else
            {
                var pattern = "%" + word + "%";
                tasks = tasks.Where(t => EF.Functions.Like(t.Title, pattern) || (t.Description != null && EF.Functions.Like(t.Description, pattern))
                    || t.Tags.Any(tag => EF.Functions.Like(tag.Name, pattern)));
            }
        }
        return tasks;
    }

    private static IQueryable<TaskItem> Order(IQueryable<TaskItem> tasks, string sort) => sort switch
    {
        TaskSorts.Due => tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Number),
        TaskSorts.Priority => tasks.OrderByDescending(t => t.Priority).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Number),
        TaskSorts.Title => tasks.OrderBy(t => t.Title).ThenBy(t => t.Number),
        TaskSorts.Updated => tasks.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Number),
        _ => tasks.OrderBy(t => t.Number),
    };

    /// <summary>
    /// The tasks strictly after the cursor in its order (keyset paging; tasks without a due date come last). In the
    /// order by last change, a task changed while the pages are read moves before the cursor: it is not shown twice,
    /// and a page read later shows it first.
    /// </summary>
    private static Expression<Func<TaskItem, bool>> After(TaskCursor cursor)
    {
        var number = cursor.Number;
        var due = cursor.Due;
        var title = cursor.Title;
        var priority = (TaskPriority)(cursor.Priority ?? 0);
        var updated = cursor.Updated ?? DateTime.MinValue;
        return cursor.Sort switch
        {
            TaskSorts.Due when due is null => t => t.DueAt == null && t.Number > number,
            TaskSorts.Due => t => t.DueAt == null || t.DueAt > due || (t.DueAt == due && t.Number > number),
            TaskSorts.Priority when due is null => t => t.Priority < priority || (t.Priority == priority && t.DueAt == null && t.Number > number),
            TaskSorts.Priority => t => t.Priority < priority
                || (t.Priority == priority && (t.DueAt == null || t.DueAt > due || (t.DueAt == due && t.Number > number))),
            TaskSorts.Title => t => string.Compare(t.Title, title) > 0 || (t.Title == title && t.Number > number),
            TaskSorts.Updated => t => t.UpdatedAt < updated || (t.UpdatedAt == updated && t.Number < number),
            _ => t => t.Number > number,
        };
    }
}

/// <summary>One page of a task list: the tasks, and the cursor of the next page (null on the last).</summary>
public sealed record TaskPage(IReadOnlyList<TaskItem> Tasks, string? NextCursor);
