using Microsoft.EntityFrameworkCore;
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
