using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Api.Chat;
using TaskChat.Contract;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// A chat turn sent with an Idempotency-Key can be retried without duplicates: a repeat gets the
/// finished turn's answer and runs no tool, a repeat while it runs is 409, keys are per user and
/// checked; and a write whose answer was lost is sent again under its key and applied once.
/// </summary>
public abstract class ChatIdempotencyTests(ChatSystem system)
{
    private static string NewUser() => "idem-" + Guid.NewGuid().ToString("N")[..10];

    private static string NewKey() => Guid.NewGuid().ToString();

    internal static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, object body, params string[] keys)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        foreach (var key in keys)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
        }
        return http.SendAsync(request);
    }

    private async Task<int> TasksAsync(string user)
    {
        await using var db = system.Database.CreateDbContext();
        return await db.Tasks.CountAsync(t => t.UserId == user);
    }

    private async Task<int> MessagesAsync(string user)
    {
        await using var db = system.Database.CreateDbContext();
        return await db.Messages.CountAsync(m => m.UserId == user);
    }

    [SkippableFact]
    public async Task The_same_key_twice_is_one_turn_with_the_same_reply_and_the_tools_run_once()
    {
        var user = NewUser();
        using var http = system.ClientFor(user);
        var key = NewKey();

        using var first = await PostAsync(http, "api/chat", new { message = "add buy milk" }, key);
        using var again = await PostAsync(http, "api/chat", new { message = "add buy milk" }, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Equal("true", Assert.Single(again.Headers.GetValues(IdempotencyKeys.ReplayedHeader)));
        Assert.Equal(1, await TasksAsync(user));
        Assert.Equal(2, await MessagesAsync(user));
        await using var db = system.Database.CreateDbContext();
        Assert.Equal(1, await db.IdempotentToolCalls.CountAsync(c => c.UserId == user));
    }

    [SkippableFact]
    public async Task The_stream_with_a_finished_turns_key_replays_its_outcome_without_running_it()
    {
        var user = NewUser();
        using var http = system.ClientFor(user);
        var key = NewKey();
        using var first = await PostAsync(http, "api/chat", new { message = "add buy eggs and call mom" }, key);
        var reply = await Json.ReadAsync(first);

        using var replayed = await PostAsync(http, "api/chat/stream", new { message = "add buy eggs and call mom" }, key);
        var events = ChatTests.ParseEvents(await replayed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("true", Assert.Single(replayed.Headers.GetValues(IdempotencyKeys.ReplayedHeader)));
        Assert.Equal([ChatEventNames.Conversation, ChatEventNames.ToolCall, ChatEventNames.ToolResult, ChatEventNames.ToolCall,
            ChatEventNames.ToolResult, ChatEventNames.Delta, ChatEventNames.Done], events.Select(e => e.Name));
        Assert.Equal(JsonSerializer.Serialize(reply), JsonSerializer.Serialize(events[^1].Data));
        Assert.Equal(2, await TasksAsync(user));
    }

    [SkippableFact]
    public async Task A_streamed_turns_key_replays_on_the_plain_endpoint_too()
    {
        var user = NewUser();
        using var http = system.ClientFor(user);
        var key = NewKey();
        using var streamed = await PostAsync(http, "api/chat/stream", new { message = "add pay rent" }, key);
        var done = ChatTests.ParseEvents(await streamed.Content.ReadAsStringAsync()).Single(e => e.Name == ChatEventNames.Done).Data;

        using var again = await PostAsync(http, "api/chat", new { message = "add pay rent" }, key);

        Assert.Equal(JsonSerializer.Serialize(done), JsonSerializer.Serialize(await Json.ReadAsync(again)));
        Assert.Equal(1, await TasksAsync(user));
    }

    [SkippableFact]
    public async Task Another_users_same_key_is_an_independent_turn()
    {
        var (alice, bob) = (NewUser(), NewUser());
        using var asAlice = system.ClientFor(alice);
        using var asBob = system.ClientFor(bob);
        var key = NewKey();

        using var forAlice = await PostAsync(asAlice, "api/chat", new { message = "add buy milk" }, key);
        using var forBob = await PostAsync(asBob, "api/chat", new { message = "add buy bread" }, key);

        Assert.Equal(HttpStatusCode.OK, forBob.StatusCode);
        Assert.False(forBob.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Contains("Buy bread", (await Json.ReadAsync(forBob)).GetProperty("response").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await TasksAsync(alice));
        Assert.Equal(1, await TasksAsync(bob));
    }

    [SkippableFact]
    public async Task A_key_sent_again_with_another_message_is_422_and_runs_nothing()
    {
        var user = NewUser();
        using var http = system.ClientFor(user);
        var key = NewKey();
        using var first = await PostAsync(http, "api/chat", new { message = "add buy milk" }, key);
        var conversation = (await Json.ReadAsync(first)).GetProperty("conversation_id").GetInt64();

        using var otherMessage = await PostAsync(http, "api/chat", new { message = "add buy bread" }, key);
        using var otherConversation = await PostAsync(http, "api/chat/stream", new { message = "add buy milk", conversation_id = conversation }, key);

        foreach (var refused in new[] { otherMessage, otherConversation })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal(ProblemCodes.IdempotencyKeyReused, (await Json.ReadAsync(refused)).GetProperty("code").GetString());
        }
        Assert.Equal(1, await TasksAsync(user));
        Assert.Equal(2, await MessagesAsync(user));
    }

    public static TheoryData<string, string[]> BadKeys => new()
    {
        { "empty", [""] },
        { "too long", [new string('k', IdempotencyKeys.MaxChatKeyLength + 1)] },
        { "a space", ["two words"] },
        { "a slash", ["a/b"] },
        { "a quote", ["a\"b"] },
        { "markup", ["<script>alert(1)</script>"] },
        { "two headers", [Guid.NewGuid().ToString(), Guid.NewGuid().ToString()] },
    };

    [SkippableTheory]
    [MemberData(nameof(BadKeys))]
    public async Task A_malformed_key_is_400_with_a_clear_problem_and_starts_nothing(string what, string[] keys)
    {
        var user = NewUser();
        using var http = system.ClientFor(user);

        using var chat = await PostAsync(http, "api/chat", new { message = "add buy milk" }, keys);
        using var stream = await PostAsync(http, "api/chat/stream", new { message = "add buy milk" }, keys);

        foreach (var response in new[] { chat, stream })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await Json.ReadAsync(response);
            Assert.Equal(ProblemCodes.InvalidIdempotencyKey, problem.GetProperty("code").GetString());
            Assert.Contains(IdempotencyKeys.Header, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await TasksAsync(user));
        Assert.Equal(0, await MessagesAsync(user));
        _ = what;
    }

    [SkippableFact]
    public async Task The_longest_key_allowed_works()
    {
        var user = NewUser();
        using var http = system.ClientFor(user);
        var key = "k-" + new string('x', IdempotencyKeys.MaxChatKeyLength - 2);

        using var first = await PostAsync(http, "api/chat", new { message = "add buy milk" }, key);
        using var again = await PostAsync(http, "api/chat", new { message = "add buy milk" }, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(again.Headers.Contains(IdempotencyKeys.ReplayedHeader));
        Assert.Equal(1, await TasksAsync(user));
    }

    [SkippableFact]
    public async Task A_key_whose_turn_is_still_running_is_409_and_is_free_again_once_that_turn_fails()
    {
        await using var mcp = await HeldMcp.StartAsync();
        await using var api = await system.StartApiAsync(mcp.Url);
        var user = NewUser();
        using var http = system.ClientFor(user, api);
        var key = NewKey();

        var running = PostAsync(http, "api/chat", new { message = "add buy milk" }, key);
        await Eventually.TrueAsync(() => mcp.Requests > 0, "the turn did not reach the held mcp");
        using var whileRunning = await PostAsync(http, "api/chat", new { message = "add buy milk" }, key);
        using var streamWhileRunning = await PostAsync(http, "api/chat/stream", new { message = "add buy milk" }, key);
        mcp.Release();
        using var failed = await running;
        using var retried = await PostAsync(http, "api/chat", new { message = "add buy milk" }, key);

        foreach (var conflict in new[] { whileRunning, streamWhileRunning })
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            Assert.Equal(ProblemCodes.IdempotencyKeyInUse, (await Json.ReadAsync(conflict)).GetProperty("code").GetString());
            Assert.NotNull(conflict.Headers.RetryAfter);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        // Not 409: the failed turn freed its key, so the retry ran (and met the same outage).
        Assert.Equal(HttpStatusCode.ServiceUnavailable, retried.StatusCode);
        await using var db = system.Database.CreateDbContext();
        Assert.False(await db.IdempotentChatTurns.AnyAsync(t => t.UserId == user));
    }

    [SkippableFact]
    public async Task A_running_turns_claim_is_renewed_so_a_retry_past_the_lease_is_still_409_and_runs_nothing()
    {
        // A turn that outlives the lease (a slow model, a held mcp) keeps its key: its api renews the claim.
        await using var mcp = await HeldMcp.StartAsync();
        var leases = new ChatTurnLeases(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(200));
        await using var api = await system.StartApiAsync(mcp.Url, testServices: services => services.AddSingleton(leases));
        var user = NewUser();
        using var http = system.ClientFor(user, api);
        var key = NewKey();

        var running = PostAsync(http, "api/chat", new { message = "add buy milk" }, key);
        await Eventually.TrueAsync(() => mcp.Requests > 0, "the turn did not reach the held mcp");
        var claimed = await ClaimedAtAsync(user, key);
        await Task.Delay(leases.Length * 2);
        var requestsBefore = mcp.Requests;
        using var pastTheLease = await PostAsync(http, "api/chat", new { message = "add buy milk" }, key);
        var requestsAfter = mcp.Requests;
        var renewed = await ClaimedAtAsync(user, key);
        mcp.Release();
        using var failed = await running;

        Assert.Equal(HttpStatusCode.Conflict, pastTheLease.StatusCode);
        Assert.Equal(ProblemCodes.IdempotencyKeyInUse, (await Json.ReadAsync(pastTheLease)).GetProperty("code").GetString());
        Assert.True(renewed > claimed + leases.Length, $"The claim was not renewed: claimed at {claimed:O}, {renewed:O} after twice the lease.");
        Assert.Equal(requestsBefore, requestsAfter); // The retry ran nothing.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        await using var db = system.Database.CreateDbContext();
        Assert.False(await db.IdempotentChatTurns.AnyAsync(t => t.UserId == user), "The failed turn's key was not released.");
    }

    [SkippableFact]
    public async Task A_claim_left_by_an_api_that_died_mid_turn_is_taken_over_once_its_lease_has_passed()
    {
        // An api killed mid-turn leaves its claim, never renewed again and never released: a retry within the lease
        // is told the turn is still running (it may be, on a live replica), one after it runs the turn.
        var user = NewUser();
        var (recent, abandoned) = (NewKey(), NewKey());
        var now = DateTime.UtcNow;
        await using (var seed = system.Database.CreateDbContext())
        {
            foreach (var (key, age) in new[] { (recent, TimeSpan.FromSeconds(5)), (abandoned, ChatTurnLeases.Default().Length + TimeSpan.FromSeconds(5)) })
            {
                seed.IdempotentChatTurns.Add(new()
                {
                    UserId = user, Key = key, RequestHash = ChatTurnKeys.RequestHash("add buy milk", null), CreatedAt = now - age, ClaimedAt = now - age,
                });
            }
            await seed.SaveChangesAsync();
        }
        using var http = system.ClientFor(user);

        using var withinTheLease = await PostAsync(http, "api/chat", new { message = "add buy milk" }, recent);
        using var afterTheLease = await PostAsync(http, "api/chat", new { message = "add buy milk" }, abandoned);

        Assert.Equal(HttpStatusCode.Conflict, withinTheLease.StatusCode);
        Assert.Equal(ProblemCodes.IdempotencyKeyInUse, (await Json.ReadAsync(withinTheLease)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, afterTheLease.StatusCode);
        Assert.Equal([ToolNames.AddTask], ChatTests.Tools(await Json.ReadAsync(afterTheLease)));
        Assert.Equal(1, await TasksAsync(user));
        await using var db = system.Database.CreateDbContext();
        Assert.NotNull(await db.IdempotentChatTurns.Where(t => t.UserId == user && t.Key == abandoned).Select(t => t.Reply).SingleAsync());
    }

    private async Task<DateTime> ClaimedAtAsync(string user, string key)
    {
        await using var db = system.Database.CreateDbContext();
        return await db.IdempotentChatTurns.Where(t => t.UserId == user && t.Key == key).Select(t => t.ClaimedAt).SingleAsync();
    }

    [SkippableFact]
    public async Task A_write_whose_answer_was_lost_is_sent_again_under_its_key_and_the_turn_succeeds_with_one_row()
    {
        await using var front = await LossyMcpFront.StartAsync(system.Mcp.BaseAddress, lose: 1);
        await using var api = await system.StartApiAsync(front.Address.ToString().TrimEnd('/'));
        var user = NewUser();
        using var http = system.ClientFor(user, api);

        var reply = await ChatTests.ChatAsync(http, "add buy milk");

        Assert.Equal([ToolNames.AddTask], ChatTests.Tools(reply));
        Assert.Equal(ToolEnvelope.SuccessStatus, reply.GetProperty("tool_calls")[0].GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(2, front.ToolCalls);
        Assert.Equal(1, await TasksAsync(user));
    }

    [SkippableFact]
    public async Task A_write_whose_answers_never_come_says_it_may_have_been_saved_and_a_retry_by_key_adds_nothing_more()
    {
        await using var front = await LossyMcpFront.StartAsync(system.Mcp.BaseAddress, lose: McpToolGateway.MaxAttempts);
        await using var api = await system.StartApiAsync(front.Address.ToString().TrimEnd('/'));
        var user = NewUser();
        using var http = system.ClientFor(user, api);
        var key = NewKey();

        using var failed = await PostAsync(http, "api/chat", new { message = "add buy milk" }, key);
        var problem = await Json.ReadAsync(failed);
        using var retried = await PostAsync(http, "api/chat", new { message = "add buy milk" }, key);
        var reply = await Json.ReadAsync(retried);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(ProblemCodes.McpUnavailable, problem.GetProperty("code").GetString());
        Assert.Equal(ChatTurnRunner.WriteOutcomeUnknownDetail, problem.GetProperty("detail").GetString());
        Assert.Contains("may have been saved", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(McpToolGateway.MaxAttempts + 1, front.ToolCalls);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Contains("Buy milk", reply.GetProperty("response").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await TasksAsync(user));
    }

    [SkippableFact]
    public async Task The_stream_says_may_have_been_saved_when_a_writes_answers_never_come()
    {
        await using var front = await LossyMcpFront.StartAsync(system.Mcp.BaseAddress, lose: McpToolGateway.MaxAttempts);
        await using var api = await system.StartApiAsync(front.Address.ToString().TrimEnd('/'));
        var user = NewUser();
        using var http = system.ClientFor(user, api);

        using var response = await PostAsync(http, "api/chat/stream", new { message = "add buy milk" }, NewKey());
        var events = ChatTests.ParseEvents(await response.Content.ReadAsStringAsync());

        var error = events.Single(e => e.Name == ChatEventNames.Error).Data;
        Assert.Equal(ChatTurnRunner.WriteOutcomeUnknownDetail, error.GetProperty("detail").GetString());
        Assert.Equal(1, await TasksAsync(user));
    }

    [SkippableFact]
    public async Task A_read_whose_answers_never_come_says_please_try_again_not_may_have_been_saved()
    {
        await using var front = await LossyMcpFront.StartAsync(system.Mcp.BaseAddress, lose: McpToolGateway.MaxAttempts);
        await using var api = await system.StartApiAsync(front.Address.ToString().TrimEnd('/'));
        using var http = system.ClientFor(NewUser(), api);

        using var response = await PostAsync(http, "api/chat", new { message = "show my tasks" }, NewKey());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Service temporarily unavailable. Please try again.", (await Json.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(McpToolGateway.MaxAttempts, front.ToolCalls);
    }

    [SkippableFact]
    public async Task A_turn_whose_client_leaves_runs_to_its_end_is_stored_and_its_key_then_replays_it()
    {
        // The client leaves while the turn's tool call is on its way (a user who sends a message and goes
        // straight to the tasks page, or closes the tab): the user expects the change made and the turn kept.
        await using var front = await LossyMcpFront.StartAsync(system.Mcp.BaseAddress, lose: 0);
        front.Hold();
        await using var api = await system.StartApiAsync(front.Address.ToString().TrimEnd('/'));
        var user = NewUser();
        using var http = system.ClientFor(user, api);
        var key = NewKey();

        using (var leaving = new CancellationTokenSource())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat/stream") { Content = JsonContent.Create(new { message = "add buy milk" }) };
            request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, leaving.Token);
            var reading = response.Content.ReadAsStringAsync(leaving.Token);
            await front.ToolCallHeld.WaitAsync(TimeSpan.FromMinutes(1));
            await leaving.CancelAsync(); // The client leaves while the tool call is on its way: the connection closes.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        }
        // Before the fix the api gave up its call here; give it the time to (it should not).
        await Task.WhenAny(front.ToolCallAbandoned, Task.Delay(TimeSpan.FromSeconds(2)));
        Assert.False(front.ToolCallAbandoned.IsCompleted, "The api gave up the tool call when its client left.");
        front.Release();

        await Eventually.TrueAsync(async () => await MessagesAsync(user) == 2, "the turn did not store its two messages after the tool call was released");
        Assert.Equal(1, await TasksAsync(user));
        await using (var db = system.Database.CreateDbContext())
        {
            Assert.NotNull(await db.IdempotentChatTurns.Where(t => t.UserId == user && t.Key == key).Select(t => t.Reply).SingleAsync());
        }
        // Back on the chat, the same message with its key gets the stored turn, runs nothing again.
        using var again = await PostAsync(http, "api/chat", new { message = "add buy milk" }, key);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", Assert.Single(again.Headers.GetValues(IdempotencyKeys.ReplayedHeader)));
        Assert.Equal([ToolNames.AddTask], ChatTests.Tools(await Json.ReadAsync(again)));
        Assert.Equal(1, front.ToolCalls);
    }

    /// <summary>A stand-in mcp that holds every request until released, then answers 503: a turn that runs as long as the test wants.</summary>
    private sealed class HeldMcp : IAsyncDisposable
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private WebApplication _server = null!;
        private int _requests;

        public string Url { get; private set; } = "";

        public int Requests => Volatile.Read(ref _requests);

        public static async Task<HeldMcp> StartAsync()
        {
            var mcp = new HeldMcp();
            var (server, address) = await LoopbackServer.StartAsync(app => app.MapPost("/mcp", async () =>
            {
                Interlocked.Increment(ref mcp._requests);
                await mcp._release.Task;
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }));
            (mcp._server, mcp.Url) = (server, address.ToString().TrimEnd('/'));
            return mcp;
        }

        public void Release() => _release.TrySetResult();

        public async ValueTask DisposeAsync()
        {
            Release();
            await _server.DisposeAsync();
        }
    }
}

public sealed class SqliteChatIdempotencyTests(SqliteChatSystem system) : ChatIdempotencyTests(system), IClassFixture<SqliteChatSystem>;

public sealed class PostgresChatIdempotencyTests(PostgresChatSystem system) : ChatIdempotencyTests(system), IClassFixture<PostgresChatSystem>;
