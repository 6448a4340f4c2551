using System.Globalization;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Web.Live;

/// <summary>
/// How often the web looks for due reminders (REMINDER_POLL_SECONDS) and, on SQLite, for tasks changed
/// by the api or the mcp (TASK_CHANGES_POLL_SECONDS). Both are cheap when nothing happened (one indexed
/// read); a reminder shows within about one interval plus a render of its time. A reminder that no open
/// page showed goes by email REMINDER_EMAIL_DELAY_SECONDS after it went off (ReminderFollowUp).
/// </summary>
public sealed record LiveSettings(TimeSpan ReminderPollInterval, TimeSpan TaskChangesPollInterval, TimeSpan ReminderEmailDelay)
{
    public const int DefaultReminderPollSeconds = 1;
    public const int DefaultTaskChangesPollSeconds = 1;

    /// <summary>
    /// A minute: an open page shows a reminder within seconds and says so; one that has not by then was not seen. Long
    /// enough for a tab that was reconnecting, short enough that the email still comes at the reminder's time.
    /// </summary>
    public const int DefaultReminderEmailDelaySeconds = 60;

    public static LiveSettings Default { get; } = new(
        TimeSpan.FromSeconds(DefaultReminderPollSeconds), TimeSpan.FromSeconds(DefaultTaskChangesPollSeconds), TimeSpan.FromSeconds(DefaultReminderEmailDelaySeconds));

    // At most 5 s: the promise is that every open tab shows a reminder within 5 s of its time.
    public static LiveSettings Read(SettingsReader reader) => new(
        TimeSpan.FromSeconds(reader.Number("REMINDER_POLL_SECONDS", DefaultReminderPollSeconds, 1, 5)),
        TimeSpan.FromSeconds(reader.Number("TASK_CHANGES_POLL_SECONDS", DefaultTaskChangesPollSeconds, 1, 30)),
        TimeSpan.FromSeconds(reader.Number("REMINDER_EMAIL_DELAY_SECONDS", DefaultReminderEmailDelaySeconds, 10, 3600)));

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"reminder_poll_seconds={ReminderPollInterval.TotalSeconds} task_changes_poll_seconds={TaskChangesPollInterval.TotalSeconds} reminder_email_delay_seconds={ReminderEmailDelay.TotalSeconds}");
}
