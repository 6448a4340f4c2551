using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace TaskChat.ServiceDefaults.Logging;

public sealed class RedactingConsoleFormatterOptions : ConsoleFormatterOptions
{
    public bool Json { get; set; }
    public string ServiceName { get; set; } = "";
}

/// <summary>
/// The console format of every service: one line per entry (text for people, JSON for log
/// collectors), with <see cref="SecretRedactor"/> applied to the message, the exception and every
/// structured value. One line per entry also keeps the launcher's "mcp | " prefixes readable.
/// </summary>
public sealed class RedactingConsoleFormatter(IOptionsMonitor<RedactingConsoleFormatterOptions> options)
    : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "taskchat";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }
        var settings = options.CurrentValue;
        var timestamp = DateTimeOffset.UtcNow;
        if (settings.Json)
        {
            WriteJson(logEntry, message, timestamp, settings.ServiceName, textWriter);
        }
        else
        {
            WriteText(logEntry, message, timestamp, textWriter);
        }
    }

    private static void WriteText<TState>(in LogEntry<TState> entry, string? message, DateTimeOffset timestamp, TextWriter writer)
    {
        var line = new StringBuilder();
        line.Append(timestamp.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture))
            .Append(' ').Append(LevelName(entry.LogLevel))
            .Append(' ').Append(ShortCategory(entry.Category))
            .Append(": ").Append(SecretRedactor.Redact(message));
        if (entry.Exception is { } exception)
        {
            line.Append(Environment.NewLine).Append(SecretRedactor.Redact(exception.ToString()));
        }
        writer.WriteLine(line.ToString());
    }

    private static void WriteJson<TState>(in LogEntry<TState> entry, string? message, DateTimeOffset timestamp, string service, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", timestamp);
            json.WriteString("level", LevelName(entry.LogLevel));
            json.WriteString("service", service);
            json.WriteString("category", entry.Category);
            json.WriteString("message", SecretRedactor.Redact(message));
            if (entry.EventId.Id != 0)
            {
                json.WriteNumber("event_id", entry.EventId.Id);
            }
            if (entry.Exception is { } exception)
            {
                json.WriteString("exception", SecretRedactor.Redact(exception.ToString()));
            }
            if (entry.State is IReadOnlyList<KeyValuePair<string, object?>> properties)
            {
                foreach (var (key, value) in properties)
                {
                    if (key != "{OriginalFormat}" && value is not null)
                    {
                        json.WriteString(key, SecretRedactor.Redact(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
                    }
                }
            }
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    // "Microsoft.AspNetCore.Hosting.Diagnostics" -> "Hosting.Diagnostics": enough to find it, short to read.
    private static string ShortCategory(string category)
    {
        var parts = category.Split('.');
        return parts.Length <= 2 ? category : string.Join('.', parts[^2..]);
    }
}
