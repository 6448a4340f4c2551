using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TaskChat.ServiceDefaults.Logging;

namespace TaskChat.UnitTests.Logging;

public class RedactingConsoleFormatterTests
{
    private const string Category = "Microsoft.EntityFrameworkCore.Database.Connection";

    [Fact]
    public void TextEntryIsOneRedactedLineWithLevelAndShortCategory()
    {
        var output = Format(json: false, LogLevel.Warning, "Connecting with Password=Hunter2 failed");

        var line = Assert.Single(Lines(output));
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}\.\d{3} warn Database.Connection: Connecting with Password=\*\*\* failed$", line);
    }

    [Fact]
    public void ExceptionIsRedactedToo()
    {
        var exception = new InvalidOperationException("could not open postgres://app:Hunter2@db/tasks");

        var output = Format(json: false, LogLevel.Error, "Query failed", exception: exception);

        Assert.Contains("fail Database.Connection: Query failed", output, StringComparison.Ordinal);
        Assert.Contains("postgres://app:***@db/tasks", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonEntryCarriesRedactedMessageAndStructuredValues()
    {
        var exception = new InvalidOperationException("Bearer abcdefghijklmnop12345 rejected");
        var state = new List<KeyValuePair<string, object?>>
        {
            new("ConnectionString", "Host=db;Password=Hunter2"),
            new("TaskId", 42),
            new("Missing", null),
            new("{OriginalFormat}", "Opening {ConnectionString} for task {TaskId}"),
        };

        var output = Format(json: true, LogLevel.Information, "Opening Host=db;Password=Hunter2 for task 42", state, exception, new EventId(7));

        using var entry = JsonDocument.Parse(Assert.Single(Lines(output)));
        var root = entry.RootElement;
        Assert.Equal("info", root.GetProperty("level").GetString());
        Assert.Equal("backend", root.GetProperty("service").GetString());
        Assert.Equal(Category, root.GetProperty("category").GetString());
        Assert.Equal(7, root.GetProperty("event_id").GetInt32());
        Assert.Equal("Opening Host=db;Password=*** for task 42", root.GetProperty("message").GetString());
        Assert.Equal("Host=db;Password=***", root.GetProperty("ConnectionString").GetString());
        Assert.Equal("42", root.GetProperty("TaskId").GetString());
        Assert.StartsWith("System.InvalidOperationException: Bearer ***", root.GetProperty("exception").GetString(), StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("{OriginalFormat}", out _));
        Assert.False(root.TryGetProperty("Missing", out _));
        Assert.DoesNotContain("Hunter2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EntryWithoutMessageOrExceptionWritesNothing() =>
        Assert.Equal("", Format(json: false, LogLevel.Information, message: null));

    private static string Format(
        bool json,
        LogLevel level,
        string? message,
        IReadOnlyList<KeyValuePair<string, object?>>? state = null,
        Exception? exception = null,
        EventId eventId = default)
    {
        var options = new RedactingConsoleFormatterOptions { Json = json, ServiceName = "backend" };
        var formatter = new RedactingConsoleFormatter(new FixedOptionsMonitor(options));
        var entry = new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(
            level, Category, eventId, state ?? [], exception, (_, _) => message!);
        using var writer = new StringWriter();
        formatter.Write(entry, scopeProvider: null, writer);
        return writer.ToString();
    }

    private static string[] Lines(string output) => output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private sealed class FixedOptionsMonitor(RedactingConsoleFormatterOptions value) : IOptionsMonitor<RedactingConsoleFormatterOptions>
    {
        public RedactingConsoleFormatterOptions CurrentValue => value;
        public RedactingConsoleFormatterOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<RedactingConsoleFormatterOptions, string?> listener) => null;
    }
}
