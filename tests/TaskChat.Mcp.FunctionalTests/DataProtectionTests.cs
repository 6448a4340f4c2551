using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>The mcp validates tokens and protects nothing that must outlive it (ProcessDataProtectionChecks).</summary>
public sealed class DataProtectionTests(SqliteMcpServer server) : IClassFixture<SqliteMcpServer>
{
    [Fact]
    public void NoKeyRingIsReadAtStart() => ProcessDataProtectionChecks.AssertNoKeyRingIsReadAtStart(server.Server);

    [Fact]
    public void DataIsStillProtectedWithKeysThatLiveInMemory() => ProcessDataProtectionChecks.AssertDataIsProtectedWithKeysInMemory(server.Server);
}
