using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Api.Infrastructure;
using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Authentication;
using ClaimsPrincipal = System.Security.Claims.ClaimsPrincipal;

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
        string? status, ClaimsPrincipal user, TaskStore store, CancellationToken cancellationToken)
    {
        var filter = TaskRules.StatusFilter(status);
        if (!filter.IsValid)
        {
            return ApiProblems.Invalid(filter.Error!);
        }
        var items = await store.ListAsync(user.GetUserId()!, filter.Value, cancellationToken);
        return TypedResults.Ok(new TaskList([.. items.Select(TaskView.From)], items.Count));
    }

    internal static async Task<Results<Created<TaskView>, ProblemHttpResult>> CreateAsync(
        CreateTaskRequest request, ClaimsPrincipal user, TaskStore store, CancellationToken cancellationToken)
    {
        var outcome = await store.AddAsync(user.GetUserId()!, request.Title, request.Description, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/tasks/{outcome.Value!.Id}", TaskView.From(outcome.Value))
            : ApiProblems.From(outcome.Error!);
    }

    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, TaskStore store, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return NotFound(id);
        }
        var outcome = await store.GetAsync(user.GetUserId()!, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(TaskView.From(outcome.Value!)) : ApiProblems.From(outcome.Error!);
    }

    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateTaskRequest request, ClaimsPrincipal user, TaskStore store, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return NotFound(id);
        }
        var changes = new TaskChanges(request.Title, request.Description, request.Completed);
        var outcome = await store.UpdateAsync(user.GetUserId()!, id, changes, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(TaskView.From(outcome.Value!)) : ApiProblems.From(outcome.Error!);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, ClaimsPrincipal user, TaskStore store, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return NotFound(id);
        }
        var outcome = await store.DeleteAsync(user.GetUserId()!, id, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : ApiProblems.From(outcome.Error!);
    }

    private static ProblemHttpResult NotFound(long id) => ApiProblems.NotFound($"Task {id} was not found.");
}
