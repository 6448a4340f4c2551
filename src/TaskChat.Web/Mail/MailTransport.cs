using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace TaskChat.Web.Mail;

/// <summary>
/// One message the web sends, in plain text. <paramref name="Kind"/> names it in logs, which never hold its text or address.
/// <paramref name="StopLink"/>: where one click stops this kind of mail (the List-Unsubscribe headers), for mail the user did
/// not ask for each time (reminders).
/// </summary>
public sealed record OutgoingMail(string Kind, string To, string ToName, string Subject, string Text, string? StopLink = null);

/// <summary>Where <see cref="MailDelivery"/> hands a message: an SMTP server, or a folder of .eml files.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// MailKit against the SMTP server of SMTP_URL, one connection per message: the web sends a few a day, and a
/// connection kept open would only time out between them. Only this class and <see cref="MimeMail"/> name MailKit's and
/// MimeKit's types, and only in method bodies: those assemblies load with the first message, not with the web (checked
/// in /proc/PID/maps: the web's idle memory is one of issue 13's targets).
/// </summary>
internal sealed class SmtpTransport(MailSettings settings) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            await SendOnceAsync(mail, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new MailNotSentException(Reason(e), e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted }, e);
        }
    }

    /// <summary>What went wrong, in words an operator acts on; never the server's own text, which can hold the address.</summary>
    internal static string Reason(Exception e) => e switch
    {
        AuthenticationException => "authentication failed (check the user name and password in SMTP_URL)",
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command => $"the server refused the recipient ({(int)command.StatusCode})",
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } command => $"the server refused the sender, MAIL_FROM ({(int)command.StatusCode})",
        SmtpCommandException command => $"the server refused the message ({(int)command.StatusCode})",
        SslHandshakeException => "the TLS handshake failed (smtps:// takes a port that speaks TLS at once, usually 465; smtp:// one with STARTTLS, usually 587)",
        NotSupportedException when e.Message.Contains("STARTTLS", StringComparison.OrdinalIgnoreCase) => "the server does not offer STARTTLS, which production requires",
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } => "host not found",
        SocketException { SocketErrorCode: SocketError.TimedOut } or TimeoutException or OperationCanceledException => "timeout",
        SmtpProtocolException or ProtocolException => "the server broke the SMTP protocol (is SMTP_URL's port an SMTP server's?)",
        ServiceNotConnectedException => "the server closed the connection",
        _ => e.GetType().Name,
    };

    private async Task SendOnceAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds };
        var security = settings.ImplicitTls ? SecureSocketOptions.SslOnConnect
            : settings.RequireTls ? SecureSocketOptions.StartTls
            : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
        if (settings.UserName is { } user)
        {
            await client.AuthenticateAsync(user, settings.Password ?? "", cancellationToken);
        }
        await client.SendAsync(MimeMail.From(mail, settings), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// Each message as an .eml file in a folder (SMTP_URL=file:///…, and the development default .data/mail): the
/// one-command run can reset a password with no mail server, and any mail program opens the file.
/// </summary>
internal sealed class FolderTransport(MailSettings settings, TimeProvider clock) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var folder = settings.Folder!;
        // Sorted by name is sorted by time: the newest message is the last file.
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{mail.Kind}-{Guid.NewGuid():N}.eml";
        var message = MimeMail.From(mail, settings);
        var path = Path.Combine(folder, name);
        // Written under another name, then renamed: a reader never finds half a message.
        var partial = path + ".partial";
        try
        {
            Directory.CreateDirectory(folder);
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailNotSentException("could not write to the mail folder of SMTP_URL", onlyThisMessage: false, e);
        }
    }
}

internal static class MimeMail
{
    public static MimeMessage From(OutgoingMail mail, MailSettings settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.From.DisplayName, settings.From.Address));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Text };
        // Automatic mail: no out-of-office replies to it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (mail.StopLink is { } stop)
        {
            // One-click unsubscribe (RFC 8058): mail programs show an "Unsubscribe" button that POSTs to the link.
            message.Headers.Add("List-Unsubscribe", $"<{stop}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}
