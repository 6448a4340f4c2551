using System.Text.RegularExpressions;
using MimeKit;

namespace TaskChat.TestSupport;

/// <summary>One message the web sent, as its reader sees it; <paramref name="Headers"/> by name (the first of each), for those the body does not show.</summary>
public sealed partial record ReceivedMail(string To, string From, string Subject, string Text, string FileName, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The message's first link to <paramref name="path"/> (e.g. "/reset-password"), as it is written there.</summary>
    public Uri LinkTo(string path) =>
        Links().Matches(Text).Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path)
        ?? throw new InvalidOperationException($"No link to {path} in the message:\n{Text}");

    /// <summary>The <c>token</c> of the message's first link to <paramref name="path"/>, decoded, as the link's page posts it.</summary>
    public string TokenIn(string path) =>
        System.Web.HttpUtility.ParseQueryString(LinkTo(path).Query)["token"]
        ?? throw new InvalidOperationException($"The link to {path} has no token:\n{Text}");

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Links();
}

/// <summary>
/// The folder a system's web writes its mail to (SMTP_URL=file://…, set by <see cref="SystemBuilder"/> for every web it
/// starts): what a test reads where a person would open their inbox. Each system has its own, removed with it.
/// </summary>
public sealed class Mailbox(string folder)
{
    public string Folder => folder;

    /// <summary>SMTP_URL for this folder.</summary>
    public string SmtpUrl => new Uri(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar).AbsoluteUri;

    /// <summary>Every message sent to <paramref name="to"/> so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> To(string to) =>
        [.. All().Where(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Every message in the folder, oldest first (the web names them by the time they were sent).</summary>
    public IReadOnlyList<ReceivedMail> All()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(Read)];
    }

    /// <summary>
    /// The <paramref name="count"/>th message to <paramref name="to"/> whose subject contains <paramref name="subject"/>,
    /// once the web's delivery has written it (it sends after the request that asked has answered).
    /// </summary>
    public async Task<ReceivedMail> WaitForAsync(string to, string subject, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = To(to).Where(m => m.Subject.Contains(subject, StringComparison.Ordinal)).ToList();
            if (found.Count >= count)
            {
                return found[count - 1];
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No message {count} to {to} about \"{subject}\" in {folder}; it holds {All().Count}.");
            }
            await Task.Delay(50);
        }
    }

    private static ReceivedMail Read(string path)
    {
        using var message = MimeMessage.Load(path);
        return new ReceivedMail(
            message.To.Mailboxes.FirstOrDefault()?.Address ?? "",
            message.From.Mailboxes.FirstOrDefault()?.Address ?? "",
            message.Subject ?? "",
            message.TextBody ?? "",
            Path.GetFileName(path),
            message.Headers.GroupBy(h => h.Field, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase));
    }

    internal void Delete()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
