using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Api.Authorization;
using TaskChat.Contract;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Api.Conversations;

/// <summary>The caller's chat conversations: list, read with messages, rename, delete.</summary>
public static class ConversationsApi
{
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder endpoints)
    {
        // A ProblemHttpResult declares no status of its own: the errors each handler returns are listed here.
        var conversations = endpoints.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        conversations.MapGet("/", ListAsync).WithName("ListConversations");
        conversations.MapGet("/{id:long}", GetAsync).WithName("GetConversation").ProducesProblem(StatusCodes.Status404NotFound);
        conversations.MapPatch("/{id:long}", RenameAsync).WithName("RenameConversation")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        conversations.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteConversation").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal static async Task<Ok<ConversationList>> ListAsync(Caller caller, ConversationStore store, CancellationToken cancellationToken)
    {
        var conversations = await store.ListAsync(caller.UserId, cancellationToken);
        return TypedResults.Ok(new ConversationList([.. conversations.Select(ConversationViews.ToSummary)], conversations.Count));
    }

    internal static async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> GetAsync(
        long id, Caller caller, ConversationStore store, CancellationToken cancellationToken)
    {
        var conversation = await store.GetAsync(caller.UserId, id, cancellationToken);
        return conversation is null ? NotFound(id) : TypedResults.Ok(conversation.ToDetail());
    }

    internal static async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> RenameAsync(
        long id, RenameConversationRequest request, Caller caller, ConversationStore store, CancellationToken cancellationToken)
    {
        var (title, error) = ConversationStore.CleanTitle(request.Title);
        if (title is null)
        {
            return ProblemResponses.Invalid(new Dictionary<string, string[]> { ["title"] = [error!] });
        }
        var renamed = await store.RenameAsync(caller.UserId, id, title, cancellationToken);
        return renamed is null ? NotFound(id) : TypedResults.Ok(renamed.ToSummary());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, Caller caller, ConversationStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(caller.UserId, id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    internal static ProblemHttpResult NotFound(long id) => ProblemResponses.NotFound(NotFoundDetail(id));

    internal static string NotFoundDetail(long id) => $"Conversation {id} was not found.";
}
