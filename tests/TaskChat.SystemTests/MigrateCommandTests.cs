using Microsoft.Data.Sqlite;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;
using TaskChat.TestSupport.Processes;

namespace TaskChat.SystemTests;

/// <summary>`TaskChat.Launcher migrate`: the one explicit schema step of every deployment.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_creates_the_tables_and_a_second_run_finds_the_database_up_to_date()
    {
        await using var database = new SqliteTestDatabase();
        var variables = new SystemWiring { DatabaseUrl = database.Url }.VariablesForLauncher();

        using (var first = TestProcess.Start(BuiltService.Launcher, variables, ["migrate"]))
        {
            Assert.Equal(0, await first.WaitForExitAsync());
            Assert.Contains("InitialCreate", first.Stdout, StringComparison.Ordinal);
        }
        Assert.Contains("tasks", await TableNamesAsync(database));

        using var second = TestProcess.Start(BuiltService.Launcher, variables, ["migrate"]);
        Assert.Equal(0, await second.WaitForExitAsync());
        Assert.Contains("up to date", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_with_an_invalid_DATABASE_URL_exits_with_2_naming_it_without_the_password()
    {
        using var migrate = TestProcess.Start(BuiltService.Launcher, new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgres://user:s3cretpw@:badport",
        }, ["migrate"]);

        Assert.Equal(2, await migrate.WaitForExitAsync());
        Assert.Contains("DATABASE_URL", migrate.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cretpw", migrate.AllOutput, StringComparison.Ordinal);
    }

    private static async Task<List<string>> TableNamesAsync(TestDatabase database)
    {
        await using var connection = new SqliteConnection(database.Connection.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        await using var reader = await command.ExecuteReaderAsync();
        List<string> names = [];
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
