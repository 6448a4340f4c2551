using System.Globalization;
using System.Text;
using TaskChat.Data.Notifications;
using TaskChat.Data.Tasks;
using TaskChat.Web.Components.Live;
using TaskChat.Web.Mail;

namespace TaskChat.Web.Live;

/// <summary>
/// The email for reminders nobody saw in a page (<see cref="ReminderFollowUp"/> chose them): plain text, each reminder's
/// task with its time in the user's zone and the toast's link to it, and the link that stops these emails in one click. Only the task's title
/// and number are in it, as in the page's toast: never its notes.
/// </summary>
public static class ReminderEmails
{
    public const string Kind = "reminder";

    /// <summary>Where the account page's setting is: every message links to it.</summary>
    public const string SettingPath = "/account#reminders";

    /// <summary>The message; <paramref name="stopLink"/> stops these emails in one click (<see cref="ReminderEmailStop"/>).</summary>
    public static OutgoingMail Compose(ReminderEmail email, string issuer, string stopLink)
    {
        var zone = TaskTime.ZoneOrUtc(email.TimeZone);
        var first = email.Reminders[0];
        var subject = email.Reminders.Count == 1
            ? $"Reminder: {first.Title}"
            : $"{email.Reminders.Count} reminders: {first.Title} and {email.Reminders.Count - 1} more";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hello {email.Name},\n\n")
            .Append(email.Reminders.Count == 1 ? "A reminder went off while you were away from TaskChat:\n\n" : "These reminders went off while you were away from TaskChat:\n\n");
        foreach (var reminder in email.Reminders)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {reminder.Title}: {When(reminder.FireAt, zone)}\n  {issuer}{ReminderAlerts.TaskLink(reminder.TaskNumber)}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"""

            They are also in your notifications: {issuer}/notifications
            TaskChat emails the reminders that no open TaskChat page showed you. To stop these emails: {stopLink}
            Your account page turns "Email me reminders I miss" off and on again: {issuer}{SettingPath}
            """);
        return new OutgoingMail(Kind, email.Email, email.Name, subject, text.ToString(), stopLink);
    }

    /// <summary>"Mon 7 Dec 17:00 (Europe/Paris)": the day and time it was set for, in the user's zone.</summary>
    private static string When(DateTime fireAtUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(fireAtUtc, zone);
        return $"{local.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)} ({zone.Id.Replace('_', ' ')})";
    }
}
