using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TaskChat.Data;

/// <summary>Used by `dotnet ef ... --context SqliteTaskChatDbContext`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTaskChatDbContext>
{
    public SqliteTaskChatDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteTaskChatDbContext>)new DbContextOptionsBuilder<SqliteTaskChatDbContext>()
            .UseTaskChatSqlite(DesignTimeConnection.For(Connection.DatabaseProvider.Sqlite)).Options);
}
