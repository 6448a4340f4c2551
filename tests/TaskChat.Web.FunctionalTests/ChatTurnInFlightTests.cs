using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Microsoft.JSInterop;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;
using TaskChat.Web.Api;
using TaskChat.Web.Components.Pages.Chat;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// The tab's chat turn beyond the chat page (<see cref="ChatTurnInFlight"/>), against a stand-in api whose stream
/// the test releases: read to its end with no page, shown to a page that comes back, a message left waiting sent
/// after it. The pages' side is in the browser tests (ChatPageTests).
/// </summary>
public sealed class ChatTurnInFlightTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TestDatabase _database = null!;
    private RunningSystem _system = null!;
    private WebApplication _standIn = null!;
    private Uri _standInAddress = null!;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<JsonElement> _requests = new();
    private int _status = StatusCodes.Status200OK;
    private int _inUseAnswers;
    private readonly ConcurrentQueue<string> _keys = new();
    private readonly TaskCompletionSource _cut = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _system = await new SystemBuilder(_database.Url).WithWeb().StartAsync();
        // Each turn: its conversation at once (7 for a new one), then, once released, a tool call and the reply.
        (_standIn, _standInAddress) = await LoopbackServer.StartAsync(app => app.MapPost("/api/chat/stream", async (HttpContext http) =>
        {
            var request = (await JsonDocument.ParseAsync(http.Request.Body)).RootElement.Clone();
            _requests.Enqueue(request);
            _keys.Enqueue(http.Request.Headers["Idempotency-Key"].ToString());
            if (Interlocked.Decrement(ref _inUseAnswers) >= 0)
            {
                // The api while the key's turn still runs (ChatApi).
                http.Response.StatusCode = StatusCodes.Status409Conflict;
                await http.Response.WriteAsJsonAsync(new { title = "Conflict", status = 409, code = "idempotency_key_in_use", detail = "A turn with this Idempotency-Key is still running." });
                return;
            }
            if (_status != StatusCodes.Status200OK)
            {
                http.Response.StatusCode = _status;
                await http.Response.WriteAsJsonAsync(new { title = "Service unavailable", status = _status, detail = "The task service is not answering." });
                return;
            }
            var conversation = request.TryGetProperty("conversation_id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : 7;
            var title = request.GetProperty("message").GetString()!.Replace("add ", "", StringComparison.Ordinal);
            http.Response.ContentType = "text/event-stream";
            await http.Response.WriteAsync($"event: conversation\ndata: {{\"conversation_id\":{conversation}}}\n\n");
            await http.Response.Body.FlushAsync();
            if (await Task.WhenAny(_release.Task, _cut.Task) == _cut.Task)
            {
                http.Abort(); // The api dies mid-turn.
                return;
            }
            var call = $"{{\"tool\":\"add_task\",\"arguments\":{{\"title\":\"{title}\"}},\"result\":{{\"status\":\"success\",\"data\":{{\"task_id\":2,\"title\":\"{title}\",\"status\":\"created\"}}}}}}";
            await http.Response.WriteAsync($"event: tool_call\ndata: {{\"tool\":\"add_task\",\"arguments\":{{\"title\":\"{title}\"}}}}\n\n");
            await http.Response.WriteAsync($"event: tool_result\ndata: {{\"tool\":\"add_task\",\"result\":{{\"status\":\"success\",\"data\":{{\"task_id\":2,\"title\":\"{title}\",\"status\":\"created\"}}}}}}\n\n");
            await http.Response.WriteAsync($"event: delta\ndata: {{\"text\":\"Added {title}.\"}}\n\n");
            await http.Response.WriteAsync($"event: done\ndata: {{\"conversation_id\":{conversation},\"response\":\"Added {title}.\",\"tool_calls\":[{call}],\"status\":\"success\"}}\n\n");
        }));
    }

    [Fact]
    public async Task A_turn_is_read_to_its_end_after_its_page_went_and_a_page_that_comes_back_sees_the_rest()
    {
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), TimeProvider.System);
        var left = new View();
        var back = new View();
        turns.Attach(left);

        var turn = turns.Start(new UnsentMessage("add walk the dog", Guid.NewGuid()), conversationId: null);
        await Eventually.TrueAsync(() => turn.ConversationId == 7, "the stream did not begin (no conversation id yet)", Patience);
        turns.Detach(left);
        var seenByTheLeftPage = left.Changes;
        Assert.Same(turn, turns.Current);
        Assert.Null(turns.Attach(back));
        _release.SetResult();
        await turn.Ended;

        Assert.True(turn.Answered);
        Assert.Equal("Added walk the dog.", turn.Reply.Text);
        Assert.False(turn.Reply.Streaming);
        Assert.Equal(ToolCallState.Succeeded, Assert.Single(turn.Reply.Tools).State);
        Assert.Equal(seenByTheLeftPage, left.Changes);
        Assert.True(back.Changes >= 3, $"the page that came back saw {back.Changes} changes");
        Assert.Equal(1, back.ToolAnswers);
        Assert.Null(turns.Current);
        Assert.Null(turns.TakeUnanswered());
    }

    [Fact]
    public async Task A_message_left_waiting_is_sent_to_the_turns_conversation_when_the_turn_ends()
    {
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), TimeProvider.System);
        var page = new View();
        turns.Attach(page);
        var turn = turns.Start(new UnsentMessage("add walk the dog", Guid.NewGuid()), conversationId: null);
        await Eventually.TrueAsync(() => turn.ConversationId == 7, "the stream did not begin (no conversation id yet)", Patience);

        // Enter during the turn, then the page went: the message goes after the turn, to the conversation it started.
        turns.SendAfterTurn(new UnsentMessage("add feed the cat", Guid.NewGuid()), conversationId: null, tab: null);
        turns.Detach(page);
        _release.SetResult();
        await turn.Ended;
        await Eventually.TrueAsync(() => _requests.Count == 2 && turns.Current is null, "the waiting message was not sent after the turn ended", Patience);

        var sent = _requests.Last();
        Assert.Equal("add feed the cat", sent.GetProperty("message").GetString());
        Assert.Equal(7, sent.GetProperty("conversation_id").GetInt64());
        Assert.Equal("add feed the cat", turns.TakeSentWhileAway());
        Assert.Null(turns.TakeSentWhileAway());
        Assert.Null(turns.TakeUnanswered());
    }

    /// <summary>
    /// A message left waiting and sent after its page went is kept in the tab while it runs, as the page keeps its own
    /// turns: a reload then follows it instead of showing nothing of it, and its words leave the kept draft (before,
    /// a reload put them back in the composer, to be sent twice). Answered, the record is forgotten.
    /// </summary>
    [Fact]
    public async Task A_message_sent_after_its_page_went_is_kept_in_the_tab_while_it_runs_and_forgotten_once_answered()
    {
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), TimeProvider.System);
        var storage = new TabStorage();
        var tab = new ChatTab(storage, "user-1");
        storage.Items[tab.DraftKey] = "add feed the cat ";
        var page = new View();
        turns.Attach(page);
        var turn = turns.Start(new UnsentMessage("add walk the dog", Guid.NewGuid()), conversationId: null);
        await Eventually.TrueAsync(() => turn.ConversationId == 7, "the stream did not begin (no conversation id yet)", Patience);

        var waiting = new UnsentMessage("add feed the cat", Guid.NewGuid());
        turns.SendAfterTurn(waiting, conversationId: null, tab);
        turns.Detach(page);
        _release.SetResult();
        await Eventually.TrueAsync(() => _requests.Count == 2 && turns.Current is null && !storage.Items.ContainsKey(tab.TurnKey), "the waiting message was not sent, answered and forgotten by the tab", Patience);

        // Kept when it was sent (the same words, key and conversation a reload sends again), the draft cleared; then forgotten.
        var kept = KeptTurn.Read(Assert.Single(storage.Written, write => write.Key == tab.TurnKey).Value);
        Assert.Equal(new KeptTurn("add feed the cat", waiting.Id, 7, kept!.SentAt), kept);
        Assert.False(storage.Items.ContainsKey(tab.DraftKey));
    }

    [Fact]
    public async Task A_message_sent_after_its_page_went_that_is_not_answered_stays_kept_for_a_reload_to_follow()
    {
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), TimeProvider.System);
        var storage = new TabStorage();
        var tab = new ChatTab(storage, "user-1");
        storage.Items[tab.DraftKey] = "something else typed since";
        var turn = turns.Start(new UnsentMessage("add walk the dog", Guid.NewGuid()), conversationId: 3);
        await Eventually.TrueAsync(() => _requests.Count == 1, "the turn did not reach the api", Patience);

        var waiting = new UnsentMessage("add feed the cat", Guid.NewGuid());
        turns.SendAfterTurn(waiting, conversationId: 3, tab);
        _status = StatusCodes.Status503ServiceUnavailable; // For the message that waited: the first turn is past the check.
        _release.SetResult();
        await turn.Ended;
        await Eventually.TrueAsync(() => _requests.Count == 2 && turns.Current is null, "the waiting message was not sent after the turn ended", Patience);

        Assert.Equal(waiting.Id, KeptTurn.Read(storage.Items[tab.TurnKey])?.Id);
        Assert.Equal("something else typed since", storage.Items[tab.DraftKey]); // Not the sent words: left alone.
        Assert.Equal(waiting, turns.TakeUnanswered()?.Message);
    }

    [Fact]
    public async Task A_page_back_before_the_turn_ended_takes_the_waiting_message_back()
    {
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), TimeProvider.System);
        var turn = turns.Start(new UnsentMessage("add walk the dog", Guid.NewGuid()), conversationId: 3);
        await Eventually.TrueAsync(() => _requests.Count == 1, "the turn did not reach the api", Patience);
        var waiting = new UnsentMessage("add feed the cat", Guid.NewGuid());
        turns.SendAfterTurn(waiting, conversationId: 3, tab: null);

        Assert.Equal(waiting, turns.Attach(new View())); // Its composer's draft again: the page sends it when the turn ends.
        _release.SetResult();
        await turn.Ended;
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        Assert.Single(_requests);
        Assert.Null(turns.TakeSentWhileAway());
    }

    [Fact]
    public async Task A_turn_refused_while_no_page_showed_it_is_offered_again()
    {
        _status = StatusCodes.Status503ServiceUnavailable;
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), TimeProvider.System);
        var message = new UnsentMessage("add walk the dog", Guid.NewGuid());

        var turn = turns.Start(message, conversationId: null);
        await turn.Ended;
        await Eventually.TrueAsync(() => turns.Current is null, "the ended turn was still the current one", Patience);

        var refused = Assert.IsType<ApiException>(turn.Failure);
        Assert.Equal(503, refused.Status);
        Assert.False(turn.Answered);
        Assert.Equal(message, turns.TakeUnanswered()?.Message);
    }

    [Fact]
    public async Task A_stream_cut_mid_turn_is_a_reply_cut_off_not_a_crash_and_is_offered_again()
    {
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), TimeProvider.System);
        var message = new UnsentMessage("add walk the dog", Guid.NewGuid());

        var turn = turns.Start(message, conversationId: null);
        await Eventually.TrueAsync(() => turn.ConversationId == 7, "the stream did not begin (no conversation id yet)", Patience);
        _cut.SetResult();
        await turn.Ended;
        await Eventually.TrueAsync(() => turns.Current is null, "the ended turn was still the current one", Patience);

        Assert.Null(turn.Failure); // Before, an HttpIOException that reached the page and ended the tab's circuit.
        Assert.Equal(7, turn.ConversationId);
        Assert.False(turn.Answered);
        Assert.False(turn.Reply.Streaming);
        Assert.Equal(message, turns.TakeUnanswered()?.Message);
    }

    [Fact]
    public async Task A_message_sent_again_after_its_reply_was_cut_off_is_waited_for_while_the_api_still_runs_it()
    {
        // "Send again" after the api died mid-turn: the turn's claim holds until it lapses (or its turn, alive on another
        // replica, ends). The page shows the message waiting and asks again, instead of "still answering, send it again".
        var clock = new FakeTimeProvider();
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), clock);
        var message = new UnsentMessage("add walk the dog", Guid.NewGuid());
        var cut = turns.Start(message, conversationId: null);
        await Eventually.TrueAsync(() => cut.ConversationId == 7, "the stream did not begin (no conversation id yet)", Patience);
        _cut.SetResult();
        await cut.Ended;
        Assert.Equal(message, turns.TakeUnanswered()?.Message);
        _release.SetResult(); // Released after the cut: the stand-in answers the next attempts in full.
        _inUseAnswers = 2;

        var again = turns.Start(message, conversationId: null);
        await Eventually.TrueAsync(() => _requests.Count == 2, "the message sent again did not reach the api", Patience);
        Assert.False(again.Ended.IsCompleted);
        await AdvanceUntilEndedAsync(clock, again);

        Assert.Null(again.Failure);
        Assert.True(again.Answered);
        Assert.Equal("Added walk the dog.", again.Reply.Text);
        Assert.Equal(4, _requests.Count); // The cut one, two refused as still running, the one answered.
        Assert.All(_keys, key => Assert.Equal(message.Id.ToString(), key));
    }

    [Fact]
    public async Task A_tab_that_closes_stops_reading_and_sends_nothing_more()
    {
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), TimeProvider.System);
        var turn = turns.Start(new UnsentMessage("add walk the dog", Guid.NewGuid()), conversationId: null);
        await Eventually.TrueAsync(() => turn.ConversationId == 7, "the stream did not begin (no conversation id yet)", Patience);
        turns.SendAfterTurn(new UnsentMessage("add feed the cat", Guid.NewGuid()), conversationId: null, tab: null);

        turns.Dispose(); // The circuit ends with the tab.
        _release.SetResult();
        await turn.Ended;
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        Assert.Single(_requests);
        Assert.Equal("", turn.Reply.Text);
        Assert.False(turn.Reply.Streaming);
        Assert.Null(turns.TakeSentWhileAway());
    }


    [Fact]
    public async Task A_turn_resumed_after_a_reload_is_asked_for_again_while_it_runs_then_read_to_its_end()
    {
        _inUseAnswers = 2;
        _release.SetResult();
        var clock = new FakeTimeProvider();
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), clock);
        var message = new UnsentMessage("add walk the dog", Guid.NewGuid());

        var turn = turns.Resume(message, conversationId: 3);
        await Eventually.TrueAsync(() => _requests.Count == 1, "the turn did not reach the api", Patience);
        Assert.False(turn.Ended.IsCompleted);
        await AdvanceUntilEndedAsync(clock, turn);

        Assert.True(turn.Answered);
        Assert.Equal("Added walk the dog.", turn.Reply.Text);
        Assert.Equal(3, _requests.Count);
        Assert.All(_keys, key => Assert.Equal(message.Id.ToString(), key)); // The same key each time: one turn, run once.
        Assert.All(_requests, request => Assert.Equal(3, request.GetProperty("conversation_id").GetInt64()));
        Assert.True(turns.HasSent(message.Id));
        Assert.False(turns.HasSent(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_turn_sent_from_the_composer_whose_key_is_in_use_is_not_asked_for_again()
    {
        _inUseAnswers = 1;
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), new FakeTimeProvider());

        var turn = turns.Start(new UnsentMessage("add walk the dog", Guid.NewGuid()), conversationId: 3);
        await turn.Ended;

        var refused = Assert.IsType<ApiException>(turn.Failure);
        Assert.Equal("idempotency_key_in_use", refused.Code);
        Assert.Equal(ChatTurnInFlight.StillAnswering, refused.Message); // Not the api's words about a header.
        Assert.Single(_requests);
    }

    [Fact]
    public async Task A_resumed_turn_that_never_ends_is_given_up_after_the_wait_limit_and_offered_again()
    {
        _inUseAnswers = int.MaxValue;
        var clock = new FakeTimeProvider();
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), clock);
        var message = new UnsentMessage("add walk the dog", Guid.NewGuid());

        var turn = turns.Resume(message, conversationId: 3);
        await AdvanceUntilEndedAsync(clock, turn);

        var refused = Assert.IsType<ApiException>(turn.Failure);
        Assert.Equal(StatusCodes.Status409Conflict, refused.Status);
        Assert.Equal(ChatTurnInFlight.StillAnswering, refused.Message);
        // 1 s, then half as long again each time up to 5 s: about 40 asks in 3 minutes, under the 30-a-minute rate limit's pace.
        Assert.InRange(_requests.Count, 30, 50);
        Assert.Equal(message, turns.TakeUnanswered()?.Message);
    }

    [Fact]
    public async Task A_resumed_turn_whose_tab_closes_while_it_waits_asks_no_more()
    {
        _inUseAnswers = int.MaxValue;
        var clock = new FakeTimeProvider();
        var turns = new ChatTurnInFlight(await WebServers.ApiClientForNewUserAsync(_system.Web, _standInAddress), clock);

        var turn = turns.Resume(new UnsentMessage("add walk the dog", Guid.NewGuid()), conversationId: 3);
        await Eventually.TrueAsync(() => _requests.Count == 1, "the turn did not reach the api", Patience);
        turns.Dispose();
        await AdvanceUntilEndedAsync(clock, turn);

        Assert.Single(_requests);
    }

    /// <summary>Moves the turn's clock on, a second at a time, until the turn has ended.</summary>
    private static async Task AdvanceUntilEndedAsync(FakeTimeProvider clock, RunningChatTurn turn)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!turn.Ended.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the turn did not end on the advancing clock within {Patience.TotalSeconds} s");
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
        await turn.Ended;
    }

    /// <summary>A chat page as the turn sees it: counts what it is told.</summary>
    /// <summary>The tab's sessionStorage as the circuit's JS runtime reaches it ("sessionStorage.setItem"…), with every write in order.</summary>
    private sealed class TabStorage : IJSRuntime
    {
        public ConcurrentDictionary<string, string> Items { get; } = new();

        public ConcurrentQueue<KeyValuePair<string, string>> Written { get; } = new();

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            var key = (string)args![0]!;
            object? result = null;
            switch (identifier)
            {
                case "sessionStorage.setItem":
                    Items[key] = (string)args[1]!;
                    Written.Enqueue(new(key, (string)args[1]!));
                    break;
                case "sessionStorage.getItem":
                    result = Items.GetValueOrDefault(key);
                    break;
                case "sessionStorage.removeItem":
                    Items.TryRemove(key, out _);
                    break;
                default:
                    throw new JSException($"{identifier} is not a function the tab's storage has");
            }
            return ValueTask.FromResult((TValue)result!);
        }
    }

    private sealed class View : IChatTurnView
    {
        private int _changes;
        private int _toolAnswers;

        public int Changes => Volatile.Read(ref _changes);
        public int ToolAnswers => Volatile.Read(ref _toolAnswers);

        public Task TurnChangedAsync(RunningChatTurn turn)
        {
            Interlocked.Increment(ref _changes);
            return Task.CompletedTask;
        }

        public Task ToolAnsweredAsync()
        {
            Interlocked.Increment(ref _toolAnswers);
            return Task.CompletedTask;
        }
    }


    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _standIn.DisposeAsync();
        await _system.DisposeAsync();
        await _database.DisposeAsync();
    }
}
