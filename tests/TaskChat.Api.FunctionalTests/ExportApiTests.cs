using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Api.Conversations;
using TaskChat.Contract;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// GET /api/export ("Download your data") over real HTTP: the caller's tasks and conversations, in the shapes the rest of
/// the api answers with, as a file; never a deleted task, never another user's data.
/// </summary>
public abstract partial class ExportApiTests(ApiServerFixture server)
{
    private static readonly string[] WateringTags = ["home", "garden"];
    private static readonly string[] WateringReminders = ["PT1H"];

    private static string NewUser() => "export-" + Guid.NewGuid().ToString("N")[..10];

    [SkippableFact]
    public async Task TheDownloadHoldsTheCallersTasksAndConversationsAsTheApiShowsThem()
    {
        var user = NewUser();
        var other = NewUser();
        using var http = server.ClientFor(user);
        using var otherHttp = server.ClientFor(other);
        var watering = await CreateAsync(http, new
        {
            title = "Water the plants", description = "The big ones first", due = "2026-12-10T09:00", priority = "high",
            tags = WateringTags, recurrence = "FREQ=WEEKLY", reminders = WateringReminders,
        });
        (await http.PatchAsJsonAsync($"api/tasks/{watering}", new { completed = true })).EnsureSuccessStatusCode();
        var removed = await CreateAsync(http, new { title = "Deleted on purpose" });
        (await http.DeleteAsync($"api/tasks/{removed}")).EnsureSuccessStatusCode();
        await CreateAsync(http, new { title = "Call mum" });
        await CreateAsync(otherHttp, new { title = "Another user's secret" });
        var conversation = await SaveTurnAsync(user, null, "add water the plants", "Added “Water the plants” (task 1).");
        await SaveTurnAsync(user, conversation, "thanks", "You're welcome.");
        await SaveTurnAsync(other, null, "another user's words", "Their reply.");

        using var response = await http.GetAsync("api/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(AttachmentHeader(), response.Content.Headers.ContentDisposition?.ToString() ?? "");
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var export = await Json.ReadAsync(response);
        Assert.Equal(["exported_at", "tasks", "conversations"], export.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith("Z", export.GetProperty("exported_at").GetString(), StringComparison.Ordinal);

        // Every task as GET /api/tasks shows it, completed ones included (the watering, done, and its next occurrence).
        var listed = await Json.ReadAsync(await http.GetAsync("api/tasks?status=all&limit=200"));
        var tasks = export.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(listed.GetProperty("tasks").EnumerateArray().Select(t => t.GetRawText()), tasks.Select(t => t.GetRawText()));
        Assert.Equal(["Water the plants", "Water the plants", "Call mum"], tasks.Select(t => t.GetProperty("title").GetString()));
        var done = tasks[0];
        Assert.True(done.GetProperty("completed").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("completed_at").ValueKind);
        Assert.Equal(["garden", "home"], done.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["PT1H"], done.GetProperty("reminders").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("FREQ=WEEKLY", done.GetProperty("recurrence").GetString());
        Assert.Equal("The big ones first", done.GetProperty("description").GetString());
        Assert.DoesNotContain(tasks, t => t.GetProperty("id").GetInt64() == removed);

        // The conversation as GET /api/conversations/{id} shows it, messages and tool calls included; not the other user's.
        var detail = await Json.ReadAsync(await http.GetAsync($"api/conversations/{conversation}"));
        var exported = Assert.Single(export.GetProperty("conversations").EnumerateArray());
        Assert.Equal(detail.GetRawText(), exported.GetRawText());
        Assert.Equal(4, exported.GetProperty("messages").GetArrayLength());
        var text = export.GetRawText();
        Assert.DoesNotContain("Another user's secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("another user's words", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AUserWithNothingGetsEmptyLists()
    {
        using var http = server.ClientFor(NewUser());

        using var response = await http.GetAsync("api/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await Json.ReadAsync(response);
        Assert.Equal(0, export.GetProperty("tasks").GetArrayLength());
        Assert.Equal(0, export.GetProperty("conversations").GetArrayLength());
    }

    [SkippableFact]
    public async Task TasksPastOnePageAreAllThereOnceInOrder()
    {
        using var http = server.ClientFor(NewUser());
        // One more than a list page (200): the export reads the tasks page by page.
        const int count = 201;
        for (var i = 1; i <= count; i++)
        {
            await CreateAsync(http, new { title = $"Task {i}" });
        }

        var export = await Json.ReadAsync(await http.GetAsync("api/export"));

        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), export.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    public async Task WithoutAValidTokenNothingIsSent(string? token)
    {
        using var http = server.Server.CreateHttpClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.GetAsync("api/export");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [GeneratedRegex("""^attachment; filename="taskchat-export-\d{4}-\d{2}-\d{2}\.json"$""")]
    private static partial Regex AttachmentHeader();

    private static async Task<long> CreateAsync(HttpClient http, object task)
    {
        using var response = await http.PostAsJsonAsync("api/tasks", task);
        response.EnsureSuccessStatusCode();
        return (await Json.ReadAsync(response)).GetProperty("id").GetInt64();
    }

    private async Task<long> SaveTurnAsync(string userId, long? conversationId, string message, string reply)
    {
        await using var scope = server.Server.Services.CreateAsyncScope();
        var toolCalls = $$$"""[{"tool":"{{{ToolNames.AddTask}}}","arguments":{"title":"Water the plants"},"result":{"status":"success"}}]""";
        return await scope.ServiceProvider.GetRequiredService<ConversationStore>().SaveTurnAsync(userId, conversationId, message, reply, toolCalls)
            ?? throw new InvalidOperationException("The turn was not saved.");
    }
}

public sealed class SqliteExportApiTests(SqliteApiServer server) : ExportApiTests(server), IClassFixture<SqliteApiServer>;

public sealed class PostgresExportApiTests(PostgresApiServer server) : ExportApiTests(server), IClassFixture<PostgresApiServer>;
