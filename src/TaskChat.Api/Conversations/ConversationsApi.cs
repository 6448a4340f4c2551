using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Api.Authorization;
using TaskChat.Contract;
using TaskChat.Data;
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
        conversations.MapGet("/", ListAsync).WithName("ListConversations").ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("One page of the caller's conversations, the most recently used first. limit: 1 to " +
                $"{FieldLimits.ConversationPageMax} (default {FieldLimits.ConversationPageDefault}). cursor: next_cursor of the previous page.");
        conversations.MapGet("/{id:long}", GetAsync).WithName("GetConversation")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("The conversation with its newest messages, oldest first. limit: 1 to " +
                $"{FieldLimits.MessagePageMax} (default {FieldLimits.MessagePageDefault}). before: a message id, for the messages " +
                "before it (the first one's id when has_earlier is true).");
        conversations.MapPatch("/{id:long}", RenameAsync).WithName("RenameConversation")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        conversations.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteConversation").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal static async Task<Results<Ok<ConversationList>, ProblemHttpResult>> ListAsync(
        string? limit, string? cursor, Caller caller, ConversationStore store, CancellationToken cancellationToken)
    {
        if (PageSize(limit, FieldLimits.ConversationPageDefault, FieldLimits.ConversationPageMax) is not { } pageSize)
        {
            return ProblemResponses.Invalid($"limit must be a whole number from 1 to {FieldLimits.ConversationPageMax}.");
        }
        ConversationCursor? after = null;
        if (!string.IsNullOrEmpty(cursor) && (after = ConversationCursor.Decode(cursor)) is null)
        {
            return ProblemResponses.Invalid("cursor is not valid: pass next_cursor from the previous page exactly as it was, or leave it out for the first page.");
        }
        var (conversations, next) = await store.ListPageAsync(caller.UserId, pageSize, after, cancellationToken);
        return TypedResults.Ok(new ConversationList([.. conversations.Select(ConversationViews.ToSummary)], conversations.Count, next?.Encode()));
    }

    internal static async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> GetAsync(
        long id, string? limit, string? before, Caller caller, ConversationStore store, CancellationToken cancellationToken)
    {
        if (PageSize(limit, FieldLimits.MessagePageDefault, FieldLimits.MessagePageMax) is not { } pageSize)
        {
            return ProblemResponses.Invalid($"limit must be a whole number from 1 to {FieldLimits.MessagePageMax}.");
        }
        long? first = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId) || messageId < 1)
            {
                return ProblemResponses.Invalid("before must be a message id: a whole number from 1.");
            }
            first = messageId;
        }
        var page = await store.GetPageAsync(caller.UserId, id, pageSize, first, cancellationToken);
        return page is null ? NotFound(id) : TypedResults.Ok(page.ToDetail());
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

    /// <summary>A page size as the query gives it: <paramref name="byDefault"/> when absent, null when not a whole number from 1 to <paramref name="max"/>.</summary>
    private static int? PageSize(string? limit, int byDefault, int max) =>
        string.IsNullOrEmpty(limit) ? byDefault
        : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1 && size <= max ? size : null;

    internal static ProblemHttpResult NotFound(long id) => ProblemResponses.NotFound(NotFoundDetail(id));

    internal static string NotFoundDetail(long id) => $"Conversation {id} was not found.";
}
