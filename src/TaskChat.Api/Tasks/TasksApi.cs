using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Api.Authorization;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Api.Tasks;

/// <summary>
/// The tasks REST endpoints, mirroring the mcp's tools. Every handler works on the caller's tasks only
/// (the token's sub), names a task by its per-user number, and reads dates in the token's time zone.
/// </summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder endpoints)
    {
        // A ProblemHttpResult declares no status of its own: the errors each handler returns are listed here.
        var tasks = endpoints.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        tasks.MapGet("/", ListAsync).WithName("ListTasks").ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("One page of the caller's tasks. Filters combine: status (all|pending|completed), due_before and due_after " +
                "(a date, \"2026-12-05\", or a date-time with offset; due_after inclusive, due_before exclusive), overdue=true, priority " +
                "(none|low|medium|high), tag, search (every word in the title, description or a tag). sort: created (default), due, priority, title. " +
                $"limit: 1 to {FieldLimits.TaskPageMax} (default {FieldLimits.TaskPageDefault}). cursor: next_cursor of the previous page.");
        tasks.MapPost("/", CreateAsync).WithName("CreateTask")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapGet("/{id:long}", GetAsync).WithName("GetTask").ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPatch("/{id:long}", UpdateAsync).WithName("UpdateTask")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        tasks.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteTask").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription($"Deletes the task. It can be restored (POST /api/tasks/{{id}}/restore) for {DeletedTaskRetention.InWords}, then it is purged.");
        tasks.MapPost("/{id:long}/restore", RestoreAsync).WithName("RestoreTask")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Brings a deleted task back as it was, with its own number (the undo of a deletion). 404 when the caller has no such " +
                "task (never had, another user's, or purged); 409 (task_not_deleted) when the task is not deleted.");
        tasks.MapPost("/{id:long}/skip", SkipAsync).WithName("SkipTask")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("Skips the current occurrence of a pending repeating task without completing it: the task moves to its next " +
                "occurrence after today (or after its due date when that is later), its reminders with it. 422 for a task that is done or does not repeat.");
        tasks.MapTaskParsing();
        return endpoints;
    }

    internal static async Task<Results<Ok<TaskList>, ProblemHttpResult>> ListAsync(
        string? status, string? due_before, string? due_after, string? overdue, string? priority, string? tag, string? search,
        string? sort, string? limit, string? cursor, Caller caller, TaskStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        bool? onlyOverdue = null;
        if (!string.IsNullOrEmpty(overdue))
        {
            if (!bool.TryParse(overdue, out var flag))
            {
                return ProblemResponses.Invalid("overdue must be true or false.");
            }
            onlyOverdue = flag;
        }
        int? pageSize = null;
        if (!string.IsNullOrEmpty(limit))
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return ProblemResponses.Invalid($"limit must be a whole number from 1 to {FieldLimits.TaskPageMax}.");
            }
            pageSize = size;
        }
        var owner = caller.Owner;
        var query = TaskListQuery.From(new TaskListRequest(status, due_before, due_after, onlyOverdue, priority, tag, search, sort, pageSize, cursor), owner.TimeZone);
        if (!query.IsValid)
        {
            return ProblemResponses.Invalid(query.Error!);
        }
        var page = await store.ListAsync(owner, query.Value, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new TaskList([.. page.Tasks.Select(t => t.ToView(owner, now))], page.Tasks.Count, page.NextCursor));
    }

    internal static async Task<Results<Created<TaskView>, ProblemHttpResult>> CreateAsync(
        CreateTaskRequest request, Caller caller, TaskStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var owner = caller.Owner;
        var fields = new TaskChanges(request.Title, request.Description, null, request.Due, request.Priority, request.Tags,
            request.Recurrence, request.RepeatFrom, request.Reminders);
        var outcome = await store.AddAsync(owner, fields, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/tasks/{outcome.Value!.Number}", outcome.Value.ToView(owner, clock.GetUtcNow().UtcDateTime))
            : Problem(outcome.Error!);
    }

    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> GetAsync(
        long id, Caller caller, TaskStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return NotFound(id);
        }
        var owner = caller.Owner;
        var outcome = await store.GetAsync(owner, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!.ToView(owner, clock.GetUtcNow().UtcDateTime)) : Problem(outcome.Error!);
    }

    /// <summary>What is given changes; "completed": true completes (a recurring task's next occurrence is created), false reopens.</summary>
    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateTaskRequest request, Caller caller, TaskStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return NotFound(id);
        }
        var owner = caller.Owner;
        var changes = new TaskChanges(request.Title, request.Description, request.Completed, request.Due, request.Priority, request.Tags,
            request.Recurrence, request.RepeatFrom, request.Reminders);
        var outcome = await store.UpdateAsync(owner, id, changes, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Problem(outcome.Error!);
        }
        // Completion changed the row in the database: read it back whole (tags and reminders included).
        var current = await store.GetAsync(owner, id, cancellationToken);
        return current.Succeeded ? TypedResults.Ok(current.Value!.ToView(owner, clock.GetUtcNow().UtcDateTime)) : Problem(current.Error!);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, Caller caller, TaskStore store, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return NotFound(id);
        }
        var outcome = await store.DeleteAsync(caller.Owner, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : Problem(outcome.Error!);
    }

    /// <summary>The deleted task, back as it was with its own number; no body.</summary>
    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> RestoreAsync(
        long id, Caller caller, TaskStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return NotFound(id);
        }
        var owner = caller.Owner;
        var outcome = await store.RestoreAsync(owner, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!.ToView(owner, clock.GetUtcNow().UtcDateTime)) : Problem(outcome.Error!);
    }

    /// <summary>The task, moved to its next occurrence ("skip the gym today"); no body.</summary>
    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> SkipAsync(
        long id, Caller caller, TaskStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return NotFound(id);
        }
        var owner = caller.Owner;
        var outcome = await store.SkipAsync(owner, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!.ToView(owner, clock.GetUtcNow().UtcDateTime)) : Problem(outcome.Error!);
    }

    private static ProblemHttpResult NotFound(long id) => ProblemResponses.NotFound($"Task {id} was not found.");

    /// <summary>
    /// A task rule broken (422), the per-user limit (409), a restore of a task that is not deleted (409), a task that
    /// is missing or another user's (404: the same answer), or a deleted account's token (401).
    /// </summary>
    private static ProblemHttpResult Problem(TaskError error) => error.Kind switch
    {
        TaskErrorKind.NotFound => ProblemResponses.NotFound(error.Message),
        TaskErrorKind.LimitReached => ProblemResponses.Problem(StatusCodes.Status409Conflict, ProblemCodes.TaskLimitReached, error.Message),
        TaskErrorKind.NotDeleted => ProblemResponses.Problem(StatusCodes.Status409Conflict, ProblemCodes.TaskNotDeleted, error.Message),
        TaskErrorKind.AccountDeleted => ProblemResponses.Problem(StatusCodes.Status401Unauthorized, ProblemCodes.AccountDeleted, error.Message),
        _ => ProblemResponses.Invalid(error.Message),
    };
}
