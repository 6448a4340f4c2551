using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TaskChat.Data.Connection;

namespace TaskChat.UnitTests.Connection;

/// <summary>Only a unique-key violation may be read as "already exists" (a sign-up's email, for one).</summary>
public class UniqueViolationTests
{
    public static TheoryData<Exception, bool> Errors => new()
    {
        { new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation), true },
        { new SqliteException("UNIQUE constraint failed", 19, 2067), true },
        { new SqliteException("PRIMARY KEY constraint failed", 19, 1555), true },
        { new DbUpdateException("save failed", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)), true },
        { new DbUpdateException("save failed", new PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", PostgresErrorCodes.CharacterNotInRepertoire)), false },
        { new DbUpdateException("save failed", new PostgresException("value too long", "ERROR", "ERROR", PostgresErrorCodes.StringDataRightTruncation)), false },
        { new SqliteException("NOT NULL constraint failed", 19, 1299), false },
        { new SqliteException("CHECK constraint failed", 19, 275), false },
        { new DbUpdateException("save failed", new NpgsqlException("connection refused")), false },
        { new InvalidOperationException("bug"), false },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void OnlyAUniqueKeyViolationMeansAlreadyExists(Exception error, bool alreadyExists) =>
        Assert.Equal(alreadyExists, DatabaseErrors.IsUniqueViolation(error));
}
