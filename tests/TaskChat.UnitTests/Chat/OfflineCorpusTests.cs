using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using TaskChat.Api.Chat.Offline;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// offline-corpus.json: what a new user might type, with the tool calls the offline agent must plan in the
/// first round (or none). Adding a line there is how a misunderstood phrase becomes a regression test.
/// </summary>
public class OfflineCorpusTests
{
    private static readonly JsonArray Corpus =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Chat", "offline-corpus.json")))!.AsArray();

    public static TheoryData<string> Utterances() => [.. Corpus.Select(entry => (string)entry!["say"]!)];

    [Fact]
    public void CorpusHasAtLeastSixtyUtterances() => Assert.True(Corpus.Count >= 60, $"The corpus has {Corpus.Count} utterances.");

    [Theory]
    [MemberData(nameof(Utterances))]
    public async Task EachUtterancePlansTheExpectedFirstRound(string utterance)
    {
        var expected = Corpus.Single(entry => (string)entry!["say"]! == utterance)!["calls"]!.AsArray();
        using var client = new OfflineAgentChatClient();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, utterance)], new ChatOptions { Tools = new FakeTaskTools().All });

        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .Select(c => new JsonObject { ["tool"] = c.Name, ["args"] = JsonSerializer.SerializeToNode(c.Arguments) })
            .ToList();
        var actual = new JsonArray([.. calls]);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected.ToJsonString()}\nbut got {actual.ToJsonString()} ({response.Text})");
        if (calls.Count == 0)
        {
            Assert.False(string.IsNullOrWhiteSpace(response.Text));
        }
    }
}
