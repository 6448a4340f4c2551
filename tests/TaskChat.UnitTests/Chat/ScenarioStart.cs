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

    /// <summary>A second conversation of the same user, on the same tasks, that knows nothing of the first.</summary>
    public static OfflineTurns AnotherConversation(FakeTaskTools tools) =>
        new(tools.All, new UserClock(new FakeTimeProvider(Wednesday), TimeZoneInfo.Utc));
}
