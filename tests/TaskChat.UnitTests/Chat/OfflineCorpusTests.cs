using System.Text.Json.Nodes;
using TaskChat.Agent;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// offline-corpus.json: what a new user might type, with the tool calls the offline agent must plan in the first
/// round (or none). Adding a line there is how a misunderstood phrase becomes a regression test. Each line is planned
/// twice: with the tools of issue 11 (every line must plan its calls), and with today's tools (a line that needs no
/// new argument must plan the same calls; one that does must decline in words, never send an argument the tool lacks).
/// </summary>
public class OfflineCorpusTests
{
    private static readonly IReadOnlyList<CorpusLine> Corpus = CorpusLine.Load();

    // Arguments and tools today's mcp serves; anything else a line sends must be in its "requires".
    private static readonly HashSet<string> TodaysArguments =
        ["add_task.title", "add_task.description", "list_tasks.status", "complete_task.task_id", "delete_task.task_id", "update_task.task_id", "update_task.title", "update_task.description"];

    // Arguments that only narrow a lookup (the search, the ids, the order, the page's size): without them the agent
    // reads the plain list instead, which a line that requires nothing else must then plan.
    private static readonly HashSet<string> Refinements = ["list_tasks.search", "list_tasks.task_ids", "list_tasks.sort", "list_tasks.limit"];

    public static TheoryData<int> Lines() => [.. Enumerable.Range(0, Corpus.Count)];

    [Fact]
    public void CorpusHasAtLeastTwoHundredFiftyUtterancesManyOfThemMultiTurn()
    {
        Assert.True(Corpus.Count >= 250, $"The corpus has {Corpus.Count} utterances.");
        Assert.True(Corpus.Count(l => l.Before.Count > 0) >= 40, $"The corpus has {Corpus.Count(l => l.Before.Count > 0)} multi-turn lines.");
    }

    [Fact]
    public void EachConversationIsInTheCorpusOnce() =>
        Assert.Empty(Corpus.GroupBy(l => l.ToString() + "@" + l.Now.ToString("O") + l.Zone + l.Locale).Where(g => g.Count() > 1).Select(g => g.Key));

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task EachUtterancePlansTheExpectedFirstRound(int index)
    {
        var line = Corpus[index];

        var (response, actual) = await line.PlanAsync(withTaskFields: true);

        Assert.True(JsonNode.DeepEquals(line.Calls, actual), $"{line}\nExpected {line.Calls.ToJsonString()}\nbut got {actual.ToJsonString()} ({response.Text})");
        if (actual.Count == 0)
        {
            Assert.False(string.IsNullOrWhiteSpace(response.Text));
        }
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task WithTodaysToolsALineEitherPlansTheSameCallsOrDeclinesHonestly(int index)
    {
        var line = Corpus[index];

        var (response, actual) = await line.PlanAsync(withTaskFields: false);

        if (line.Requires.All(Refinements.Contains))
        {
            var expected = WithoutRefinements(line.Calls);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{line}\nExpected {expected.ToJsonString()}\nbut got {actual.ToJsonString()} ({response.Text})");
            return;
        }
        foreach (var call in actual)
        {
            foreach (var argument in call!["args"]!.AsObject())
            {
                Assert.Contains($"{call["tool"]}.{argument.Key}", TodaysArguments);
            }
        }
        if (actual.Count == 0)
        {
            Assert.Contains("yet", response.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void ALineThatSendsANewArgumentSaysItRequiresIt(int index)
    {
        var line = Corpus[index];
        var sent = line.Calls.SelectMany(call => call!["args"]!.AsObject().Select(a => $"{call["tool"]}.{a.Key}").Prepend((string)call["tool"]!))
            .Where(name => !TodaysArguments.Contains(name) && !TodaysArguments.Any(a => a.StartsWith(name + ".", StringComparison.Ordinal)));

        Assert.All(sent, name => Assert.True(line.Requires.Contains(name) || line.Requires.Contains(name.Split('.')[0]), $"{line} sends {name} without requiring it."));
    }

    private static JsonArray WithoutRefinements(JsonArray calls)
    {
        var plain = calls.DeepClone().AsArray();
        foreach (var call in plain)
        {
            var arguments = call!["args"]!.AsObject();
            foreach (var name in arguments.Select(a => a.Key).Where(a => Refinements.Contains($"{call["tool"]}.{a}")).ToList())
            {
                arguments.Remove(name);
            }
        }
        return plain;
    }

    [Fact]
    public void RequirementsNameRealToolsAndArguments()
    {
        var tools = new FakeTaskTools().All;
        var catalog = ToolCatalog.From(tools);
        Assert.All(Corpus.SelectMany(l => l.Requires), need => Assert.True(catalog.Meets(ToolNeed.Parse(need)), need));
    }
}
