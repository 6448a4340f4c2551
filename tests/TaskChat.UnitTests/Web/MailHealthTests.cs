using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TaskChat.Web.Mail;

namespace TaskChat.UnitTests.Web;

/// <summary>
/// The web's /health entry "mail" (MailHealth) and the reasons SmtpTransport gives for a message that did not go out:
/// short, what an operator acts on, and never the server's own words, which can hold the recipient's address.
/// </summary>
public class MailHealthTests
{
    private static MailSettings Smtp => new() { Kind = MailDeliveryKind.Smtp, Host = "smtp.example.com", Port = 587, From = new("no-reply@example.com") };

    private static async Task<(HealthStatus Status, string? Description)> CheckAsync(MailHealth health)
    {
        var result = await health.CheckHealthAsync(new HealthCheckContext());
        return (result.Status, result.Description);
    }

    [Fact]
    public async Task It_says_not_used_yet_then_connected_then_the_error_until_a_message_goes_out_again()
    {
        var health = new MailHealth(Smtp);
        Assert.Equal((HealthStatus.Healthy, "not used yet"), await CheckAsync(health));

        health.Sent();
        Assert.Equal((HealthStatus.Healthy, "connected"), await CheckAsync(health));

        health.Failed("authentication failed (check the user name and password in SMTP_URL)");
        Assert.Equal((HealthStatus.Unhealthy, "error: authentication failed (check the user name and password in SMTP_URL)"), await CheckAsync(health));

        health.Sent();
        Assert.Equal((HealthStatus.Healthy, "connected"), await CheckAsync(health));
    }

    [Fact]
    public async Task Mail_turned_off_says_off()
    {
        var health = new MailHealth(new MailSettings { Kind = MailDeliveryKind.Off, From = new("no-reply@example.com") });

        Assert.Equal((HealthStatus.Healthy, "off"), await CheckAsync(health));
    }

    public static TheoryData<Exception, string> Failures => new()
    {
        { new AuthenticationException("535: 5.7.8 Username and Password not accepted for taskchat@example.com"), "authentication failed (check the user name and password in SMTP_URL)" },
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, new MailboxAddress("", "bob@example.com"), "5.1.1 <bob@example.com>: Recipient address rejected"), "the server refused the recipient (550)" },
        { new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxNameNotAllowed, new MailboxAddress("", "no-reply@example.com"), "5.7.1 Sender <no-reply@example.com> not allowed"), "the server refused the sender, MAIL_FROM (553)" },
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "5.7.1 Message rejected as spam for bob@example.com"), "the server refused the message (554)" },
        { new SocketException((int)SocketError.ConnectionRefused), "connection refused" },
        { new SocketException((int)SocketError.HostNotFound), "host not found" },
        { new TimeoutException(), "timeout" },
        { new SslHandshakeException("An error occurred while attempting to establish an SSL or TLS connection."), "the TLS handshake failed (smtps:// takes a port that speaks TLS at once, usually 465; smtp:// one with STARTTLS, usually 587)" },
        { new NotSupportedException("The SMTP server does not support the STARTTLS extension."), "the server does not offer STARTTLS, which production requires" },
        { new SmtpProtocolException("The SMTP server has unexpectedly disconnected."), "the server broke the SMTP protocol (is SMTP_URL's port an SMTP server's?)" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_is_told_in_the_operators_words_without_an_address(Exception failure, string reason)
    {
        var said = SmtpTransport.Reason(failure);

        Assert.Equal(reason, said);
        Assert.DoesNotContain("@", said, StringComparison.Ordinal);
    }
}
