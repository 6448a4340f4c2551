using System.Net;
using Microsoft.EntityFrameworkCore;
using TaskChat.Data.Connection;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;
using TaskChat.TestSupport.Processes;

namespace TaskChat.SystemTests;

/// <summary>The mcp as its deployments run it: `dotnet TaskChat.Mcp.dll` configured by variables alone.</summary>
public sealed class McpProcessTests
{
    private const string Password = "s3cretpw";

    [Fact]
    public async Task Answers_liveness_and_exits_with_0_soon_after_SIGTERM()
    {
        await using var database = new SqliteTestDatabase();
        var port = LoopbackServer.UnusedPort();
        using var mcp = TestProcess.Start(BuiltService.Mcp, new SystemWiring { DatabaseUrl = database.Url }.WithPort(TaskChatService.Mcp, port).VariablesFor(TaskChatService.Mcp));

        using var live = await Listening.GetAsync(Listening.Url(port, "/health/live"), mcp);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        mcp.Terminate();
        Assert.Equal(0, await mcp.WaitForExitAsync());
        Assert.Contains("shutting down", mcp.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("PORT", "abc")]
    [InlineData("DATABASE_URL", "postgres://user:" + Password + "@:badport")]
    [InlineData("ENVIRONMENT", "staging")]
    public async Task Invalid_variable_stops_start_up_with_2_naming_it_and_never_printing_the_password(string name, string value)
    {
        // The development wiring on a free port, but for the variable under test.
        var variables = new Dictionary<string, string>(new SystemWiring { DatabaseUrl = "sqlite:unused.db" }.WithPort(TaskChatService.Mcp, 0).VariablesFor(TaskChatService.Mcp))
        {
            [name] = value,
        };
        using var mcp = TestProcess.Start(BuiltService.Mcp, variables);

        Assert.Equal(2, await mcp.WaitForExitAsync());
        Assert.Contains(name, mcp.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, mcp.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_DATABASE_URL_is_refused_naming_it()
    {
        using var mcp = TestProcess.Start(BuiltService.Mcp, ProductionVariables(databaseUrl: null));

        Assert.Equal(2, await mcp.WaitForExitAsync());
        Assert.Contains("DATABASE_URL", mcp.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_a_loopback_AUTH_JWKS_URL_is_refused_naming_it()
    {
        using var mcp = TestProcess.Start(BuiltService.Mcp, ProductionVariables(UnreachablePostgres(), wiring => wiring with { JwksUrl = "http://localhost:3000/api/auth/jwks" }));

        Assert.Equal(2, await mcp.WaitForExitAsync());
        Assert.Contains("AUTH_JWKS_URL", mcp.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTH_ISSUER", mcp.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_start_up_needs_no_database_and_logs_one_configuration_line_without_the_password()
    {
        var port = LoopbackServer.UnusedPort();
        using var mcp = TestProcess.Start(BuiltService.Mcp, ProductionVariables(UnreachablePostgres(), wiring => wiring.WithPort(TaskChatService.Mcp, port)));

        using var live = await Listening.GetAsync(Listening.Url(port, "/health/live"), mcp);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await Listening.GetAsync(Listening.Url(port, "/health/ready"), mcp);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"database\":\"error: ", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        mcp.Terminate();
        Assert.Equal(0, await mcp.WaitForExitAsync());
        var summary = Assert.Single(mcp.Stdout.Split('\n'), line => line.Contains("Starting mcp-server", StringComparison.Ordinal));
        Assert.Contains("environment=production", summary, StringComparison.Ordinal);
        Assert.Contains("database=[postgresql 127.0.0.1:", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, mcp.AllOutput, StringComparison.Ordinal);
        // Production never migrates at start-up: that is the deploy's one explicit step.
        Assert.DoesNotContain("migrat", mcp.AllOutput, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task In_development_it_migrates_an_empty_database_before_it_is_ready_and_a_second_start_applies_nothing(DatabaseProvider provider)
    {
        await using TestDatabase database = provider == DatabaseProvider.Postgres ? await PostgresTestDatabase.CreateAsync() : new SqliteTestDatabase();
        var wiring = new SystemWiring { DatabaseUrl = database.Url };

        var first = await StartUntilReadyAsync(wiring);
        Assert.Matches("Applied [0-9]+ migration\\(s\\)", first);
        await using (var db = database.CreateDbContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        // Up to date: the quick look finds the newest migration in the history and migrates nothing.
        var second = await StartUntilReadyAsync(wiring);
        Assert.DoesNotContain("migrat", second, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task In_production_an_unmigrated_database_is_not_ready_and_says_so()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var port = LoopbackServer.UnusedPort();
        using var mcp = TestProcess.Start(BuiltService.Mcp, ProductionVariables(database.Url, wiring => wiring.WithPort(TaskChatService.Mcp, port)));

        using var ready = await Listening.GetAsync(Listening.Url(port, "/health/ready"), mcp);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"database\":\"error: schema not migrated\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <returns>Everything the mcp printed from its start until it stopped, once ready.</returns>
    private static async Task<string> StartUntilReadyAsync(SystemWiring wiring)
    {
        var port = LoopbackServer.UnusedPort();
        using var mcp = TestProcess.Start(BuiltService.Mcp, wiring.WithPort(TaskChatService.Mcp, port).VariablesFor(TaskChatService.Mcp));
        await Listening.WaitUntilOkAsync(Listening.Url(port, "/health/ready"), mcp);
        mcp.Terminate();
        Assert.Equal(0, await mcp.WaitForExitAsync());
        return mcp.AllOutput;
    }

    /// <summary>A PostgreSQL URL with a password, on a port where nothing listens.</summary>
    private static string UnreachablePostgres() => $"postgres://taskchat:{Password}@127.0.0.1:{LoopbackServer.UnusedPort()}/taskchat";

    /// <summary>A production wiring whose URLs name a real-looking host; without DATABASE_URL when <paramref name="databaseUrl"/> is null.</summary>
    private static Dictionary<string, string> ProductionVariables(string? databaseUrl, Func<SystemWiring, SystemWiring>? change = null)
    {
        var wiring = new SystemWiring
        {
            DatabaseUrl = databaseUrl ?? "",
            Environment = "production",
            PublicHost = "taskchat.internal",
            Issuer = "https://taskchat.example.com",
            JwksUrl = "https://taskchat.example.com/api/auth/jwks",
        }.WithPort(TaskChatService.Mcp, 0);
        var variables = new Dictionary<string, string>((change ?? (w => w))(wiring).VariablesFor(TaskChatService.Mcp));
        if (databaseUrl is null)
        {
            variables.Remove("DATABASE_URL");
        }
        return variables;
    }
}
