using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Agent;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// One line of offline-corpus.json: <c>say</c> (what the user types), <c>calls</c> (the first round the agent must
/// plan for it), and optionally <c>before</c> (earlier messages of the same conversation, each run to its end first),
/// <c>now</c>/<c>zone</c>/<c>locale</c> (the user's clock; the corpus default is <see cref="DefaultNow"/> in UTC) and
/// <c>requires</c> (tool arguments of issue 11 the line needs, "add_task.due": without them the agent must decline in
/// words instead).
/// </summary>
internal sealed record CorpusLine(string Say, JsonArray Calls, IReadOnlyList<string> Before, DateTime Now, string Zone, string? Locale, IReadOnlyList<string> Requires)
{
    /// <summary>Wednesday 2 December 2026, 09:00: the corpus's "now" unless a line says otherwise.</summary>
    public const string DefaultNow = "2026-12-02T09:00:00";

    public static IReadOnlyList<CorpusLine> Load() =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Chat", "offline-corpus.json")))!.AsArray().Select(n => From(n!.AsObject()))];

    public static CorpusLine From(JsonObject line) => new(
        (string)line["say"]!,
        line["calls"]!.AsArray(),
        line["before"]?.AsArray().Select(b => (string)b!).ToList() ?? [],
        DateTime.Parse((string?)line["now"] ?? DefaultNow, CultureInfo.InvariantCulture),
        (string?)line["zone"] ?? "UTC",
        (string?)line["locale"],
        line["requires"]?.AsArray().Select(r => (string)r!).ToList() ?? []);

    public UserClock Clock(out FakeTimeProvider time)
    {
        var zone = UserClock.ZoneOf(Zone);
        time = new FakeTimeProvider(new DateTimeOffset(Now, zone.GetUtcOffset(Now)));
        return new UserClock(time, zone, UserClock.OrderOf(Locale));
    }

    /// <summary>Runs the earlier messages to their end, then returns the first response to <see cref="Say"/> with its calls as JSON.</summary>
    public async Task<(ChatResponse Response, JsonArray Calls)> PlanAsync(bool withTaskFields)
    {
        var clock = Clock(out var time);
        var tools = new FakeTaskTools(time);
        var turns = new OfflineTurns(withTaskFields ? tools.All : tools.Today, clock);
        foreach (var earlier in Before)
        {
            await turns.TurnAsync(earlier);
        }
        var response = await turns.SayAsync(Say);
        var calls = response.Calls().Select(c => (JsonNode)new JsonObject { ["tool"] = c.Name, ["args"] = JsonSerializer.SerializeToNode(c.Arguments) }).ToArray();
        return (response, new JsonArray(calls));
    }

    public override string ToString() => Before.Count == 0 ? Say : $"{string.Join(" / ", Before)} / {Say}";
}
