using Microsoft.EntityFrameworkCore;
using Npgsql;
using TaskChat.Data;
using TaskChat.Data.Connection;

namespace TaskChat.UnitTests.Connection;

public class PoolSizeTests
{
    [Fact]
    public void PoolMaxCapsPostgresConnectionsAndKeepsTheCredentials()
    {
        var connection = DatabaseUrl.Parse("postgres://app:secret@db.example.com/tasks", DatabaseUrls.DefaultSqlitePath).WithPoolMax(7);
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);

        Assert.Equal(7, builder.MaxPoolSize);
        Assert.Equal(("app", "secret"), (builder.Username, builder.Password));
        Assert.EndsWith("pool=7", connection.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", connection.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void PoolMaxBelowTheMinimumPoolSizeLowersTheMinimum()
    {
        var connection = DatabaseUrl.Parse("Host=db.example.com;Minimum Pool Size=20", DatabaseUrls.DefaultSqlitePath).WithPoolMax(5);
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);

        Assert.Equal((5, 5), (builder.MinPoolSize, builder.MaxPoolSize));
    }

    [Fact]
    public void PooledPostgresConnectionsAreNotResetOnReturnPrepareTheirStatementsAndKeepTheirSettings()
    {
        var connection = DatabaseUrl.Parse("postgres://app:secret@db.example.com/tasks?application_name=taskchat", DatabaseUrls.DefaultSqlitePath).WithPoolMax(7);
        using var db = DataServiceCollectionExtensions.CreateDbContext(connection);
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());

        // No DISCARD ALL ahead of every request's first command, and the statements run most kept prepared (issue 13).
        Assert.True(builder.NoResetOnClose);
        Assert.Equal(DataServiceCollectionExtensions.AutoPreparedStatements, builder.MaxAutoPrepare);
        Assert.Equal((7, "taskchat", "app"), (builder.MaxPoolSize, builder.ApplicationName, builder.Username));
    }

    [Fact]
    public void AutomaticPreparationCanBeTurnedOffInTheUrlForAPoolerThatCannotKeepPreparedStatements()
    {
        var connection = DatabaseUrl.Parse("postgres://app:secret@pgbouncer.example.com/tasks?max_auto_prepare=0", DatabaseUrls.DefaultSqlitePath);
        using var db = DataServiceCollectionExtensions.CreateDbContext(connection);

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxAutoPrepare);
    }

    [Fact]
    public void PoolMaxLeavesSqliteAlone()
    {
        var connection = DatabaseUrl.Parse("sqlite:tasks.db", DatabaseUrls.DefaultSqlitePath);

        Assert.Same(connection, connection.WithPoolMax(3));
    }
}
