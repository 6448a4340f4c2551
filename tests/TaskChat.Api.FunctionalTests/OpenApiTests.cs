using System.Net;
using System.Text.Json;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>The OpenAPI document lists what the endpoints really answer; the reference page is for development only.</summary>
public sealed class OpenApiTests(SqliteApiServer server) : IClassFixture<SqliteApiServer>
{
    [Theory]
    [InlineData("/api/tasks", "get", "200,401,422")]
    [InlineData("/api/tasks", "post", "201,401,409,422")]
    [InlineData("/api/tasks/{id}", "get", "200,401,404")]
    [InlineData("/api/tasks/{id}", "patch", "200,401,404,422")]
    [InlineData("/api/tasks/{id}", "delete", "204,401,404")]
    [InlineData("/api/tasks/parse", "post", "200,401,422")]
    [InlineData("/api/conversations", "get", "200,401,422")]
    [InlineData("/api/conversations/{id}", "get", "200,401,404,422")]
    [InlineData("/api/conversations/{id}", "delete", "204,401,404")]
    [InlineData("/api/export", "get", "200,401")]
    [InlineData("/api/chat", "post", "200,400,401,404,409,422,429,503,504")]
    [InlineData("/api/chat/stream", "post", "200,400,401,404,409,422,429")]
    public async Task TheDocumentListsEachOperationWithItsStatusCodes(string path, string verb, string codes)
    {
        var document = await ReadDocumentAsync(server.Server);

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(verb);

        var responses = operation.GetProperty("responses").EnumerateObject().ToList();
        Assert.Equal(codes.Split(','), responses.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(responses.Where(r => r.Name[0] is '4' or '5'), error =>
            Assert.True(error.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{error.Name} is not a problem"));
    }

    [Fact]
    public async Task TheDocumentDescribesTheBodiesInSnakeCase()
    {
        var document = await ReadDocumentAsync(server.Server);

        var schemas = document.GetProperty("components").GetProperty("schemas");

        var task = schemas.GetProperty("TaskView").GetProperty("properties");
        Assert.Equal(["id", "title", "description", "completed", "created_at", "updated_at", "completed_at", "due", "overdue", "priority", "tags",
            "recurrence", "repeat_from", "reminders"], task.EnumerateObject().Select(p => p.Name));
        var list = document.GetProperty("paths").GetProperty("/api/tasks").GetProperty("get").GetProperty("parameters");
        Assert.Equal(["status", "due_before", "due_after", "overdue", "priority", "tag", "search", "sort", "limit", "cursor"],
            list.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Contains("next_cursor", schemas.GetProperty("TaskList").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        var conversation = document.GetProperty("paths").GetProperty("/api/conversations/{id}").GetProperty("get").GetProperty("parameters");
        Assert.Equal(["id", "limit", "before"], conversation.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Contains("next_cursor", schemas.GetProperty("ConversationList").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Contains("has_earlier", schemas.GetProperty("ConversationDetail").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        var message = schemas.GetProperty("MessageView").GetProperty("properties");
        Assert.Contains("tool_calls", message.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task TheChatStreamIsDescribedAsServerSentEventsOfAChatRequest()
    {
        var document = await ReadDocumentAsync(server.Server);

        var stream = document.GetProperty("paths").GetProperty("/api/chat/stream").GetProperty("post");

        Assert.True(stream.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
        var body = stream.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/ChatRequest", body.GetProperty("$ref").GetString());
        Assert.False(stream.TryGetProperty("parameters", out _), "The caller is bound from the token, not a parameter.");
    }

    [Fact]
    public async Task TheReferencePageIsServedInDevelopment()
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.GetAsync("scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task InProductionTheDocumentIsServedButTheReferencePageIsNot()
    {
        // Production refuses loopback service URLs and SQLite; nothing here needs the database or the issuer.
        await using var api = await new SystemBuilder($"postgres://taskchat:secret@127.0.0.1:{LoopbackServer.UnusedPort()}/taskchat")
            .WithApi(new Dictionary<string, string> { ["LOG_FORMAT"] = "text" })
            .Wired(wiring => wiring with
            {
                Environment = "production",
                PublicHost = "taskchat.internal",
                Issuer = "https://web.example",
                JwksUrl = "https://web.example/api/auth/jwks",
                CorsOrigins = "https://web.example",
            })
            .StartAsync();
        using var http = api.Api.CreateHttpClient();

        using var document = await http.GetAsync("openapi/v1.json");
        using var reference = await http.GetAsync("scalar");

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reference.StatusCode);
    }

    private static async Task<JsonElement> ReadDocumentAsync(RunningService api)
    {
        using var http = api.CreateHttpClient();
        using var response = await http.GetAsync("openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await Json.ReadAsync(response);
    }
}
