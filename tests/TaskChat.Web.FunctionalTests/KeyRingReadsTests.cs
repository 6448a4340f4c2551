using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;
using TaskChat.Web.Auth;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// The web reads Data Protection's key ring with one plain statement (<see cref="KeyRingReads"/>)
/// instead of EF Core's LINQ query; it must read exactly what EF Core's repository reads and writes.
/// </summary>
public abstract class KeyRingReadsTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task It_reads_what_EF_Cores_repository_stores_in_order_and_the_same_as_EF_Core_reads_it()
    {
        await using var keys = await KeyStore.CreateAsync(provider);
        keys.Reads.StoreElement(Key("one"), "one");
        keys.Reads.StoreElement(Key("two", "with <escaped> text & an ampersand"), "two");
        keys.EfCore.StoreElement(Key("three"), "three");

        var read = keys.Reads.GetAllElements();

        Assert.Equal(["one", "two", "three"], read.Select(e => e.Attribute("id")!.Value));
        Assert.Equal("with <escaped> text & an ampersand", read.ElementAt(1).Value);
        Assert.Equal(keys.EfCore.GetAllElements().Select(e => e.ToString()), read.Select(e => e.ToString()));
    }

    [SkippableFact]
    public async Task The_web_reads_its_key_ring_this_way()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await new SystemBuilder(database.Url).WithWeb().Wired(wiring => wiring with { Issuer = WebServers.Issuer }).StartAsync();

        Assert.IsType<KeyRingReads>(system.Web.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
    }

    [SkippableFact]
    public async Task An_empty_store_reads_as_no_keys()
    {
        await using var keys = await KeyStore.CreateAsync(provider);

        Assert.Empty(keys.Reads.GetAllElements());
    }

    [SkippableFact]
    public async Task A_row_that_is_not_XML_is_skipped_and_said_without_its_content_and_a_row_without_XML_is_skipped()
    {
        await using var keys = await KeyStore.CreateAsync(provider);
        keys.Reads.StoreElement(Key("good"), "good");
        await using (var db = keys.Database.CreateDbContext())
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "broken", Xml = "<key secret-material" });
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "empty", Xml = null });
            await db.SaveChangesAsync();
        }

        var read = keys.Reads.GetAllElements();

        Assert.Equal("good", Assert.Single(read).Attribute("id")!.Value);
        var warning = Assert.Single(keys.Logs.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Null(warning.Exception);
        Assert.Contains("is not valid XML", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-material", warning.Message, StringComparison.Ordinal);
    }

    private static XElement Key(string id, string text = "") => new("key", new XAttribute("id", id), new XAttribute("version", 1), text);

    /// <summary>A migrated database, EF Core's key repository over it, and the web's reads wrapping it, as the web sets them up.</summary>
    private sealed class KeyStore : IAsyncDisposable
    {
        private readonly ServiceProvider _services;

        private KeyStore(TestDatabase database, ServiceProvider services, CapturedLogs logs)
        {
            Database = database;
            _services = services;
            Logs = logs;
            EfCore = new EntityFrameworkCoreXmlRepository<TaskChatDbContext>(services, services.GetRequiredService<ILoggerFactory>());
            Reads = new KeyRingReads(EfCore, services, services.GetRequiredService<ILogger<KeyRingReads>>());
        }

        public TestDatabase Database { get; }

        public CapturedLogs Logs { get; }

        public EntityFrameworkCoreXmlRepository<TaskChatDbContext> EfCore { get; }

        public KeyRingReads Reads { get; }

        public static async Task<KeyStore> CreateAsync(DatabaseProvider provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var logs = new CapturedLogs();
            var services = new ServiceCollection()
                .AddLogging(logging => logging.AddProvider(logs))
                .AddTaskChatData(database.Connection)
                .BuildServiceProvider();
            return new KeyStore(database, services, logs);
        }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}

public sealed class SqliteKeyRingReadsTests() : KeyRingReadsTests(DatabaseProvider.Sqlite);

public sealed class PostgresKeyRingReadsTests() : KeyRingReadsTests(DatabaseProvider.Postgres);
