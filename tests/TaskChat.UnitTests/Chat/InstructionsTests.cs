using TaskChat.Api.Chat;
using TaskChat.Data.Tasks;

namespace TaskChat.UnitTests.Chat;

/// <summary>The model is told the user's today, so that "tomorrow" becomes the right ISO date far from UTC too.</summary>
public class InstructionsTests
{
    [Fact]
    public void TheInstructionsGiveTodayInTheUsersZone()
    {
        var owner = TaskOwner.From("u", "Pacific/Kiritimati");

        var instructions = ChatTurnRunner.InstructionsFor(owner, new DateTime(2026, 12, 4, 11, 0, 0, DateTimeKind.Utc));

        Assert.StartsWith(ChatTurnRunner.Instructions, instructions, StringComparison.Ordinal);
        Assert.EndsWith("Today is Saturday 2026-12-05, 01:00 in the user's time zone Pacific/Kiritimati (UTC+14:00).", instructions, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAZoneTodayIsInUtc()
    {
        var instructions = ChatTurnRunner.InstructionsFor(TaskOwner.From("u", null), new DateTime(2026, 3, 8, 23, 30, 0, DateTimeKind.Utc));

        Assert.EndsWith("Today is Sunday 2026-03-08, 23:30 in the user's time zone UTC (UTC+00:00).", instructions, StringComparison.Ordinal);
    }
}
