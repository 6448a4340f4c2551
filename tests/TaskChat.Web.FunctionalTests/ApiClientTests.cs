using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;
using TaskChat.Web.Api;

namespace TaskChat.Web.FunctionalTests;

/// <summary>The pages' ApiClient against a real api that trusts the web's tokens (its mcp is down).</summary>
public sealed class ApiClientTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private RunningSystem _system = null!;
    private RunningService _web = null!;
    private RunningService _api = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _system = await new SystemBuilder(_database.Url).WithApi().WithWeb().StartAsync();
        _web = _system.Web;
        _api = _system.Api;
    }

    [Fact]
    public async Task TasksGoThereAndBackAsTheSignedInUser()
    {
        var api = await WebServers.ApiClientForNewUserAsync(_web, _api.BaseAddress);

        var added = await api.AddTaskAsync("Buy milk");
        await api.RenameTaskAsync(added.Id, "Buy oat milk");
        await api.SetCompletedAsync(added.Id, true);
        var completed = await api.ListTasksAsync(new TaskQuery(ListStatus.Completed));
        var pending = await api.ListTasksAsync(new TaskQuery(ListStatus.Pending));
        await api.DeleteTaskAsync(added.Id);
        var all = await api.ListTasksAsync(new TaskQuery(ListStatus.All));

        Assert.Equal("Buy oat milk", Assert.Single(completed.Tasks).Title);
        Assert.Empty(pending.Tasks);
        Assert.Empty(all.Tasks);
    }

    /// <summary>The tasks page's query reaches the api as asked: a search with characters a query must escape, and a page.</summary>
    [Fact]
    public async Task ASearchWithCharactersToEscapeAndAPageReachTheApiAsAsked()
    {
        var api = await WebServers.ApiClientForNewUserAsync(_web, _api.BaseAddress);
        await api.AddTaskAsync("Pay rent & café + tip 🥛 #home");
        await api.AddTaskAsync("Pay rent = later");
        await api.AddTaskAsync("Pay rent twice");

        var found = await api.ListTasksAsync(new TaskQuery(Search: "  rent & café + tip 🥛  "));
        var first = await api.ListTasksAsync(new TaskQuery(Search: "rent", Sort: "title", Limit: 2));
        var next = await api.ListTasksAsync(new TaskQuery(Search: "rent", Sort: "title", Limit: 2, Cursor: first.NextCursor));

        Assert.Equal("Pay rent & café + tip 🥛 #home", Assert.Single(found.Tasks).Title);
        Assert.Equal(["Pay rent & café + tip 🥛 #home", "Pay rent = later"], first.Tasks.Select(t => t.Title));
        Assert.Equal("Pay rent twice", Assert.Single(next.Tasks).Title);
        Assert.Null(next.NextCursor);
    }

    [Fact]
    public async Task AProblemComesOutWithItsStatusAndDetail()
    {
        var api = await WebServers.ApiClientForNewUserAsync(_web, _api.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiException>(() => api.DeleteTaskAsync(999_999));

        Assert.Equal(404, error.Status);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task AChatTurnWithTheMcpDownIsUnavailable()
    {
        var api = await WebServers.ApiClientForNewUserAsync(_web, _api.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var e in api.StreamChatAsync("add buy milk", null, Guid.NewGuid()))
            {
                if (e is TurnFailed failed)
                {
                    throw new ApiException(failed.Status, failed.Detail);
                }
            }
        });

        Assert.Equal(503, error.Status);
    }

    /// <summary>
    /// An api that takes the connection and never answers (stopped with SIGSTOP, or stuck) is "not answering" after the
    /// call timeout, as a refused connection is: before, a page waited for the client's timeout, five minutes.
    /// </summary>
    [Fact]
    public async Task AnApiThatNeverAnswersIsNotAnsweringAfterTheCallTimeout()
    {
        var (standIn, address) = await LoopbackServer.StartAsync(app => app.MapGet("/api/tasks", async (CancellationToken aborted) =>
        {
            await Task.Delay(Timeout.Infinite, aborted);
            return Results.Ok();
        }));
        await using var _ = standIn;
        var api = await WebServers.ApiClientForNewUserAsync(_web, address, callTimeout: TimeSpan.FromMilliseconds(300));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => api.ListTasksAsync(new TaskQuery()));

        Assert.Equal("The api did not answer within 0.3 s.", error.Message);
        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));
        using var canceled = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.ListTasksAsync(new TaskQuery(), canceled.Token)); // The caller's own cancellation stays one.
        Assert.Equal(TimeSpan.FromSeconds(10), ApiClient.DefaultCallTimeout);
    }

    /// <summary>
    /// A chat stream that goes quiet (an api stopped mid-turn, or lost behind a proxy that keeps the connection) breaks
    /// off after the idle limit, as a cut connection does (the page then offers "Send again"); keep_alive events keep a
    /// quiet turn open and are not events of the turn; headers that never come are the api not answering.
    /// </summary>
    [Fact]
    public async Task AChatStreamThatGoesQuietBreaksOffAfterTheIdleLimitAndKeepAlivesKeepItOpen()
    {
        const string conversation = "event: conversation\ndata: {\"conversation_id\":3}\n\n";
        const string done = "event: delta\ndata: {\"text\":\"Done.\"}\n\nevent: done\ndata: {\"conversation_id\":3,\"response\":\"Done.\",\"tool_calls\":[],\"status\":\"success\"}\n\n";
        var (standIn, address) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/api/chat/stream", async (HttpContext context, ChatRequest request) =>
            {
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync(conversation, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                if (request.Message == "go quiet")
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                for (var i = 0; i < 30; i++) // 6 s in all, past the client's idle limit; a gap would have to be 20 times late to reach it.
                {
                    await Task.Delay(200, context.RequestAborted);
                    await context.Response.WriteAsync("event: keep_alive\ndata: {}\n\n", context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
                await context.Response.WriteAsync(done, context.RequestAborted);
            });
            app.MapPost("/never/api/chat/stream", async (CancellationToken aborted) =>
            {
                await Task.Delay(Timeout.Infinite, aborted);
                return Results.Ok();
            });
        });
        await using var _ = standIn;
        var api = await WebServers.ApiClientForNewUserAsync(_web, address, chatStreamIdleLimit: TimeSpan.FromSeconds(4));
        var never = await WebServers.ApiClientForNewUserAsync(_web, new Uri(address, "never/"), chatStreamIdleLimit: TimeSpan.FromSeconds(4));

        var kept = new List<ChatEvent>();
        await foreach (var e in api.StreamChatAsync("keep going", null, Guid.NewGuid()))
        {
            kept.Add(e);
        }
        var quiet = new List<ChatEvent>();
        var broke = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var e in api.StreamChatAsync("go quiet", null, Guid.NewGuid()))
            {
                quiet.Add(e);
            }
        });
        var unanswered = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await foreach (var e in never.StreamChatAsync("hello", null, Guid.NewGuid()))
            {
            }
        });

        Assert.Equal([typeof(ConversationStarted), typeof(TextDelta), typeof(TurnDone)], kept.Select(e => e.GetType()));
        Assert.Equal([typeof(ConversationStarted)], quiet.Select(e => e.GetType()));
        Assert.Equal("The api sent nothing for 4 s.", broke.Message);
        Assert.Equal("The api did not answer within 4 s.", unanswered.Message);
        Assert.Equal(TimeSpan.FromSeconds(35), ApiClient.DefaultChatStreamIdleLimit);
    }

    [Fact]
    public async Task AStreamedTurnComesOutAsTheContractsEventsInOrder()
    {
        // The stream exactly as README "Chat" shows it, from a stand-in api.
        const string stream = """
            event: conversation
            data: {"conversation_id":1}

            event: tool_call
            data: {"tool":"add_task","arguments":{"title":"Eggs"}}

            event: tool_result
            data: {"tool":"add_task","result":{"status":"success","data":{"task_id":2,"title":"Eggs","status":"created"}}}

            event: delta
            data: {"text":"Added “Eggs” "}

            event: delta
            data: {"text":"(task 2)."}

            event: done
            data: {"conversation_id":1,"response":"Added “Eggs” (task 2).","tool_calls":[{"tool":"add_task","arguments":{"title":"Eggs"},"result":{"status":"success","data":{"task_id":2,"title":"Eggs","status":"created"}}}],"status":"success"}


            """;
        var (standIn, address) = await LoopbackServer.StartAsync(app => app.MapPost("/api/chat/stream", () => Results.Text(stream, "text/event-stream")));
        await using var _ = standIn;
        var api = await WebServers.ApiClientForNewUserAsync(_web, address);

        var events = new List<ChatEvent>();
        await foreach (var e in api.StreamChatAsync("add eggs", null, Guid.NewGuid()))
        {
            events.Add(e);
        }

        Assert.Equal([typeof(ConversationStarted), typeof(ToolCalled), typeof(ToolAnswered), typeof(TextDelta), typeof(TextDelta), typeof(TurnDone)], events.Select(e => e.GetType()));
        Assert.Equal(1, ((ConversationStarted)events[0]).ConversationId);
        Assert.Equal("Eggs", ((ToolCalled)events[1]).Arguments.GetProperty(ToolArguments.Title).GetString());
        Assert.Equal("Added “Eggs” (task 2).", string.Concat(events.OfType<TextDelta>().Select(d => d.Text)));
        var done = ((TurnDone)events[^1]).Reply;
        Assert.Equal(ToolNames.AddTask, Assert.Single(done.ToolCalls).Tool);
        Assert.Equal(done.Response, string.Concat(events.OfType<TextDelta>().Select(d => d.Text)));
    }

    [Fact]
    public async Task A_message_sent_again_after_a_failed_turn_carries_the_same_idempotency_key_and_the_next_message_a_new_one()
    {
        // A stand-in api: the first turn starts conversation 7 and fails (the api then removes 7); later turns succeed.
        var seen = new List<(string? Key, long? ConversationId)>();
        var (standIn, address) = await LoopbackServer.StartAsync(app => app.MapPost("/api/chat/stream", (HttpRequest request, ChatRequest body) =>
        {
            lock (seen)
            {
                seen.Add((request.Headers[IdempotencyKeys.Header].SingleOrDefault(), body.ConversationId));
                var events = seen.Count == 1
                    ? "event: conversation\ndata: {\"conversation_id\":7}\n\nevent: error\ndata: {\"code\":\"mcp_unavailable\",\"detail\":\"It may have been saved.\",\"status\":503}\n\n"
                    : "event: conversation\ndata: {\"conversation_id\":8}\n\nevent: done\ndata: {\"conversation_id\":8,\"response\":\"Added.\",\"tool_calls\":[],\"status\":\"success\"}\n\n";
                return Results.Text(events, "text/event-stream");
            }
        }));
        await using var _ = standIn;
        var api = await WebServers.ApiClientForNewUserAsync(_web, address);
        var failed = Guid.NewGuid();

        await DrainAsync(api.StreamChatAsync("add buy milk", null, failed));
        await DrainAsync(api.StreamChatAsync("add buy milk", 7, failed)); // The page keeps the conversation the failed turn named.
        await DrainAsync(api.StreamChatAsync("add buy milk", 8, Guid.NewGuid())); // The same words again on purpose: a new message.

        Assert.Equal(3, seen.Count);
        Assert.Equal(failed.ToString(), seen[0].Key); // The page's id of the message is its key.
        Assert.Equal(seen[0], seen[1]); // Same key, and sent as it first went: without the removed conversation.
        Assert.NotEqual(seen[0].Key, seen[2].Key);
        Assert.Equal(8, seen[2].ConversationId);
    }

    [Fact]
    public async Task Two_messages_with_the_same_words_sent_on_purpose_are_two_turns_and_a_message_moved_to_another_conversation_a_new_key()
    {
        var seen = new List<(string? Key, long? ConversationId)>();
        var (standIn, address) = await LoopbackServer.StartAsync(app => app.MapPost("/api/chat/stream", (HttpRequest request, ChatRequest body) =>
        {
            lock (seen)
            {
                seen.Add((request.Headers[IdempotencyKeys.Header].SingleOrDefault(), body.ConversationId));
                // Every turn fails before it starts a conversation: nothing is ever answered.
                return Results.Text("event: error\ndata: {\"code\":\"mcp_unavailable\",\"detail\":\"Try again.\",\"status\":503}\n\n", "text/event-stream");
            }
        }));
        await using var _ = standIn;
        var api = await WebServers.ApiClientForNewUserAsync(_web, address);
        var first = Guid.NewGuid();

        await DrainAsync(api.StreamChatAsync("add buy milk", 3, first));
        await DrainAsync(api.StreamChatAsync("add buy milk", 3, Guid.NewGuid())); // Not answered, yet a new message: not a retry.
        await DrainAsync(api.StreamChatAsync("add buy milk", 3, first)); // No longer the pending one: sent as its own id.
        await DrainAsync(api.StreamChatAsync("add buy milk", 4, first)); // The same message to another conversation.

        Assert.Equal(4, seen.Count);
        Assert.Equal(4, seen.Select(s => s.Key).Distinct().Count() + 1); // Only attempts 1 and 3 share a key.
        Assert.Equal(seen[0].Key, seen[2].Key);
        Assert.NotEqual(seen[0].Key, seen[1].Key);
        Assert.NotEqual(seen[2].Key, seen[3].Key);
        Assert.Equal(4, seen[3].ConversationId);
    }

    private static async Task DrainAsync(IAsyncEnumerable<ChatEvent> events)
    {
        await foreach (var _ in events)
        {
        }
    }

    [Fact]
    public async Task NoApiIsAConnectionFailure()
    {
        var api = await WebServers.ApiClientForNewUserAsync(_web, new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}"));

        await Assert.ThrowsAsync<HttpRequestException>(() => api.ListTasksAsync(new TaskQuery(ListStatus.All)));
    }



    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _database.DisposeAsync();
    }
}
