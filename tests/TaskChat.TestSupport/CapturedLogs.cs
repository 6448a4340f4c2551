using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit;

namespace TaskChat.TestSupport;

/// <summary>Records what a running service logs (add it to the service's ILoggerFactory), to prove that something was logged, and how.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Exactly <paramref name="count"/> entries, each a warning without an exception (one quiet line per failed request).</summary>
    /// <param name="count">How many lines the requests made.</param>
    /// <param name="backgroundCategories">Categories of background work that may also notice the outage, once, on its own schedule:
    /// their lines are not counted, but must be quiet too.</param>
    public void AssertQuietWarnings(int count, params string[] backgroundCategories)
    {
        var all = Entries.ToList();
        Assert.All(all, line => Assert.Null(line.Exception));
        var lines = all.Where(line => !backgroundCategories.Contains(line.Category)).ToList();
        Assert.True(lines.Count == count, $"{lines.Count} lines, {lines.Count(l => l.Exception is not null)} with a stack: "
            + string.Join(" | ", lines.Select(l => $"{l.Level} {l.Category}")));
        Assert.All(lines, line => Assert.Equal(LogLevel.Warning, line.Level));
        Assert.All(lines, line => Assert.Null(line.Exception));
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Entries.Enqueue((category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
