using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>The api validates tokens and protects nothing that must outlive it (ProcessDataProtectionChecks).</summary>
public sealed class DataProtectionTests(SqliteApiServer server) : IClassFixture<SqliteApiServer>
{
    [Fact]
    public void NoKeyRingIsReadAtStart() => ProcessDataProtectionChecks.AssertNoKeyRingIsReadAtStart(server.Server);

    [Fact]
    public void DataIsStillProtectedWithKeysThatLiveInMemory() => ProcessDataProtectionChecks.AssertDataIsProtectedWithKeysInMemory(server.Server);
}
