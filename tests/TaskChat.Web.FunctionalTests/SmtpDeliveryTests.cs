using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// SMTP_URL=smtp://…: the reset link sent through a real SMTP server on loopback (SmtpServer, which speaks the protocol
/// as a mail provider's submission port does), with the credentials of the URL; and a server that refuses them, which
/// costs the person asking nothing but the mail.
/// </summary>
public sealed class SmtpDeliveryTests(SqliteWebServer web) : IClassFixture<SqliteWebServer>
{
    [SkippableFact]
    public async Task The_link_goes_through_the_smtp_server_signed_in_with_the_urls_credentials()
    {
        await using var smtp = await LoopbackSmtp.StartAsync(user: "taskchat", password: "p@ss/word");
        var system = await StartWebAsync($"smtp://taskchat:{Uri.EscapeDataString("p@ss/word")}@127.0.0.1:{smtp.Port}");
        using var browser = WebServers.Browser(system.Web);
        var (email, _) = await WebServers.SignUpAsync(browser);

        using var asked = await browser.PostAsJsonAsync("api/auth/request-password-reset", new { email });
        var message = await smtp.WaitForAsync(email, "Reset your TaskChat password");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("Reset your TaskChat password", message.Subject);
        Assert.Equal(("no-reply@localhost", "TaskChat"), (message.From.Mailboxes.Single().Address, message.From.Mailboxes.Single().Name));
        Assert.Contains($"{WebServers.Issuer}/reset-password?token=", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.NotEmpty(smtp.SignedInAs); // A session a message (the sign-up's confirmation link came first), each as the URL's user.
        Assert.All(smtp.SignedInAs, user => Assert.Equal("taskchat", user));
        Assert.Empty(system.Mailbox.All()); // Sent, not written to the test's folder.
        await MailHealthIsAsync(browser, "connected");
    }

    [SkippableFact]
    public async Task A_server_that_refuses_the_credentials_loses_only_the_mail()
    {
        await using var smtp = await LoopbackSmtp.StartAsync(user: "taskchat", password: "the right one");
        var system = await StartWebAsync($"smtp://taskchat:wrong@127.0.0.1:{smtp.Port}");
        using var browser = WebServers.Browser(system.Web);
        var (email, _) = await WebServers.SignUpAsync(browser);

        using var asked = await browser.PostAsJsonAsync("api/auth/request-password-reset", new { email });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode); // Sent after the answer: the answer cannot depend on it.
        await smtp.WaitForRefusalAsync();
        Assert.Empty(smtp.Received);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
        // What an operator sees: /health names the failure and what to check, never the password.
        var health = await MailHealthIsAsync(browser, "error: authentication failed (check the user name and password in SMTP_URL)");
        Assert.DoesNotContain("wrong", health, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_server_that_is_not_there_is_named_in_health_as_connection_refused()
    {
        using var browser = WebServers.Browser((await StartWebAsync($"smtp://127.0.0.1:{LoopbackServer.UnusedPort()}")).Web);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("health/ready")).StatusCode); // Mail is not the web's readiness.
        await MailHealthIsAsync(browser, "not used yet");
        await WebServers.SignUpAsync(browser); // Its confirmation link is the first message.
        await MailHealthIsAsync(browser, "error: connection refused");
    }

    /// <summary>Waits (the web sends after answering) until /health's "mail" entry reads <paramref name="expected"/>; returns the report.</summary>
    private static async Task<string> MailHealthIsAsync(HttpClient browser, string expected)
    {
        var report = "";
        await Eventually.TrueAsync(async () =>
        {
            using var health = await browser.GetAsync("health");
            report = await health.Content.ReadAsStringAsync();
            return System.Text.Json.JsonDocument.Parse(report).RootElement.GetProperty("mail").GetString() == expected;
        }, $"/health's mail entry never read \"{expected}\"", TimeSpan.FromSeconds(30));
        return report;
    }

    private Task<RunningSystem> StartWebAsync(string smtpUrl) =>
        web.StartAsync(s => s.WithWeb(new Dictionary<string, string> { ["SMTP_URL"] = smtpUrl }).Wired(w => w with { Issuer = WebServers.Issuer }));

    /// <summary>An SMTP server on a loopback port that takes one user's credentials (over plain text: it is loopback) and keeps what it receives.</summary>
    private sealed class LoopbackSmtp : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Store _store = new();
        private readonly Authenticator _authenticator;
        private Task _running = Task.CompletedTask;

        private LoopbackSmtp(string user, string password) => _authenticator = new Authenticator(user, password);

        public int Port { get; private set; }

        public IReadOnlyCollection<MimeMessage> Received => _store.Messages;

        public IReadOnlyCollection<string> SignedInAs => _authenticator.Accepted;

        public static Task<LoopbackSmtp> StartAsync(string user, string password)
        {
            var smtp = new LoopbackSmtp(user, password) { Port = LoopbackServer.UnusedPort() };
            var options = new SmtpServerOptionsBuilder()
                .ServerName("localhost")
                .Endpoint(endpoint => endpoint
                    .Endpoint(new IPEndPoint(IPAddress.Loopback, smtp.Port))
                    .AllowUnsecureAuthentication(true)
                    .AuthenticationRequired(true))
                .Build();
            var services = new ServiceProvider();
            services.Add(smtp._store);
            services.Add(smtp._authenticator);
            smtp._running = new SmtpServer.SmtpServer(options, services).StartAsync(smtp._stop.Token);
            return Task.FromResult(smtp);
        }

        /// <summary>The first message to <paramref name="to"/> with this subject (a sign-up's confirmation link comes first).</summary>
        public async Task<MimeMessage> WaitForAsync(string to, string subject)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                if (_store.Messages.FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == to) && m.Subject == subject) is { } message)
                {
                    return message;
                }
                await Task.Delay(50);
            }
            throw new TimeoutException($"The SMTP server received no \"{subject}\" for {to}.");
        }

        public async Task WaitForRefusalAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (_authenticator.Refused == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "The web never tried to sign in to the SMTP server.");
                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
            _stop.Dispose();
        }

        private sealed class Store : MessageStore
        {
            public ConcurrentQueue<MimeMessage> Messages { get; } = new();

            public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
            {
                using var stream = new MemoryStream(buffer.ToArray());
                Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
                return SmtpResponse.Ok;
            }
        }

        private sealed class Authenticator(string expectedUser, string expectedPassword) : IUserAuthenticator
        {
            private int _refused;

            public ConcurrentQueue<string> Accepted { get; } = new();

            public int Refused => Volatile.Read(ref _refused);

            public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
            {
                var right = user == expectedUser && password == expectedPassword;
                if (right)
                {
                    Accepted.Enqueue(user);
                }
                else
                {
                    Interlocked.Increment(ref _refused);
                }
                return Task.FromResult(right);
            }
        }
    }
}
