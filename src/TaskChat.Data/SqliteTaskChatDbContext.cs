using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TaskChat.Data;

/// <summary>The embedded default: one SQLite file shared by the services (WAL mode).</summary>
public sealed class SqliteTaskChatDbContext(DbContextOptions<SqliteTaskChatDbContext> options) : TaskChatDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores timestamps as text without a kind; every timestamp we write is UTC, so say so
        // when reading back, or JSON would lose its "Z".
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    // Internal, not private: the compiled model (CompiledModels/Sqlite) creates it.
    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
