using System.Text.Json;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// Every utterance of the offline agent's corpus, sent to /api/chat with a real mcp behind it: the
/// turn's first tool calls are the ones the corpus expects, made over MCP, and the turn succeeds.
/// </summary>
public sealed class ChatCorpusTests(SqliteChatSystem system) : IClassFixture<SqliteChatSystem>
{
    private static readonly JsonElement[] Corpus =
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "offline-corpus.json"))).RootElement.EnumerateArray()];

    public static TheoryData<int> Utterances => [.. Enumerable.Range(0, Corpus.Length)];

    [Theory]
    [MemberData(nameof(Utterances))]
    public async Task EachUtteranceMakesTheExpectedToolCallsThroughTheApi(int index)
    {
        var entry = Corpus[index];
        var expected = entry.GetProperty("calls").EnumerateArray().ToList();
        using var http = system.ClientFor("corpus-" + Guid.NewGuid().ToString("N")[..10]);

        var reply = await ChatTests.ChatAsync(http, entry.GetProperty("say").GetString()!);

        var calls = reply.GetProperty("tool_calls").EnumerateArray().ToList();
        Assert.True(calls.Count >= expected.Count, $"\"{entry.GetProperty("say")}\" made {calls.Count} call(s), expected {expected.Count}");
        foreach (var (want, got) in expected.Zip(calls))
        {
            Assert.Equal(want.GetProperty("tool").GetString(), got.GetProperty("tool").GetString());
            if (want.TryGetProperty("args", out var args))
            {
                foreach (var argument in args.EnumerateObject())
                {
                    Assert.Equal(argument.Value.ToString(), got.GetProperty("arguments").GetProperty(argument.Name).ToString());
                }
            }
        }
        Assert.False(string.IsNullOrWhiteSpace(reply.GetProperty("response").GetString()));
    }
}
