using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.DeployTests.Support;

namespace TaskChat.DeployTests;

/// <summary>`dotnet TaskChat.Mcp.dll migrate`: what Compose's migrate service, Render's preDeployCommand and the Kubernetes Job run.</summary>
public sealed class MigrateCommandTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Two_migrators_at_once_one_applies_the_other_finds_nothing_to_do(DatabaseProvider provider)
    {
        await using var database = provider == DatabaseProvider.Postgres ? await ScratchDatabase.PostgresAsync() : ScratchDatabase.Sqlite();
        var variables = new Dictionary<string, string> { ["DATABASE_URL"] = database.Url };

        using var first = ServiceCommand.Start("TaskChat.Mcp.dll", variables, "migrate");
        using var second = ServiceCommand.Start("TaskChat.Api.dll", variables, "migrate");
        var results = await Task.WhenAll(first.WaitAsync(), second.WaitAsync());

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.Single(results, r => r.Output.Contains("applied ", StringComparison.Ordinal));
        Assert.Single(results, r => r.Output.Contains("Database is up to date.", StringComparison.Ordinal));
        await using var db = DataServiceCollectionExtensions.CreateDbContext(database.Connection);
        Assert.Empty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_migrator_waits_while_another_holds_the_lock(DatabaseProvider provider)
    {
        await using var database = provider == DatabaseProvider.Postgres ? await ScratchDatabase.PostgresAsync() : ScratchDatabase.Sqlite();
        var held = await MigrationLock.AcquireAsync(database.Connection);

        using var migrator = ServiceCommand.Start("TaskChat.Web.dll", new Dictionary<string, string> { ["DATABASE_URL"] = database.Url }, "migrate");
        // Until it says it waits, however long its start takes (before: 4 s, then the lock let go: on a busy CI machine the
        // migrator had not reached the lock by then, took it free, and never said it waited).
        await migrator.WaitForOutputAsync("Another migrator holds the lock; waiting for it.");
        Assert.False(migrator.HasExited, "the migrator must wait for the lock");
        await held.DisposeAsync();

        var (exitCode, output) = await migrator.WaitAsync();
        Assert.True(exitCode == 0, output);
        Assert.Contains("applied ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_exits_1_without_credentials_in_the_message()
    {
        using var migrator = ServiceCommand.Start("TaskChat.Mcp.dll", new Dictionary<string, string>
        {
            ["DATABASE_URL"] = $"postgresql://taskchat:hunter2-secret@127.0.0.1:{UnusedPort()}/taskchat?timeout=3",
        }, "migrate");
        var (exitCode, output) = await migrator.WaitAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains("Could not migrate", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sqlite:/tmp/taskchat-production.db")]
    public async Task In_production_an_sqlite_or_missing_database_is_refused_with_exit_2(string url)
    {
        var output = new StringWriter();
        var exitCode = await Data.Operations.ServiceCommands.RunAsync(["migrate"],
            name => name switch { "ENVIRONMENT" => "production", "DATABASE_URL" => url, _ => null }, output, output);
        Assert.Equal(2, exitCode);
        Assert.Contains("DATABASE_URL must be set to a PostgreSQL URL in production.", output.ToString(), StringComparison.Ordinal);
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
