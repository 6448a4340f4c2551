using System.Net;
using System.Net.Http.Json;
using TaskChat.Contract;

namespace TaskChat.Api.FunctionalTests;

/// <summary>CHAT_TURNS_PER_MINUTE is counted in the database: it holds across api replicas.</summary>
public abstract class ChatRateLimitTests(ChatSystem system)
{
    [SkippableFact]
    public async Task TheLimitHoldsAcrossTwoApiReplicasPerUser()
    {
        var limit = new Dictionary<string, string?> { ["CHAT_TURNS_PER_MINUTE"] = "3" };
        var mcp = system.Mcp.BaseAddress.ToString().TrimEnd('/');
        await using var first = await system.StartApiAsync(mcp, limit);
        await using var second = await system.StartApiAsync(mcp, limit);
        var user = "limit-" + Guid.NewGuid().ToString("N")[..10];
        using var onFirst = system.ClientFor(user, first);
        using var onSecond = system.ClientFor(user, second);
        using var otherUser = system.ClientFor("limit-" + Guid.NewGuid().ToString("N")[..10], second);

        // Three turns in all, on both replicas: each replica alone has seen fewer than the limit.
        await ChatTests.ChatAsync(onFirst, "hello");
        await ChatTests.ChatAsync(onSecond, "help");
        await ChatTests.ChatAsync(onFirst, "hello again");
        using var limitedOnSecond = await onSecond.PostAsJsonAsync("api/chat", new { message = "one more" });
        using var limitedOnFirst = await onFirst.PostAsJsonAsync("api/chat", new { message = "and another" });
        var other = await ChatTests.ChatAsync(otherUser, "hello");

        foreach (var limited in new[] { limitedOnSecond, limitedOnFirst })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal(ProblemCodes.RateLimited, (await Json.ReadAsync(limited)).GetProperty("code").GetString());
            var retryAfter = limited.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        }
        Assert.Equal(ChatReply.Success, other.GetProperty("status").GetString());
    }
}

public sealed class SqliteChatRateLimitTests(SqliteChatSystem system) : ChatRateLimitTests(system), IClassFixture<SqliteChatSystem>;

public sealed class PostgresChatRateLimitTests(PostgresChatSystem system) : ChatRateLimitTests(system), IClassFixture<PostgresChatSystem>;
