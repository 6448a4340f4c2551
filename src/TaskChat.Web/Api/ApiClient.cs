using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using TaskChat.Contract;

namespace TaskChat.Web.Api;

/// <summary>
/// The pages' way to the api, server-side, as the signed-in user (bearer token from ApiTokens), in
/// the contract's shapes (README "Talk to the api").
/// Failures come out as ApiException (status and detail) or HttpRequestException (no connection, or no answer in time).
/// </summary>
internal sealed class ApiClient(HttpClient http, ApiTokens tokens, AuthenticationStateProvider auth, ChatRetryKeys retryKeys)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>One page of tasks: the tasks page's views and the chat's side panel (filters, search, sort, size and the cursor: <see cref="TaskQuery"/>).</summary>
    public Task<TaskList> ListTasksAsync(TaskQuery query, CancellationToken cancellationToken = default) =>
        SendAsync<TaskList>(HttpMethod.Get, query.ToUri(), null, cancellationToken);

    /// <summary>One task by its number (the tasks page's links to a task it does not list); ApiException 404 when the user has none such.</summary>
    public Task<TaskView> GetTaskAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<TaskView>(HttpMethod.Get, $"api/tasks/{id}", null, cancellationToken);

    public Task<TaskView> AddTaskAsync(string title, CancellationToken cancellationToken = default) =>
        AddTaskAsync(new CreateTaskRequest(title), cancellationToken);

    public Task<TaskView> AddTaskAsync(CreateTaskRequest task, CancellationToken cancellationToken = default) =>
        SendAsync<TaskView>(HttpMethod.Post, "api/tasks", task, cancellationToken);

    /// <summary>What a line typed into the add box would add (POST /api/tasks/parse): read, nothing stored.</summary>
    public Task<ParsedTask> ParseTaskAsync(ParseTaskRequest line, CancellationToken cancellationToken = default) =>
        SendAsync<ParsedTask>(HttpMethod.Post, "api/tasks/parse", line, cancellationToken);

    /// <summary>Changes what <paramref name="changes"/> gives (null fields stay as they are; see <see cref="UpdateTaskRequest"/> for clearing).</summary>
    public Task<TaskView> UpdateTaskAsync(long id, UpdateTaskRequest changes, CancellationToken cancellationToken = default) =>
        SendAsync<TaskView>(HttpMethod.Patch, $"api/tasks/{id}", changes, cancellationToken);

    public Task<TaskView> RenameTaskAsync(long id, string title, CancellationToken cancellationToken = default) =>
        SendAsync<TaskView>(HttpMethod.Patch, $"api/tasks/{id}", new UpdateTaskRequest(Title: title), cancellationToken);

    public Task<TaskView> SetCompletedAsync(long id, bool completed, CancellationToken cancellationToken = default) =>
        SendAsync<TaskView>(HttpMethod.Patch, $"api/tasks/{id}", new UpdateTaskRequest(Completed: completed), cancellationToken);

    /// <summary>Moves a pending repeating task to its next occurrence without completing it.</summary>
    public Task<TaskView> SkipTaskAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<TaskView>(HttpMethod.Post, $"api/tasks/{id}/skip", null, cancellationToken);

    public Task DeleteTaskAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<object>(HttpMethod.Delete, $"api/tasks/{id}", null, cancellationToken);

    /// <summary>Brings a deleted task back as it was, with its own number.</summary>
    public Task<TaskView> RestoreTaskAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<TaskView>(HttpMethod.Post, $"api/tasks/{id}/restore", null, cancellationToken);

    /// <summary>A page of the conversations, the most recently used first: <paramref name="limit"/> of them (the api's default when null), from <paramref name="cursor"/>.</summary>
    public Task<ConversationList> GetConversationsAsync(int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationList>(HttpMethod.Get, QueryHelpers.AddQueryString("api/conversations",
            new Dictionary<string, string?> { ["limit"] = limit?.ToString(CultureInfo.InvariantCulture), ["cursor"] = cursor }), null, cancellationToken);

    /// <summary>The conversation with its newest messages, or with those before message <paramref name="before"/> (the page's default number).</summary>
    public Task<ConversationDetail> GetConversationAsync(long id, long? before = null, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationDetail>(HttpMethod.Get, before is { } first ? $"api/conversations/{id}?before={first}" : $"api/conversations/{id}", null, cancellationToken);

    public Task<ConversationSummary> RenameConversationAsync(long id, string title, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationSummary>(HttpMethod.Patch, $"api/conversations/{id}", new RenameConversationRequest(title), cancellationToken);

    public Task DeleteConversationAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<object>(HttpMethod.Delete, $"api/conversations/{id}", null, cancellationToken);

    /// <summary>
    /// GET /api/export ("Download your data") for <paramref name="user"/>, the signed-in user of a plain HTTP request (the
    /// account page's download link, no circuit): the answer once its headers are read, its body (the file) still to
    /// stream. The caller disposes it. Headers within <see cref="CallTimeout"/>; the body as long as it takes.
    /// </summary>
    public Task<HttpResponseMessage> StartExportAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        WithinAsync(CallTimeout, async limited =>
        {
            using var request = await RequestAsync(user, HttpMethod.Get, "api/export", null, limited);
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limited);
            try
            {
                await EnsureSuccessAsync(response, limited);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }, cancellationToken);

    /// <summary>Whether the api answers its readiness probe (no token needed): polled while it is down.</summary>
    public async Task<bool> IsAnsweringAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await http.GetAsync("health/ready", timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>
    /// One chat turn as its server-sent events, each yielded as soon as its data line arrives. The turn
    /// carries <paramref name="messageId"/> as its Idempotency-Key: the page sends the same id when it
    /// sends the same message again after a failure, and a new one for a new message (<see cref="ChatRetryKeys"/>).
    /// </summary>
    public async IAsyncEnumerable<ChatEvent> StreamChatAsync(string message, long? conversationId, Guid messageId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (key, conversation) = retryKeys.ForSubmission(messageId, conversationId);
        using var request = await RequestAsync(HttpMethod.Post, "api/chat/stream", new ChatRequest(message, conversation), cancellationToken);
        ChatRetryKeys.Attach(request, key);
        using var response = await StartStreamAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var body = new IdleLimitedStream(await response.Content.ReadAsStreamAsync(cancellationToken), ChatStreamIdleLimit);
        await foreach (var item in SseParser.Create(body, ChatEvent.Read).EnumerateAsync(cancellationToken))
        {
            if (item.Data is { } e) // An event this contract does not know is skipped.
            {
                if (e is ConversationStarted started)
                {
                    retryKeys.Started(key, started.ConversationId);
                }
                else if (e is TurnDone)
                {
                    retryKeys.Answered(key);
                }
                yield return e;
            }
        }
    }

    /// <summary>
    /// How long a chat stream may send nothing, its headers included, before the api counts as gone: the api sends a
    /// keep_alive event after every 10 s without another (<c>ChatStreamKeepAlive</c>), so this is three missed ones.
    /// A stream that stops is a reply cut off (the page offers "Send again", which does nothing twice); before, a
    /// stopped api, or one lost behind a proxy that kept the connection, held the chat for the client's five minutes.
    /// </summary>
    public static readonly TimeSpan DefaultChatStreamIdleLimit = TimeSpan.FromSeconds(35);

    internal TimeSpan ChatStreamIdleLimit { get; init; } = DefaultChatStreamIdleLimit;

    // Headers only: reading the whole body first would hold every delta back until the turn ends.
    private Task<HttpResponseMessage> StartStreamAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        WithinAsync(ChatStreamIdleLimit, limited => http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limited), cancellationToken);

    /// <summary>
    /// How long an ordinary call (a list, a task's change, the conversations) may take before the api counts as not
    /// answering. The client's own timeout is the chat stream's, minutes long; without this a hung api (one that takes
    /// the connection and never answers: stopped, or stuck) held every page that loads from it for those minutes,
    /// the prerendered chat and tasks pages included. The api answers these in milliseconds.
    /// </summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(10);

    internal TimeSpan CallTimeout { get; init; } = DefaultCallTimeout;

    private Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        WithinAsync(CallTimeout, async limited =>
        {
            using var request = await RequestAsync(method, path, body, limited);
            using var response = await http.SendAsync(request, limited);
            await EnsureSuccessAsync(response, limited);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return default!;
            }
            return (await response.Content.ReadFromJsonAsync<T>(Json, limited))!;
        }, cancellationToken);

    /// <summary>
    /// <paramref name="call"/>, given until <paramref name="limit"/> to answer: past it the api counts as not answering, an
    /// <see cref="HttpRequestException"/> as a refused connection is (the pages say TaskChat's server isn't answering, and
    /// retry once it does). The caller's own cancellation stays a cancellation.
    /// </summary>
    private static async Task<T> WithinAsync<T>(TimeSpan limit, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var limited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limited.CancelAfter(limit);
        try
        {
            return await call(limited.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"The api did not answer within {limit.TotalSeconds:0.#} s.", e);
        }
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        await RequestAsync((await auth.GetAuthenticationStateAsync()).User, method, path, body, cancellationToken);

    private async Task<HttpRequestMessage> RequestAsync(ClaimsPrincipal user, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(user, cancellationToken)
            ?? throw new ApiException(StatusCodes.Status401Unauthorized, "Sign in first.");
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }
        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var detail = "Something went wrong. Please try again.";
        string? code = null;
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (problem.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (problem.RootElement.TryGetProperty("detail", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    detail = text.GetString()!;
                }
                if (problem.RootElement.TryGetProperty("code", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    code = name.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's error page): keep the general words.
        }
        throw new ApiException((int)response.StatusCode, detail, code);
    }
}
