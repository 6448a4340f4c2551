using System.Net;
using System.Net.Http.Json;
using System.Text;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>The tasks REST endpoints over real HTTP: shapes, rules, errors and isolation.</summary>
public abstract class TasksApiTests(ApiServerFixture server)
{
    private static string NewUser() => "rest-" + Guid.NewGuid().ToString("N")[..10];

    [SkippableFact]
    public async Task CreateReturns201WithLocationAndTheTaskInSnakeCase()
    {
        using var http = server.ClientFor(NewUser());

        using var response = await http.PostAsJsonAsync("api/tasks", new { title = "  Buy   milk ", description = "2 litres" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = await Json.ReadAsync(response);
        var id = task.GetProperty("id").GetInt64();
        Assert.Equal($"/api/tasks/{id}", response.Headers.Location?.ToString());
        Assert.Equal("Buy milk", task.GetProperty("title").GetString());
        Assert.Equal("2 litres", task.GetProperty("description").GetString());
        Assert.False(task.GetProperty("completed").GetBoolean());
        Assert.Equal(["id", "title", "description", "completed", "created_at", "updated_at", "completed_at", "due", "overdue", "priority", "tags",
            "recurrence", "repeat_from", "reminders"], task.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith("Z", task.GetProperty("created_at").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ListFiltersByStatusAndCounts()
    {
        using var http = server.ClientFor(NewUser());
        var first = await CreateAsync(http, "First");
        await CreateAsync(http, "Second");
        (await http.PatchAsJsonAsync($"api/tasks/{first}", new { completed = true })).EnsureSuccessStatusCode();

        var all = await Json.ReadAsync(await http.GetAsync("api/tasks"));
        var pending = await Json.ReadAsync(await http.GetAsync("api/tasks?status=pending"));
        var completed = await Json.ReadAsync(await http.GetAsync("api/tasks?status=COMPLETED"));

        Assert.Equal(2, all.GetProperty("count").GetInt32());
        Assert.Equal(["First", "Second"], all.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Equal("Second", Assert.Single(pending.GetProperty("tasks").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal("First", Assert.Single(completed.GetProperty("tasks").EnumerateArray()).GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task GetPatchAndDeleteWorkOnOwnTasks()
    {
        using var http = server.ClientFor(NewUser());
        var id = await CreateAsync(http, "Buy milk");

        var patched = await Json.ReadAsync(await http.PatchAsJsonAsync($"api/tasks/{id}", new { title = "Buy oat milk", description = "", completed = true }));
        var fetched = await Json.ReadAsync(await http.GetAsync($"api/tasks/{id}"));
        using var deleted = await http.DeleteAsync($"api/tasks/{id}");
        using var gone = await http.GetAsync($"api/tasks/{id}");

        Assert.Equal("Buy oat milk", patched.GetProperty("title").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, patched.GetProperty("description").ValueKind);
        Assert.True(fetched.GetProperty("completed").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [SkippableFact]
    public async Task AnotherUsersTaskIsNotFoundForEveryVerbAndStaysUnchanged()
    {
        using var owner = server.ClientFor(NewUser());
        using var intruder = server.ClientFor(NewUser());
        var id = await CreateAsync(owner, "Private");

        using var get = await intruder.GetAsync($"api/tasks/{id}");
        using var patch = await intruder.PatchAsJsonAsync($"api/tasks/{id}", new { title = "Hacked" });
        using var delete = await intruder.DeleteAsync($"api/tasks/{id}");
        var list = await Json.ReadAsync(await intruder.GetAsync("api/tasks"));

        Assert.All(new[] { get, patch, delete }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(0, list.GetProperty("count").GetInt32());
        var mine = await Json.ReadAsync(await owner.GetAsync($"api/tasks/{id}"));
        Assert.Equal("Private", mine.GetProperty("title").GetString());
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"title":""}""", "title cannot be empty" },
        { """{"title":"   "}""", "title cannot be empty" },
        { """{}""", "title" },
        { $$"""{"title":"{{new string('a', 201)}}"}""", "at most 200 characters" },
        { $$"""{"title":"ok","description":"{{new string('d', 1001)}}"}""", "at most 1000 characters" },
        { """{"title":"nul\u0000byte"}""", "not allowed" },
    };

    [SkippableTheory]
    [MemberData(nameof(InvalidBodies))]
    public async Task ARuleBrokenIsA422ProblemAndNothingIsStored(string body, string expected)
    {
        using var http = server.ClientFor(NewUser());

        using var response = await http.PostAsync("api/tasks", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Json.ValidationProblemAsync(response, expected);
        Assert.False(problem.TryGetProperty("trace_id", out _), "one trace member, the contract's");
        Assert.Equal(0, (await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("count").GetInt32());
    }

    [SkippableTheory]
    [InlineData("{not json")]
    [InlineData("""{"title":42}""")]
    [InlineData("""{"title":["a"]}""")]
    [InlineData("""["title"]""")]
    [InlineData("""{"title":"ok","description":5}""")]
    public async Task AMalformedBodyIsA400Problem(string body)
    {
        using var http = server.ClientFor(NewUser());

        using var response = await http.PostAsync("api/tasks", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Before, ASP.NET Core's JSON reading threw on a charset it cannot decode, and each of these was a 500.</summary>
    [SkippableTheory]
    [InlineData("POST", "api/tasks", """{"title":"Buy milk"}""", "nonsense")]
    [InlineData("POST", "api/tasks", """{"title":"Buy milk"}""", "utf-7")]
    [InlineData("PATCH", "api/tasks/1", """{"title":"Buy milk"}""", "nonsense")]
    [InlineData("POST", "api/tasks/parse", """{"text":"buy milk friday"}""", "nonsense")]
    [InlineData("POST", "api/chat", """{"message":"add buy milk"}""", "nonsense")]
    [InlineData("PATCH", "api/conversations/1", """{"title":"Shopping"}""", "x-unknown")]
    public async Task ABodyInACharsetTheApiCannotReadIsA415ProblemAndNothingIsStored(string method, string path, string body, string charset)
    {
        using var http = server.ClientFor(NewUser());
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"application/json; charset={charset}");

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal("unsupported_media_type", problem.GetProperty("code").GetString());
        Assert.Equal(0, (await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task ABodyOver64KilobytesIsA413Problem()
    {
        using var http = server.ClientFor(NewUser());
        using var request = OversizedRequests.Json(HttpMethod.Post, "api/tasks", $$"""{"title":"{{new string('x', 70 * 1024)}}"}""");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData("api/tasks/0")]
    [InlineData("api/tasks/-5")]
    [InlineData("api/tasks/99999999")]
    [InlineData("api/tasks/abc")]
    [InlineData("api/tasks/99999999999999999999999")]
    public async Task AnUnknownOrInvalidIdIsNotFound(string path)
    {
        using var http = server.ClientFor(NewUser());

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task AnUnknownStatusFilterIsA422()
    {
        using var http = server.ClientFor(NewUser());

        using var response = await http.GetAsync("api/tasks?status=done");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [SkippableFact]
    public async Task APatchWithNothingToChangeIsA422()
    {
        using var http = server.ClientFor(NewUser());
        var id = await CreateAsync(http, "Unchanged");

        using var response = await http.PatchAsJsonAsync($"api/tasks/{id}", new { });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData("GET", "api/tasks")]
    [InlineData("POST", "api/tasks")]
    [InlineData("GET", "api/tasks/1")]
    [InlineData("PATCH", "api/tasks/1")]
    [InlineData("DELETE", "api/tasks/1")]
    [InlineData("POST", "api/tasks/parse")]
    [InlineData("GET", "api/conversations")]
    [InlineData("GET", "api/conversations/1")]
    [InlineData("DELETE", "api/conversations/1")]
    public async Task EveryEndpointNeedsAToken(string method, string path)
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    private static async Task<long> CreateAsync(HttpClient http, string title)
    {
        using var response = await http.PostAsJsonAsync("api/tasks", new { title });
        response.EnsureSuccessStatusCode();
        return (await Json.ReadAsync(response)).GetProperty("id").GetInt64();
    }
}

public sealed class SqliteTasksApiTests(SqliteApiServer server) : TasksApiTests(server), IClassFixture<SqliteApiServer>;

public sealed class PostgresTasksApiTests(PostgresApiServer server) : TasksApiTests(server), IClassFixture<PostgresApiServer>;
