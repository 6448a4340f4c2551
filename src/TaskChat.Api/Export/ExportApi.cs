using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TaskChat.Api.Authorization;
using TaskChat.Api.Conversations;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Data.Tasks;

namespace TaskChat.Api.Export;

/// <summary>
/// "Download your data": the caller's tasks and conversations in one JSON document (<see cref="AccountExport"/>), sent as a
/// file. Written while it is read: a page of tasks, then one conversation with its messages, at a time, so a user at the
/// limits (TASKS_PER_USER_MAX, MAX_CONVERSATIONS_PER_USER) costs the api one page or one conversation of memory, not all of it.
/// </summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/export", Export).WithTags("Export").WithName("ExportAccountData").RequireAuthorization()
            .Produces<AccountExport>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithDescription("Everything the caller keeps, as a download (Content-Disposition: attachment; filename=\"taskchat-export-YYYY-MM-DD.json\", " +
                "the date in the caller's time zone): exported_at, tasks (pending and completed, as GET /api/tasks shows them, by number; " +
                "deleted ones left out) and conversations (each as GET /api/conversations/{id} shows it, newest first).");
        return endpoints;
    }

    /// <summary>The file name a download of <paramref name="now"/> gets: the date the user sees, in their zone.</summary>
    public static string FileName(DateTime now, TimeZoneInfo zone) =>
        $"taskchat-export-{TaskTime.Format(DateOnly.FromDateTime(TaskTime.ToLocal(now, zone)))}.json";

    internal static PushStreamHttpResult Export(
        Caller caller, TaskStore tasks, ConversationStore conversations, TimeProvider clock, IOptions<JsonOptions> json, HttpContext context)
    {
        var owner = caller.Owner;
        var now = clock.GetUtcNow().UtcDateTime;
        // Quoted, as browsers and the brief of the feature expect; the name has nothing to escape.
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(now, owner.TimeZone)}\"";
        // Nothing the document says should outlive the download in a shared cache.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(body => WriteAsync(body, owner, caller.UserId, now, tasks, conversations, json.Value.SerializerOptions, context.RequestAborted),
            "application/json");
    }

    /// <summary>
    /// The document, flushed after each page of tasks and each conversation. A failure half way (the database gone) ends the
    /// response without its closing brackets and aborts it: the client sees a broken download, never a file that looks whole.
    /// </summary>
    private static async Task WriteAsync(Stream body, TaskOwner owner, string userId, DateTime now, TaskStore tasks, ConversationStore conversations,
        JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(body);
        writer.WriteStartObject();
        writer.WritePropertyName("exported_at");
        WriteValue(writer, now, options);

        writer.WritePropertyName("tasks");
        writer.WriteStartArray();
        // The list's own keyset paging, by number, every status: deleted tasks are never listed.
        var query = TaskListQuery.Default with { Limit = FieldLimits.TaskPageMax };
        while (true)
        {
            var page = await tasks.ListAsync(owner, query, cancellationToken);
            foreach (var task in page.Tasks)
            {
                WriteValue(writer, task.ToView(owner, now), options);
            }
            await writer.FlushAsync(cancellationToken);
            if (page.NextCursor is null)
            {
                break;
            }
            query = query with { After = TaskCursor.After(page.Tasks[^1], query.Sort) };
        }
        writer.WriteEndArray();

        writer.WritePropertyName("conversations");
        writer.WriteStartArray();
        foreach (var summary in await conversations.ListAsync(userId, cancellationToken))
        {
            // Null when it was deleted since the list was read: it is not the user's any more.
            if (await conversations.GetAsync(userId, summary.Id, cancellationToken) is { } conversation)
            {
                WriteValue(writer, conversation.ToDetail(), options);
                await writer.FlushAsync(cancellationToken);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// One value as the api's serializer writes it. Not <c>JsonSerializer.Serialize(writer, ...)</c>: it flushes the writer
    /// when done, a synchronous write to the response, which Kestrel refuses.
    /// </summary>
    private static void WriteValue<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(value, options), skipInputValidation: true);
}
