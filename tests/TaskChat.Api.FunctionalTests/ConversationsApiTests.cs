using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Api.Conversations;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// The conversations REST endpoints over real HTTP. Conversations are written through the store the
/// chat endpoint uses, so these tests do not depend on the agent.
/// </summary>
public abstract class ConversationsApiTests(ApiServerFixture server)
{
    private const string ToolCalls = $$$$"""[{"tool":"{{{{ToolNames.AddTask}}}}","arguments":{"title":"Buy milk"},"result":{"status":"success","data":{"task_id":1,"title":"Buy milk","status":"created"}}}]""";

    private static string NewUser() => "conv-" + Guid.NewGuid().ToString("N")[..10];

    [SkippableFact]
    public async Task ListIsEmptyForANewUser()
    {
        using var http = server.ClientFor(NewUser());

        using var response = await http.GetAsync("api/conversations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"conversations":[],"count":0,"next_cursor":null}""", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task ListShowsTheNewestFirstInSnakeCase()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var first = await SaveTurnAsync(user, null, "add buy milk");
        var second = await SaveTurnAsync(user, null, "add walk the dog");

        var list = await Json.ReadAsync(await http.GetAsync("api/conversations"));
        // A new turn in the older conversation makes it the most recent one.
        await SaveTurnAsync(user, first, "list my tasks");
        var after = await Json.ReadAsync(await http.GetAsync("api/conversations"));

        Assert.Equal(2, list.GetProperty("count").GetInt32());
        Assert.Equal([second, first], Ids(list));
        Assert.Equal([first, second], Ids(after));
        var summary = list.GetProperty("conversations")[0];
        Assert.Equal(["id", "title", "created_at", "updated_at"], summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal("add walk the dog", summary.GetProperty("title").GetString());
        Assert.EndsWith("Z", summary.GetProperty("created_at").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TheListIsReadAPageAtATimeMostRecentlyUsedFirst()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var ids = new List<long>();
        for (var i = 1; i <= 7; i++)
        {
            ids.Add(await SaveTurnAsync(user, null, $"conversation {i}"));
        }
        await SaveTurnAsync(NewUser(), null, "someone else's");
        ids.Reverse(); // The newest first.

        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await Json.ReadAsync(await http.GetAsync("api/conversations?limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))));
            pages.Add(page);
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null && pages.Count < 10);
        var defaultPage = await Json.ReadAsync(await http.GetAsync("api/conversations"));

        Assert.Equal([3, 3, 1], pages.Select(p => p.GetProperty("count").GetInt32()));
        Assert.Equal(ids, pages.SelectMany(Ids));
        Assert.Equal(ids, Ids(defaultPage));
        Assert.Equal(JsonValueKind.Null, defaultPage.GetProperty("next_cursor").ValueKind);
    }

    [SkippableFact]
    public async Task AConversationUsedWhileTheListIsPagedMovesToTheTopAndIsNotListedTwice()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var oldest = await SaveTurnAsync(user, null, "oldest");
        var middle = await SaveTurnAsync(user, null, "middle");
        var newest = await SaveTurnAsync(user, null, "newest");

        var first = await Json.ReadAsync(await http.GetAsync("api/conversations?limit=2"));
        await SaveTurnAsync(user, middle, "again"); // Now the most recently used: above the page already read.
        var second = await Json.ReadAsync(await http.GetAsync("api/conversations?limit=2&cursor=" + Uri.EscapeDataString(first.GetProperty("next_cursor").GetString()!)));

        Assert.Equal([newest, middle], Ids(first));
        Assert.Equal([oldest], Ids(second));
        Assert.Equal([middle, newest, oldest], Ids(await Json.ReadAsync(await http.GetAsync("api/conversations"))));
    }

    [SkippableTheory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("limit=-1")]
    [InlineData("limit=ten")]
    [InlineData("limit=99999999999999999999")]
    [InlineData("cursor=abc")]
    [InlineData("cursor=%00%01")]
    [InlineData("cursor=eyJ1IjotMSwiaSI6MX0")] // {"u":-1,"i":1}
    [InlineData("cursor=eyJ1IjoxLCJpIjowfQ")] // {"u":1,"i":0}
    [InlineData("cursor=W10")] // []
    [InlineData("cursor=%3Cscript%3E")]
    public async Task AMalformedListRequestIsRefusedWithWhatIsAllowed(string query)
    {
        using var http = server.ClientFor(NewUser());

        using var response = await http.GetAsync($"api/conversations?{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal(ProblemCodes.Validation, problem.GetProperty("code").GetString());
        Assert.StartsWith(query.Split('=')[0] + " ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnOversizedCursorIsRefusedNotRead()
    {
        using var http = server.ClientFor(NewUser());

        using var response = await http.GetAsync("api/conversations?cursor=" + new string('A', 5_000));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [SkippableFact]
    public async Task GetReturnsTheMessagesInOrderWithParsedToolCalls()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var id = await SaveTurnAsync(user, null, "add buy milk", "Added “Buy milk” (task 1).", ToolCalls);
        await SaveTurnAsync(user, id, "thanks", "You're welcome.", null);

        using var response = await http.GetAsync($"api/conversations/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await Json.ReadAsync(response);
        Assert.Equal(["id", "title", "created_at", "updated_at", "messages", "has_earlier"], conversation.EnumerateObject().Select(p => p.Name));
        Assert.False(conversation.GetProperty("has_earlier").GetBoolean());
        Assert.Equal(id, conversation.GetProperty("id").GetInt64());
        Assert.Equal("add buy milk", conversation.GetProperty("title").GetString());
        var messages = conversation.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([MessageRoles.User, MessageRoles.Assistant, MessageRoles.User, MessageRoles.Assistant], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(["add buy milk", "Added “Buy milk” (task 1).", "thanks", "You're welcome."], messages.Select(m => m.GetProperty("content").GetString()));
        Assert.Equal(["id", "role", "content", "tool_calls", "created_at"], messages[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, messages[0].GetProperty("tool_calls").ValueKind);
        var call = Assert.Single(messages[1].GetProperty("tool_calls").EnumerateArray());
        Assert.Equal(ToolNames.AddTask, call.GetProperty("tool").GetString());
        Assert.Equal("Buy milk", call.GetProperty("arguments").GetProperty("title").GetString());
        Assert.Equal(1, call.GetProperty("result").GetProperty("data").GetProperty("task_id").GetInt32());
        Assert.Equal(JsonValueKind.Null, messages[3].GetProperty("tool_calls").ValueKind);
        Assert.True(messages.Select(m => m.GetProperty("id").GetInt64()).SequenceEqual(messages.Select(m => m.GetProperty("id").GetInt64()).Order()));
    }

    [SkippableFact]
    public async Task ALongConversationIsReadNewestPageFirstAndTheEarlierMessagesOnAsk()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var id = await SaveTurnAsync(user, null, "turn 1", "reply 1", null);
        for (var turn = 2; turn <= 30; turn++)
        {
            await SaveTurnAsync(user, id, $"turn {turn}", $"reply {turn}", null);
        }

        var newest = await Json.ReadAsync(await http.GetAsync($"api/conversations/{id}"));
        var newestMessages = Contents(newest);
        var firstId = newest.GetProperty("messages")[0].GetProperty("id").GetInt64();
        var earlier = await Json.ReadAsync(await http.GetAsync($"api/conversations/{id}?before={firstId}"));
        var three = await Json.ReadAsync(await http.GetAsync($"api/conversations/{id}?limit=3"));
        var all = await Json.ReadAsync(await http.GetAsync($"api/conversations/{id}?limit={FieldLimits.MessagePageMax}"));

        // The default page: the newest 50 of 60 messages (turns 6–30), oldest first, and word that there are more.
        Assert.Equal(FieldLimits.MessagePageDefault, newestMessages.Length);
        Assert.Equal("turn 6", newestMessages[0]);
        Assert.Equal("reply 30", newestMessages[^1]);
        Assert.True(newest.GetProperty("has_earlier").GetBoolean());
        // Before its first message: the 10 before it, and nothing before those.
        Assert.Equal([.. Enumerable.Range(1, 5).SelectMany(t => new[] { $"turn {t}", $"reply {t}" })], Contents(earlier));
        Assert.False(earlier.GetProperty("has_earlier").GetBoolean());
        Assert.Equal("turn 1", earlier.GetProperty("title").GetString());
        Assert.Equal(["reply 29", "turn 30", "reply 30"], Contents(three));
        Assert.True(three.GetProperty("has_earlier").GetBoolean());
        Assert.Equal([.. Contents(earlier), .. newestMessages], Contents(all));
        Assert.False(all.GetProperty("has_earlier").GetBoolean());
    }

    [SkippableFact]
    public async Task AnEarlierPageNeverHoldsAnotherConversationsMessages()
    {
        var user = NewUser();
        var other = NewUser();
        using var http = server.ClientFor(user);
        using var otherHttp = server.ClientFor(other);
        var mine = await SaveTurnAsync(user, null, "add buy milk", "Added.", null);
        var theirs = await SaveTurnAsync(other, null, "their secret", "Their reply.", null);
        var myOther = await SaveTurnAsync(user, null, "add walk the dog", "Added.", null);
        await SaveTurnAsync(user, mine, "add eggs", "Added.", null);

        // Before an id far past every message: this conversation's newest, none of another's, the caller's or not.
        var past = await Json.ReadAsync(await http.GetAsync($"api/conversations/{mine}?before={long.MaxValue}"));
        using var intruder = await otherHttp.GetAsync($"api/conversations/{mine}?before={long.MaxValue}&limit=200");

        Assert.Equal(["add buy milk", "Added.", "add eggs", "Added."], Contents(past));
        Assert.Equal(HttpStatusCode.NotFound, intruder.StatusCode);
        Assert.NotEqual(mine, theirs);
        Assert.NotEqual(mine, myOther);
    }

    [SkippableTheory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("limit=-1")]
    [InlineData("limit=abc")]
    [InlineData("limit=1.5")]
    [InlineData("limit=%2B5")]
    [InlineData("limit=99999999999999999999")]
    [InlineData("before=0")]
    [InlineData("before=-5")]
    [InlineData("before=abc")]
    [InlineData("before=1e3")]
    [InlineData("before=99999999999999999999")]
    [InlineData("before=%3Cscript%3E")]
    public async Task AMalformedPageRequestIsRefusedWithWhatIsAllowed(string query)
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var id = await SaveTurnAsync(user, null, "add buy milk");

        using var response = await http.GetAsync($"api/conversations/{id}?{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal(ProblemCodes.Validation, problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(query.Split('=')[0] + " must be", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("script", detail, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task AnEmptyConversationHasNoMessagesAndNothingEarlier()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        await using var scope = server.Server.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ConversationStore>();
        var id = (await store.StartAsync(user, "add buy milk", 1000))!.Value;

        var empty = await Json.ReadAsync(await http.GetAsync($"api/conversations/{id}?limit=1"));

        Assert.Equal(0, empty.GetProperty("messages").GetArrayLength());
        Assert.False(empty.GetProperty("has_earlier").GetBoolean());
    }

    [SkippableFact]
    public async Task AnotherUsersConversationIsNotFoundAndStays()
    {
        var owner = NewUser();
        using var ownerHttp = server.ClientFor(owner);
        using var intruder = server.ClientFor(NewUser());
        var id = await SaveTurnAsync(owner, null, "add buy milk");

        using var get = await intruder.GetAsync($"api/conversations/{id}");
        using var delete = await intruder.DeleteAsync($"api/conversations/{id}");
        var intruderList = await Json.ReadAsync(await intruder.GetAsync("api/conversations"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ProblemCodes.NotFound, (await Json.ReadAsync(get)).GetProperty("code").GetString());
        Assert.Equal(0, intruderList.GetProperty("count").GetInt32());
        using var mine = await ownerHttp.GetAsync($"api/conversations/{id}");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(2, (await Json.ReadAsync(mine)).GetProperty("messages").GetArrayLength());
    }

    [SkippableFact]
    public async Task DeleteRemovesTheConversationAndItsMessages()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var id = await SaveTurnAsync(user, null, "add buy milk");
        var kept = await SaveTurnAsync(user, null, "add walk the dog");

        using var deleted = await http.DeleteAsync($"api/conversations/{id}");
        using var gone = await http.GetAsync($"api/conversations/{id}");
        using var again = await http.DeleteAsync($"api/conversations/{id}");
        var list = await Json.ReadAsync(await http.GetAsync("api/conversations"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal([kept], Ids(list));
        await using var db = server.Database.CreateDbContext();
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == id));
        Assert.Equal(2, await db.Messages.CountAsync(m => m.ConversationId == kept));
    }

    [SkippableTheory]
    [InlineData("GET", "api/conversations/0")]
    [InlineData("GET", "api/conversations/-3")]
    [InlineData("GET", "api/conversations/99999999")]
    [InlineData("GET", "api/conversations/abc")]
    [InlineData("GET", "api/conversations/99999999999999999999999")]
    [InlineData("DELETE", "api/conversations/0")]
    [InlineData("DELETE", "api/conversations/99999999")]
    [InlineData("DELETE", "api/conversations/abc")]
    public async Task AnUnknownOrInvalidIdIsNotFound(string method, string path)
    {
        using var http = server.ClientFor(NewUser());

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task ATurnInAnotherUsersConversationIsRefusedAndWritesNothing()
    {
        var owner = NewUser();
        var id = await SaveTurnAsync(owner, null, "add buy milk");

        var saved = await SaveTurnOrNullAsync(NewUser(), id, "delete everything");

        Assert.Null(saved);
        await using var db = server.Database.CreateDbContext();
        Assert.Equal(2, await db.Messages.CountAsync(m => m.ConversationId == id));
        Assert.False(await db.Messages.AnyAsync(m => m.Content == "delete everything"));
    }

    [SkippableFact]
    public async Task ALongFirstMessageBecomesAShortenedOneLineTitle()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var message = "add   " + string.Join(' ', Enumerable.Range(1, 40).Select(i => $"item{i}")) + "\nplease";

        var id = await SaveTurnAsync(user, null, message);

        var title = (await Json.ReadAsync(await http.GetAsync($"api/conversations/{id}"))).GetProperty("title").GetString()!;
        Assert.True(title.Length <= ConversationStore.MaxTitleLength, $"{title.Length} characters");
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.StartsWith("add item1 item2 item3", title, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', title);
    }

    [SkippableFact]
    public async Task ATitleIsNeverCutInsideACharacter()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        // The cut falls between the two UTF-16 halves of the emoji: a lone surrogate is no valid text.
        var message = new string('a', ConversationStore.MaxTitleLength - 2) + "😀 and much more text after it";

        var id = await SaveTurnAsync(user, null, message);

        var title = (await Json.ReadAsync(await http.GetAsync($"api/conversations/{id}"))).GetProperty("title").GetString()!;
        Assert.Equal(new string('a', ConversationStore.MaxTitleLength - 2) + "…", title);
    }

    [SkippableFact]
    public async Task RenameGivesTheConversationTheTitleTypedOnOneLineAndKeepsItsPlace()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var older = await SaveTurnAsync(user, null, "add buy milk");
        var newer = await SaveTurnAsync(user, null, "add walk the dog");

        using var response = await http.PatchAsync($"api/conversations/{older}", JsonContent.Create(new { title = "  Groceries\n for   the week 🛒 " }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await Json.ReadAsync(response);
        Assert.Equal(["id", "title", "created_at", "updated_at"], summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Groceries for the week 🛒", summary.GetProperty("title").GetString());
        var list = await Json.ReadAsync(await http.GetAsync("api/conversations"));
        Assert.Equal([newer, older], Ids(list));
        Assert.Equal("Groceries for the week 🛒", (await Json.ReadAsync(await http.GetAsync($"api/conversations/{older}"))).GetProperty("title").GetString());
    }

    [SkippableTheory]
    [InlineData("""{"title":""}""")]
    [InlineData("""{"title":"   \n\t "}""")]
    [InlineData("""{"title":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"title":"tab\u0000nul"}""")]
    [InlineData("""{"title":"bell\u0007"}""")]
    public async Task RenameRefusesAnEmptyOrControlCharacterTitleAndKeepsTheOld(string body)
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var id = await SaveTurnAsync(user, null, "add buy milk");

        using var response = await http.PatchAsync($"api/conversations/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal(ProblemCodes.Validation, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        Assert.Equal("add buy milk", (await Json.ReadAsync(await http.GetAsync($"api/conversations/{id}"))).GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task RenameRefusesAnOversizedTitleButTakesOneAtTheLimit()
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var id = await SaveTurnAsync(user, null, "add buy milk");

        using var tooLong = await http.PatchAsync($"api/conversations/{id}", JsonContent.Create(new { title = new string('x', ConversationStore.MaxTitleLength + 1) }));
        using var atLimit = await http.PatchAsync($"api/conversations/{id}", JsonContent.Create(new { title = new string('y', ConversationStore.MaxTitleLength) }));
        using var hugeRequest = OversizedRequests.Json(HttpMethod.Patch, $"api/conversations/{id}", $$"""{"title":"{{new string('z', 2_000_000)}}"}""");
        using var huge = await http.SendAsync(hugeRequest);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.True(huge.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity, $"{huge.StatusCode}");
        Assert.Equal(new string('y', ConversationStore.MaxTitleLength), (await Json.ReadAsync(await http.GetAsync($"api/conversations/{id}"))).GetProperty("title").GetString());
    }

    [SkippableTheory]
    [InlineData("not json")]
    [InlineData("""{"title":42}""")]
    [InlineData("""["title"]""")]
    public async Task RenameWithAMalformedBodyIsABadRequestNotAServerError(string body)
    {
        var user = NewUser();
        using var http = server.ClientFor(user);
        var id = await SaveTurnAsync(user, null, "add buy milk");

        using var response = await http.PatchAsync($"api/conversations/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("add buy milk", (await Json.ReadAsync(await http.GetAsync($"api/conversations/{id}"))).GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task RenamingAnotherUsersOrAMissingConversationIsNotFoundAndChangesNothing()
    {
        var owner = NewUser();
        var id = await SaveTurnAsync(owner, null, "add buy milk");
        using var intruder = server.ClientFor(NewUser());
        using var ownerHttp = server.ClientFor(owner);

        using var theirs = await intruder.PatchAsync($"api/conversations/{id}", JsonContent.Create(new { title = "<script>alert(1)</script>" }));
        using var missing = await ownerHttp.PatchAsync("api/conversations/99999999", JsonContent.Create(new { title = "x" }));

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("add buy milk", (await Json.ReadAsync(await ownerHttp.GetAsync($"api/conversations/{id}"))).GetProperty("title").GetString());
    }

    private static string[] Contents(JsonElement conversation) =>
        [.. conversation.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()!)];

    private static long[] Ids(JsonElement list) =>
        [.. list.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("id").GetInt64())];

    private async Task<long> SaveTurnAsync(string userId, long? conversationId, string message, string reply = "Added “Buy milk” (task 1).", string? toolCalls = ToolCalls) =>
        await SaveTurnOrNullAsync(userId, conversationId, message, reply, toolCalls) ?? throw new InvalidOperationException("The turn was not saved.");

    private async Task<long?> SaveTurnOrNullAsync(string userId, long? conversationId, string message, string reply = "Done.", string? toolCalls = ToolCalls)
    {
        await using var scope = server.Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConversationStore>().SaveTurnAsync(userId, conversationId, message, reply, toolCalls);
    }
}

public sealed class SqliteConversationsApiTests(SqliteApiServer server) : ConversationsApiTests(server), IClassFixture<SqliteApiServer>;

public sealed class PostgresConversationsApiTests(PostgresApiServer server) : ConversationsApiTests(server), IClassFixture<PostgresApiServer>;
