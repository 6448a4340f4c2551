using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;
using TaskChat.Web.Live;
using TaskChat.Web.Tokens;

namespace TaskChat.Web.FunctionalTests;

/// <summary>The web with its database down: its auth endpoints answer 503 database_unavailable, and log one quiet line each.</summary>
public sealed class DatabaseOutageTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task WithTheDatabaseDownSignUpAndSignInAre503WithRetryAfterAndLogOneWarningLineEach(DatabaseProvider provider)
    {
        using var database = new UnreachableDatabase(provider);
        await using var system = await new SystemBuilder(database.Url).WithWeb().Wired(wiring => wiring with { Issuer = WebServers.Issuer }).StartAsync();
        var logs = new CapturedLogs();
        system.Web.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        using var browser = WebServers.Browser(system.Web);

        using var signUp = await browser.PostAsJsonAsync("api/auth/sign-up/email", new { email = WebServers.NewEmail(), password = WebServers.Password, name = "Ada" });
        using var signIn = await browser.PostAsJsonAsync("api/auth/sign-in/email", new { email = WebServers.NewEmail(), password = WebServers.Password });

        // The signing key schedule, the reminder worker and the event listener, working in the background, may
        // notice the outage too (once each: AssertQuietWarnings also proves their lines carry no stack).
        logs.AssertQuietWarnings(2, typeof(SigningKeyMaintenance).FullName!, typeof(ReminderDeliveryWorker).FullName!, typeof(PostgresEventListener).FullName!, typeof(TaskVersionPoller).FullName!);
        Assert.True(logs.Entries.Count(line => line.Category == typeof(ReminderDeliveryWorker).FullName) <= 1, "the reminder worker warns once per outage");
        Assert.True(logs.Entries.Count(line => line.Category == typeof(PostgresEventListener).FullName) <= 1, "the event listener warns once per outage");
        foreach (var response in new[] { signUp, signIn })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(ProblemCodes.DatabaseUnavailable, (await Json.ReadAsync(response)).GetProperty("code").GetString());
            Assert.NotNull(response.Headers.RetryAfter);
        }
    }
}
