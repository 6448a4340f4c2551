using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Api.Authorization;
using TaskChat.Contract;
using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Api.Tasks;

/// <summary>The tasks REST endpoints. Every handler works on the caller's tasks only (the token's sub).</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder endpoints)
    {
        // A ProblemHttpResult declares no status of its own: the errors each handler returns are listed here.
        var tasks = endpoints.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        tasks.MapGet("/", ListAsync).WithName("ListTasks").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        tasks.MapPost("/", CreateAsync).WithName("CreateTask").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        tasks.MapGet("/{id:long}", GetAsync).WithName("GetTask").ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPatch("/{id:long}", UpdateAsync).WithName("UpdateTask")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        tasks.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteTask").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal static async Task<Results<Ok<TaskList>, ProblemHttpResult>> ListAsync(
        string? status, Caller caller, TaskStore store, CancellationToken cancellationToken)
    {
        var filter = TaskRules.StatusFilter(status);
        if (!filter.IsValid)
        {
            return ProblemResponses.Invalid(filter.Error!);
        }
        var items = await store.ListAsync(caller.UserId, filter.Value, cancellationToken);
        return TypedResults.Ok(new TaskList([.. items.Select(TaskViews.ToView)], items.Count));
    }

    internal static async Task<Results<Created<TaskView>, ProblemHttpResult>> CreateAsync(
        CreateTaskRequest request, Caller caller, TaskStore store, CancellationToken cancellationToken)
    {
        var outcome = await store.AddAsync(caller.UserId, request.Title, request.Description, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/tasks/{outcome.Value!.Id}", outcome.Value.ToView())
            : Problem(outcome.Error!);
    }

    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> GetAsync(
        long id, Caller caller, TaskStore store, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return NotFound(id);
        }
        var outcome = await store.GetAsync(caller.UserId, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!.ToView()) : Problem(outcome.Error!);
    }

    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateTaskRequest request, Caller caller, TaskStore store, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return NotFound(id);
        }
        var changes = new TaskChanges(request.Title, request.Description, request.Completed);
        var outcome = await store.UpdateAsync(caller.UserId, id, changes, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!.ToView()) : Problem(outcome.Error!);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, Caller caller, TaskStore store, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return NotFound(id);
        }
        var outcome = await store.DeleteAsync(caller.UserId, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : Problem(outcome.Error!);
    }

    private static ProblemHttpResult NotFound(long id) => ProblemResponses.NotFound($"Task {id} was not found.");

    /// <summary>A task rule broken (422) or a task that is missing or another user's (404: the same answer).</summary>
    private static ProblemHttpResult Problem(TaskError error) => error.Kind == TaskErrorKind.NotFound
        ? ProblemResponses.NotFound(error.Message)
        : ProblemResponses.Invalid(error.Message);
}
