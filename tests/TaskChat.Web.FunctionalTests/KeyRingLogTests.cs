using System.Text.RegularExpressions;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// The web's log never carries the key ring, at any level: run as a process with its real console
/// logger at Debug, in development without KEY_RING_CERTIFICATE (so that the master key is in the
/// database in the clear, to be looked for in the log).
/// </summary>
public sealed partial class KeyRingLogTests
{
    [Fact]
    public async Task AtDebugTheLogHoldsNoKeyXmlAndSaysOnceThatTheKeyRingIsUnencrypted()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var system = await new SystemBuilder(database.Url)
            .WithWeb(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Debug", ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug" })
            .Wired(wiring => wiring with { Issuer = WebServers.Issuer })
            .AsProcesses()
            .StartAsync();
        using var browser = WebServers.Browser(system.Web);
        await WebServers.SignUpAsync(browser); // Creates the key ring's first key, and a signing key.
        await WebServers.TokenAsync(browser);
        await using var db = database.CreateDbContext();
        var masterKeys = db.DataProtectionKeys.AsEnumerable().SelectMany(k => MasterKeyValue().Matches(k.Xml!)).Select(m => m.Groups[1].Value).ToList();
        await system.Web.DisposeAsync(); // Everything it had to say is written.

        var log = system.Web.Process.AllOutput;
        Assert.NotEmpty(masterKeys);
        Assert.Contains("dbug", log, StringComparison.Ordinal); // Debug lines are written...
        Assert.All(masterKeys, key => Assert.DoesNotContain(key, log, StringComparison.Ordinal)); // ...but no key.
        Assert.DoesNotContain("<masterKey", log, StringComparison.Ordinal);
        Assert.DoesNotContain("No XML encryptor configured", log, StringComparison.Ordinal);
        Assert.Single(log.Split('\n'), line => line.Contains("KEY_RING_CERTIFICATE", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"<value>([^<]+)</value>")]
    private static partial Regex MasterKeyValue();
}
