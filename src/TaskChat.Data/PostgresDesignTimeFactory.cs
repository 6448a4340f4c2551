using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TaskChat.Data;

/// <summary>
/// Used by `dotnet ef ... --context PostgresTaskChatDbContext`; `migrations add` never connects,
/// `database update` uses DATABASE_URL.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTaskChatDbContext>
{
    public PostgresTaskChatDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresTaskChatDbContext>)new DbContextOptionsBuilder<PostgresTaskChatDbContext>()
            .UseTaskChatPostgres(DesignTimeConnection.For(Connection.DatabaseProvider.Postgres)).Options);
}
