using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Agent;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// A conversation with the offline agent against the fake tools, as the scenario tests start one: the clock is Wednesday
/// 2 December 2026, 09:00 UTC, the tools those of a task service with every field (or today's, without them).
/// </summary>
internal static class ScenarioStart
{
    public static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    public static (OfflineTurns Turns, FakeTaskTools Tools) Start(bool withTaskFields = true, FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(Wednesday);
        var tools = new FakeTaskTools(time);
        return (new OfflineTurns(withTaskFields ? tools.All : tools.Today, new UserClock(time, TimeZoneInfo.Utc)), tools);
    }

    /// <summary>The one task a first message added, in a new conversation (fails when it added none or several).</summary>
    public static async Task<FakeTask> OneAddedByAsync(string message)
    {
        var (turns, tools) = Start();
        await turns.TurnAsync(message);
        return Assert.Single(tools.Tasks);
    }

    /// <summary>
    /// A conversation after four adds, the everyday list the phrasing probes use: #1 “Buy milk” due tomorrow #home, #2 “Call
    /// mom” Friday 18:00, #3 “File taxes” #work, #4 “Clean the garage” #home.
    /// </summary>
    public static async Task<(OfflineTurns Turns, FakeTaskTools Tools)> WithEverydayTasksAsync()
    {
        var (turns, tools) = Start();
        await turns.TurnAsync("add buy milk tomorrow #home");
        await turns.TurnAsync("add call mom friday at 6pm");
        await turns.TurnAsync("add file taxes #work");
        await turns.TurnAsync("add clean the garage #home");
        return (turns, tools);
    }

    /// <summary>A second conversation of the same user, on the same tasks, that knows nothing of the first.</summary>
    public static OfflineTurns AnotherConversation(FakeTaskTools tools) =>
        new(tools.All, new UserClock(new FakeTimeProvider(Wednesday), TimeZoneInfo.Utc));

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The calls made since the <paramref name="from"/>th, each as its tool and the arguments it sent (those left out, null, not shown).</summary>
    public static List<string> Sent(FakeTaskTools tools, int from) =>
        [.. tools.Calls.Skip(from).Select(c =>
        {
            var arguments = JsonNode.Parse(c.Arguments)!.AsObject();
            foreach (var unsent in arguments.Where(a => a.Value is null).Select(a => a.Key).ToList())
            {
                arguments.Remove(unsent);
            }
            return $"{c.Tool} {arguments.ToJsonString(Readable)}";
        })];

    /// <summary>Sends <paramref name="message"/>: its reply, and the calls it made, each as its tool and the arguments it sent.</summary>
    public static async Task AssertSaidAsync(OfflineTurns turns, FakeTaskTools tools, string message, string reply, params string[] sent)
    {
        var from = tools.Calls.Count;
        Assert.Equal(reply, await turns.TurnAsync(message));
        Assert.Equal(sent, Sent(tools, from));
    }
}
