using System.Globalization;
using System.Text.Json;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// Every line of the offline agent's corpus, sent to /api/chat with a real mcp behind it, on SQLite and PostgreSQL:
/// the earlier messages of a line first (one conversation), then its message, as a fresh user whose token carries
/// the line's time zone and locale, with the agent's clock at the line's "now". The turn succeeds and its first tool
/// calls are the ones the corpus expects, made over MCP. A line that requires tool arguments the mcp does not list
/// yet (issue 11) must instead decline in words, without sending them; it must plan its calls once the mcp has them.
/// </summary>
public abstract class ChatCorpusTests(ClockedChatSystem system)
{
    private static readonly JsonElement[] Corpus =
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "offline-corpus.json"))).RootElement.EnumerateArray()];

    private static readonly SemaphoreSlim SchemaLock = new(1, 1);
    private static HashSet<string>? _schema;

    public static TheoryData<int> Lines => [.. Enumerable.Range(0, Corpus.Length)];

    [SkippableTheory]
    [MemberData(nameof(Lines))]
    public async Task EachLineMakesTheExpectedToolCallsThroughTheApi(int index)
    {
        var line = Corpus[index];
        var say = line.GetProperty("say").GetString()!;
        var expected = line.GetProperty("calls").EnumerateArray().ToList();
        var requires = line.TryGetProperty("requires", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var schema = await SchemaAsync();
        SetClock(line);
        using var http = system.Running.ClientFor("corpus-" + Guid.NewGuid().ToString("N")[..10], claims: Claims(line));

        // The corpus numbers a user's tasks from 1 in the order they were added; the database's ids are shared by
        // every user, so the n-th task this conversation added stands for n (in a bare "2" answering a question too).
        long? conversation = null;
        var created = new List<long>();
        foreach (var earlier in line.TryGetProperty("before", out var before) ? before.EnumerateArray().Select(b => b.GetString()!) : [])
        {
            var turn = await ChatTests.ChatAsync(http, TaskNumber(earlier, created), conversation);
            conversation = turn.GetProperty("conversation_id").GetInt64();
            created.AddRange(turn.GetProperty("tool_calls").EnumerateArray()
                .Where(c => c.GetProperty("tool").GetString() == "add_task" && c.GetProperty("result").GetProperty("status").GetString() == "success")
                .Select(c => c.GetProperty("result").GetProperty("data").GetProperty("task_id").GetInt64()));
        }
        var reply = await ChatTests.ChatAsync(http, TaskNumber(say, created), conversation);

        var calls = reply.GetProperty("tool_calls").EnumerateArray().ToList();
        var text = reply.GetProperty("response").GetString();
        Assert.False(string.IsNullOrWhiteSpace(text));
        foreach (var call in calls)
        {
            foreach (var argument in call.GetProperty("arguments").EnumerateObject())
            {
                Assert.Contains($"{call.GetProperty("tool").GetString()}.{argument.Name}", schema);
            }
        }
        if (!requires.All(need => schema.Contains(need)))
        {
            // The mcp does not have what this line needs yet: the agent says so instead of guessing.
            if (calls.Count == 0)
            {
                Assert.Contains("yet", text, StringComparison.Ordinal);
            }
            return;
        }
        Assert.True(calls.Count >= expected.Count, $"\"{say}\" made {calls.Count} call(s), expected {expected.Count}: {text}");
        // The mcp must accept what the agent sends: a validation error means the two disagree on an argument's shape.
        foreach (var call in calls)
        {
            var result = call.GetProperty("result");
            Assert.False(result.TryGetProperty("code", out var code) && code.GetString() == "validation",
                $"\"{say}\": the mcp refused {call.GetProperty("tool").GetString()} {call.GetProperty("arguments")}: {result}");
        }
        foreach (var (want, got) in expected.Zip(calls))
        {
            Assert.Equal(want.GetProperty("tool").GetString(), got.GetProperty("tool").GetString());
            var wanted = want.GetProperty("args").EnumerateObject().ToDictionary(a => a.Name, a => a.Name == "task_id" ? Id(a.Value.GetInt64(), created) : Text(a.Value));
            var sent = got.GetProperty("arguments").EnumerateObject().ToDictionary(a => a.Name, a => Text(a.Value));
            Assert.Equal(wanted, sent);
        }
    }

    /// <summary>An argument as comparable text: a string's value, anything else as compact JSON (the corpus file is indented).</summary>
    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : JsonSerializer.Serialize(value);

    private static string Id(long number, List<long> created) =>
        (number >= 1 && number <= created.Count ? created[(int)number - 1] : number).ToString(CultureInfo.InvariantCulture);

    // "#2" stays a task's number ("#" + its id): a bare "2" answering "Which one: 1. … 2. …?" is a place.
    private static string TaskNumber(string message, List<long> created) =>
        message.TrimStart('#') is var digits && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (message.StartsWith('#') ? "#" : "") + Id(n, created)
            : message;

    private void SetClock(JsonElement line)
    {
        var local = DateTime.Parse(line.TryGetProperty("now", out var now) ? now.GetString()! : "2026-12-02T09:00:00", CultureInfo.InvariantCulture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(line.TryGetProperty("zone", out var z) ? z.GetString()! : "UTC");
        system.Clock.SetUtcNow(new DateTimeOffset(local, zone.GetUtcOffset(local)));
    }

    private static Dictionary<string, object> Claims(JsonElement line)
    {
        var claims = new Dictionary<string, object>();
        if (line.TryGetProperty("zone", out var zone))
        {
            claims["zoneinfo"] = zone.GetString()!;
        }
        if (line.TryGetProperty("locale", out var locale))
        {
            claims["locale"] = locale.GetString()!;
        }
        return claims;
    }

    // The mcp's tools and arguments as tools/list gives them ("add_task", "add_task.title"...), read once.
    private async Task<HashSet<string>> SchemaAsync()
    {
        await SchemaLock.WaitAsync();
        try
        {
            if (_schema is null)
            {
                var mcp = await system.Running.McpClientForAsync("corpus-schema");
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var tool in await mcp.ListToolsAsync())
                {
                    names.Add(tool.Name);
                    if (tool.JsonSchema.TryGetProperty("properties", out var properties))
                    {
                        foreach (var property in properties.EnumerateObject())
                        {
                            names.Add($"{tool.Name}.{property.Name}");
                        }
                    }
                }
                _schema = names;
            }
            return _schema;
        }
        finally
        {
            SchemaLock.Release();
        }
    }
}

public sealed class SqliteChatCorpusTests(SqliteClockedChatSystem system) : ChatCorpusTests(system), IClassFixture<SqliteClockedChatSystem>;

public sealed class PostgresChatCorpusTests(PostgresClockedChatSystem system) : ChatCorpusTests(system), IClassFixture<PostgresClockedChatSystem>;
