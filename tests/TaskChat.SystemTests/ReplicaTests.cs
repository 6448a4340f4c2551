using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using TaskChat.Contract;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;
using Xunit.Abstractions;

namespace TaskChat.SystemTests;

/// <summary>
/// Two replicas of each service behind fronts (<see cref="ReplicatedSystem"/>): what the replicas
/// share through PostgreSQL (sessions, Data Protection and signing keys, conversations, the chat
/// rate limit, tasks) and what a stopped mcp replica costs (no task lost or doubled).
/// </summary>
[Collection(ReplicatedSystem.Collection)]
public sealed class ReplicaTests(ReplicatedSystem system, ITestOutputHelper output)
{
    /// <summary>Generous: the web replicas' key rings are cached for a minute at most.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private Uri Web(int replica) => system.ReplicasOf(TaskChatService.Web)[replica].BaseAddress;

    private Uri Api(int replica) => system.ReplicasOf(TaskChatService.Api)[replica].BaseAddress;

    private Uri ApiFront => new($"http://127.0.0.1:{system.FrontOf(TaskChatService.Api).Port}/");

    [SkippableFact]
    public async Task A_user_signed_up_on_one_web_replica_gets_a_token_from_the_other_that_the_apis_accept()
    {
        var (_, cookie) = await ReplicatedSystem.SignUpAsync(Web(0));

        var token = await ReplicatedSystem.TokenAsync(Web(1), cookie);

        foreach (var api in new[] { Api(0), Api(1), ApiFront })
        {
            using var http = ReplicatedSystem.WithToken(api, token);
            using var tasks = await http.GetAsync("api/tasks");
            Assert.Equal(HttpStatusCode.OK, tasks.StatusCode);
        }
        // The web's front pins a browser (its Blazor circuit) to one replica.
        using var front = system.FrontClient(TaskChatService.Web, new HttpClientHandler { UseCookies = false });
        using var page = await front.GetAsync("/");
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ReplicaFront.AffinityCookie + "=", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_key_rotation_is_seen_by_both_web_replicas_and_a_token_of_the_new_key_is_accepted_by_the_apis()
    {
        var (_, cookie) = await ReplicatedSystem.SignUpAsync(Web(0));
        var before = await ReplicatedSystem.TokenAsync(Web(0), cookie);
        var oldKid = new JsonWebToken(before).Kid;

        // Brings the rotation forward: the current key retires in a few seconds, so its successor is
        // due now. Each replica sees it when its key ring (cached for a minute at most) is reloaded.
        await using (var db = system.Database.CreateDbContext())
        {
            var current = await db.SigningKeys.SingleAsync(k => k.Id == oldKid);
            current.RetiresAt = DateTime.UtcNow.AddSeconds(5);
            await db.SaveChangesAsync();
        }
        var afterOnA = await TokenOfANewKeyAsync(Web(0), cookie, oldKid);
        var afterOnB = await TokenOfANewKeyAsync(Web(1), cookie, oldKid);
        var newKid = new JsonWebToken(afterOnA).Kid;

        Assert.Equal(newKid, new JsonWebToken(afterOnB).Kid);
        foreach (var web in new[] { Web(0), Web(1) })
        {
            using var http = new HttpClient { BaseAddress = web };
            var kids = (await http.GetFromJsonAsync<JsonElement>("api/auth/jwks")).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
            Assert.Contains(oldKid, kids);
            Assert.Contains(newKid, kids);
        }
        await using (var db = system.Database.CreateDbContext())
        {
            Assert.Equal(2, await db.SigningKeys.CountAsync());
        }
        foreach (var token in new[] { afterOnA, afterOnB, before })
        {
            foreach (var api in new[] { Api(0), Api(1) })
            {
                using var http = ReplicatedSystem.WithToken(api, token);
                using var tasks = await http.GetAsync("api/tasks");
                Assert.Equal(HttpStatusCode.OK, tasks.StatusCode);
            }
        }
        output.WriteLine($"rotation: {oldKid} -> {newKid}, seen by both web replicas, accepted by both api replicas");
    }

    [SkippableFact]
    public async Task Chat_turns_alternating_between_the_api_replicas_continue_one_conversation()
    {
        using var apis = await OneUserOnEachApiReplicaAsync();

        var conversation = (await ChatAsync(apis.First, "add buy milk")).GetProperty("conversation_id").GetInt64();
        await ChatAsync(apis.Second, "add call mom", conversation);
        await ChatAsync(apis.First, "add water plants", conversation);
        var last = await ChatAsync(apis.Second, "what's left?", conversation);
        var stored = await apis.First.GetFromJsonAsync<JsonElement>($"api/conversations/{conversation}");

        Assert.Equal(conversation, last.GetProperty("conversation_id").GetInt64());
        foreach (var title in new[] { "Buy milk", "Call mom", "Water plants" })
        {
            Assert.Contains(title, last.GetProperty("response").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(8, stored.GetProperty("messages").GetArrayLength());
    }

    [SkippableFact]
    public async Task The_chat_rate_limit_holds_across_the_api_replicas()
    {
        using var apis = await OneUserOnEachApiReplicaAsync();

        // Alternating: each replica alone sees half the limit.
        var statuses = new List<HttpStatusCode>();
        for (var turn = 0; turn < ReplicatedSystem.ChatTurnsPerMinute + 4; turn++)
        {
            using var response = await (turn % 2 == 0 ? apis.First : apis.Second).PostAsJsonAsync("api/chat", new { message = "hello" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal(ReplicatedSystem.ChatTurnsPerMinute, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Skip(ReplicatedSystem.ChatTurnsPerMinute), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        output.WriteLine($"rate limit: {statuses.Count(s => s == HttpStatusCode.OK)} accepted, {statuses.Count(s => s == HttpStatusCode.TooManyRequests)} refused with 429 across two replicas");
    }

    [SkippableFact]
    public async Task An_mcp_replica_killed_under_chat_load_loses_and_doubles_no_task()
    {
        const int Users = 6;
        const int TurnsEach = 15; // Under the per-user limit.
        var users = await Task.WhenAll(Enumerable.Range(0, Users).Select(async _ =>
        {
            var (id, cookie) = await ReplicatedSystem.SignUpAsync(Web(0));
            return (Id: id, Token: await ReplicatedSystem.TokenAsync(Web(1), cookie));
        }));
        var acknowledged = new ConcurrentBag<(string UserId, string Title)>();
        var failed = 0;
        var afterKill = 0;
        var killed = new TaskCompletionSource();
        var mcp = system.ReplicasOf(TaskChatService.Mcp)[0];

        // One add turn; true when the mcp acknowledged the task (then it must be exactly one row).
        async Task<bool> AddAsync(HttpClient http, string userId, string message)
        {
            using var response = await http.PostAsJsonAsync("api/chat", new { message });
            if (response.StatusCode == HttpStatusCode.OK
                && await response.Content.ReadFromJsonAsync<JsonElement>() is var reply
                && reply.GetProperty("status").GetString() == ChatReply.Success
                && reply.GetProperty("tool_calls").EnumerateArray().SingleOrDefault(c => c.GetProperty("tool").GetString() == ToolNames.AddTask) is { ValueKind: JsonValueKind.Object } call
                && call.GetProperty("result").GetProperty("status").GetString() == ToolEnvelope.SuccessStatus)
            {
                acknowledged.Add((userId, call.GetProperty("arguments").GetProperty("title").GetString()!));
                return true;
            }
            Interlocked.Increment(ref failed);
            return false;
        }

        var load = users.Select(async (user, u) =>
        {
            using var http = ReplicatedSystem.WithToken(ApiFront, user.Token);
            for (var turn = 0; turn < TurnsEach; turn++)
            {
                if (turn == TurnsEach / 3 && u == 0)
                {
                    await mcp.KillAsync();
                    killed.SetResult();
                }
                var wasKilled = killed.Task.IsCompleted;
                if (await AddAsync(http, user.Id, $"add load {u} {turn}") && wasKilled)
                {
                    Interlocked.Increment(ref afterKill);
                }
            }
        });
        await Task.WhenAll(load);

        // On a fast machine the load can end before the front's health check (every second) takes the
        // dead replica out: then keep adding, per user, until the surviving replica answers. Generous
        // patience (a 429 only delays it: the per-user window resets within a minute), so a slow or a fast
        // machine gives the same verdict.
        var patience = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        for (var u = 0; u < users.Length && afterKill < Users; u++)
        {
            using var http = ReplicatedSystem.WithToken(ApiFront, users[u].Token);
            for (var attempt = 0; DateTime.UtcNow < patience; attempt++)
            {
                if (await AddAsync(http, users[u].Id, $"add after the kill {u} {attempt}"))
                {
                    afterKill++;
                    break;
                }
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }

        var ids = users.Select(u => u.Id).ToList();
        await using var db = system.Database.CreateDbContext();
        var rows = await db.Tasks.Where(t => ids.Contains(t.UserId)).Select(t => new { t.UserId, t.Title }).ToListAsync();
        output.WriteLine($"mcp kill: {acknowledged.Count + failed} turns, {acknowledged.Count} adds acknowledged ({afterKill} after the kill), {failed} failed, {rows.Count} rows");

        Assert.True(killed.Task.IsCompleted);
        Assert.True(afterKill > 0, "No add succeeded after the kill: the other mcp replica did not take over.");
        // Not lost: every acknowledged add is a row. Not doubled: no add made two rows.
        Assert.All(acknowledged, a => Assert.Single(rows, r => r.UserId == a.UserId && r.Title == a.Title));
        Assert.Equal(rows.Count, rows.Distinct().Count());
        // A turn that failed may have added its row before the failure; no row comes from nowhere.
        Assert.InRange(rows.Count, acknowledged.Count, acknowledged.Count + failed);
    }

    /// <summary>A new user's clients on each api replica.</summary>
    private async Task<ApiPair> OneUserOnEachApiReplicaAsync()
    {
        var (_, cookie) = await ReplicatedSystem.SignUpAsync(Web(0));
        var token = await ReplicatedSystem.TokenAsync(Web(0), cookie);
        return new ApiPair(ReplicatedSystem.WithToken(Api(0), token), ReplicatedSystem.WithToken(Api(1), token));
    }

    private sealed record ApiPair(HttpClient First, HttpClient Second) : IDisposable
    {
        public void Dispose()
        {
            First.Dispose();
            Second.Dispose();
        }
    }

    /// <summary>Polls <paramref name="web"/> for a token until it is signed by a key other than <paramref name="oldKid"/>.</summary>
    private static async Task<string> TokenOfANewKeyAsync(Uri web, string cookie, string oldKid)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var token = await ReplicatedSystem.TokenAsync(web, cookie);
            if (new JsonWebToken(token).Kid != oldKid)
            {
                return token;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{web} still signs with {oldKid} after {Patience}.");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static async Task<JsonElement> ChatAsync(HttpClient http, string message, long? conversationId = null)
    {
        using var response = await http.PostAsJsonAsync("api/chat", new { message, conversation_id = conversationId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var reply = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(ChatReply.Success, reply.GetProperty("status").GetString());
        return reply;
    }
}
