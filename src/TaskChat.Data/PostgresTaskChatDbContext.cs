using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using TaskChat.Data.Model;

namespace TaskChat.Data;

/// <summary>Production: PostgreSQL (Neon, Render, any).</summary>
public sealed class PostgresTaskChatDbContext(DbContextOptions<PostgresTaskChatDbContext> options) : TaskChatDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Message>().Property(m => m.ToolCalls).HasColumnType("jsonb");
    }
}

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
