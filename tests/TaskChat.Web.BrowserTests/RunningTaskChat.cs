using Microsoft.Playwright;
using TaskChat.Data.Connection;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// TaskChat as its one command starts it: the real launcher (its built dll, `run`) on free ports over a
/// temp SQLite file, and one headless Chromium. One per test class.
/// </summary>
public class RunningTaskChat() : SystemFixture(DatabaseProvider.Sqlite)
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>What the user opens (localhost, as AUTH_ISSUER and CORS_ORIGINS name it).</summary>
    public string WebUrl => Running.UrlOf(TaskChatService.Web);

    protected override bool UsesStandInIssuer => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Kills a service the way an outage would (SIGKILL); the launcher starts it again after a moment.</summary>
    public Task KillAsync(TaskChatService service) => Running[service].KillAsync();

    /// <summary>
    /// Waits until the api answers its readiness probe again (after a kill or an <see cref="ServiceOutage"/>,
    /// the launcher restarts it after its back-off, at most 30 s, plus the start-up).
    /// </summary>
    public Task WaitForApiAsync() => WaitForAsync(TaskChatService.Api);

    /// <summary>Waits until <paramref name="service"/> answers its readiness probe (after a kill, the launcher's restart).</summary>
    public async Task WaitForAsync(TaskChatService service)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Running.UrlOf(service)), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                // Not listening yet: poll again.
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"The {service} did not come back within two minutes.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>
    /// The web's own variables beyond the launcher's, for a test class that needs other settings. By default a reminder no
    /// page showed is emailed after the shortest wait the web allows (10 s, not 60): only to users who confirmed their
    /// address, which only the confirmation tests do.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string>? WebVariables { get; } =
        new Dictionary<string, string> { ["REMINDER_EMAIL_DELAY_SECONDS"] = "10" };

    protected override SystemBuilder Describe(SystemBuilder system) => system.WithWeb(WebVariables).UnderLauncher();
}
