using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// The account page's "Download your data" (/account/export) over plain HTTP, as a browser follows the link: with the
/// session cookie the api's file comes through, headers and all; signed out, sign in first.
/// </summary>
public abstract class AccountExportTests(AccountExportSystem system)
{
    private RunningSystem Running => system.Running;

    [SkippableFact]
    public async Task SignedInTheLinkGivesTheUsersFileFromTheApi()
    {
        using var browser = WebServers.Browser(Running.Web);
        await WebServers.SignUpAsync(browser);
        using var other = WebServers.Browser(Running.Web);
        await WebServers.SignUpAsync(other);
        await AddTaskAsync(browser, "Renew the passport");
        await AddTaskAsync(other, "Another user's task");

        var page = await (await browser.GetAsync("account")).Content.ReadAsStringAsync();
        using var response = await browser.GetAsync("account/export");

        Assert.Contains("href=\"/account/export\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        // The api's header as it wrote it, the file name quoted.
        Assert.Matches(@"^attachment; filename=""taskchat-export-\d{4}-\d{2}-\d{2}\.json""$", Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var export = await Json.ReadAsync(response);
        var task = Assert.Single(export.GetProperty("tasks").EnumerateArray());
        Assert.Equal("Renew the passport", task.GetProperty("title").GetString());
        Assert.Equal(0, export.GetProperty("conversations").GetArrayLength());
    }

    [SkippableFact]
    public async Task SignedOutTheLinkSendsToSignIn()
    {
        using var browser = WebServers.Browser(Running.Web);

        using var response = await browser.GetAsync("account/export");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", WebServers.RedirectPath(response), StringComparison.Ordinal);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    private async Task AddTaskAsync(HttpClient browser, string title)
    {
        using var api = Running.Api.CreateHttpClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await WebServers.TokenAsync(browser));
        (await api.PostAsJsonAsync("api/tasks", new { title })).EnsureSuccessStatusCode();
    }
}

/// <summary>The api and the web, which issues the tokens the api accepts.</summary>
public abstract class AccountExportSystem(DatabaseProvider provider) : SystemFixture(provider)
{
    protected override bool UsesStandInIssuer => false;

    protected override SystemBuilder Describe(SystemBuilder system) => system.WithApi().WithWeb();
}

public sealed class SqliteAccountExportSystem() : AccountExportSystem(DatabaseProvider.Sqlite);

public sealed class PostgresAccountExportSystem() : AccountExportSystem(DatabaseProvider.Postgres);

public sealed class SqliteAccountExportTests(SqliteAccountExportSystem system) : AccountExportTests(system), IClassFixture<SqliteAccountExportSystem>;

public sealed class PostgresAccountExportTests(PostgresAccountExportSystem system) : AccountExportTests(system), IClassFixture<PostgresAccountExportSystem>;
