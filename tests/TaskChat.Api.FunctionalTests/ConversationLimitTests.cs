using System.Net;
using Microsoft.EntityFrameworkCore;
using TaskChat.Contract;

namespace TaskChat.Api.FunctionalTests;

/// <summary>MAX_CONVERSATIONS_PER_USER: a chat that would start one more conversation is refused with a clear problem.</summary>
public abstract class ConversationLimitTests(ChatSystem system)
{
    private const int Limit = 2;

    private static string NewUser() => "convlimit-" + Guid.NewGuid().ToString("N")[..10];

    private Task<RunningApi> ApiWithLimitAsync(int limit = Limit) => RunningApi.StartAsync(system, limit);

    [SkippableFact]
    public async Task A_new_conversation_beyond_the_limit_is_409_with_a_clear_problem_on_both_chat_endpoints()
    {
        await using var api = await ApiWithLimitAsync();
        using var http = system.ClientFor(NewUser(), api.Service);
        await ChatTests.ChatAsync(http, "hello");
        await ChatTests.ChatAsync(http, "add buy milk");

        using var chat = await Json.PostAsync(http, "api/chat", new { message = "add buy bread" });
        using var stream = await Json.PostAsync(http, "api/chat/stream", new { message = "add buy bread" });

        foreach (var refused in new[] { chat, stream })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await Json.ReadAsync(refused);
            Assert.Equal(ProblemCodes.ConversationLimitReached, problem.GetProperty("code").GetString());
            Assert.Contains("limit of 2 conversations", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(Limit, (await Json.ReadAsync(await http.GetAsync("api/conversations"))).GetProperty("count").GetInt32());
        Assert.Equal(1, (await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task At_the_limit_an_existing_conversation_goes_on_and_deleting_one_makes_room()
    {
        await using var api = await ApiWithLimitAsync();
        using var http = system.ClientFor(NewUser(), api.Service);
        var first = (await ChatTests.ChatAsync(http, "hello")).GetProperty("conversation_id").GetInt64();
        await ChatTests.ChatAsync(http, "help");

        var continued = await ChatTests.ChatAsync(http, "add buy milk", first);
        using var deleted = await http.DeleteAsync($"api/conversations/{first}");
        var fresh = await ChatTests.ChatAsync(http, "add buy bread");

        Assert.Equal(first, continued.GetProperty("conversation_id").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.NotEqual(first, fresh.GetProperty("conversation_id").GetInt64());
    }

    [SkippableFact]
    public async Task The_limit_is_per_user()
    {
        await using var api = await ApiWithLimitAsync(limit: 1);
        using var alice = system.ClientFor(NewUser(), api.Service);
        using var bob = system.ClientFor(NewUser(), api.Service);
        await ChatTests.ChatAsync(alice, "hello");

        using var aliceAgain = await Json.PostAsync(alice, "api/chat", new { message = "hello again" });
        var forBob = await ChatTests.ChatAsync(bob, "hello");

        Assert.Equal(HttpStatusCode.Conflict, aliceAgain.StatusCode);
        Assert.Equal(ChatReply.Success, forBob.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Concurrent_new_conversations_never_go_past_the_limit()
    {
        const int limit = 3;
        await using var api = await ApiWithLimitAsync(limit);
        var user = NewUser();
        using var http = system.ClientFor(user, api.Service);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Json.PostAsync(http, "api/chat", new { message = $"hello {i}" })));

        Assert.Equal(limit, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var db = system.Database.CreateDbContext();
        Assert.Equal(limit, await db.Conversations.CountAsync(c => c.UserId == user));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [SkippableFact]
    public async Task At_the_limit_a_keyed_new_conversation_is_409_and_its_key_runs_the_turn_once_there_is_room()
    {
        await using var api = await ApiWithLimitAsync(limit: 1);
        using var http = system.ClientFor(NewUser(), api.Service);
        var first = (await ChatTests.ChatAsync(http, "hello")).GetProperty("conversation_id").GetInt64();
        var key = Guid.NewGuid().ToString();

        // On PostgreSQL the start is part of the key's claim: the claim must not outlive the refusal.
        using var refused = await ChatIdempotencyTests.PostAsync(http, "api/chat", new { message = "add buy bread" }, key);
        using var deleted = await http.DeleteAsync($"api/conversations/{first}");
        using var retried = await ChatIdempotencyTests.PostAsync(http, "api/chat", new { message = "add buy bread" }, key);
        using var replayed = await ChatIdempotencyTests.PostAsync(http, "api/chat", new { message = "add buy bread" }, key);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(ProblemCodes.ConversationLimitReached, (await Json.ReadAsync(refused)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        var conversation = (await Json.ReadAsync(retried)).GetProperty("conversation_id").GetInt64();
        Assert.Equal(conversation, (await Json.ReadAsync(replayed)).GetProperty("conversation_id").GetInt64());
        Assert.Equal(1, (await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task Concurrent_keyed_new_conversations_never_go_past_the_limit_and_leave_no_empty_one()
    {
        const int limit = 3;
        await using var api = await ApiWithLimitAsync(limit);
        var user = NewUser();
        using var http = system.ClientFor(user, api.Service);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            ChatIdempotencyTests.PostAsync(http, "api/chat", new { message = $"hello {i}" }, Guid.NewGuid().ToString())));

        Assert.Equal(limit, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var db = system.Database.CreateDbContext();
        Assert.Equal(limit, await db.Conversations.CountAsync(c => c.UserId == user));
        Assert.Equal(limit, await db.Conversations.CountAsync(c => c.UserId == user && c.Messages.Count == 2));
        Assert.Equal(limit, await db.IdempotentChatTurns.CountAsync(t => t.UserId == user)); // The refused turns' keys were released.
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>An api with its own MAX_CONVERSATIONS_PER_USER (and a rate limit that the tests do not meet).</summary>
    private sealed class RunningApi(TaskChat.TestSupport.RunningService service) : IAsyncDisposable
    {
        public TaskChat.TestSupport.RunningService Service => service;

        public static async Task<RunningApi> StartAsync(ChatSystem system, int limit) =>
            new(await system.StartApiAsync(system.Mcp.BaseAddress.ToString().TrimEnd('/'), new Dictionary<string, string?>
            {
                ["MAX_CONVERSATIONS_PER_USER"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["CHAT_TURNS_PER_MINUTE"] = "1000",
            }));

        public ValueTask DisposeAsync() => service.DisposeAsync();
    }
}

public sealed class SqliteConversationLimitTests(SqliteChatSystem system) : ConversationLimitTests(system), IClassFixture<SqliteChatSystem>;

public sealed class PostgresConversationLimitTests(PostgresChatSystem system) : ConversationLimitTests(system), IClassFixture<PostgresChatSystem>;
