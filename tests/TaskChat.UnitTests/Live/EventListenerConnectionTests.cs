using Npgsql;
using TaskChat.Web.Live;

namespace TaskChat.UnitTests.Live;

/// <summary>
/// The listener's own connection: unpooled, kept alive by the kernel's TCP probes rather than by
/// Npgsql's keepalive queries (which throw and catch four exceptions inside Npgsql every 15 s of
/// waiting), whatever the database URL says of pooling or keepalives; the rest of it is kept.
/// </summary>
public sealed class EventListenerConnectionTests
{
    [Theory]
    [InlineData("Host=db;Port=5432;Username=taskchat;Password=secret;Database=taskchat")]
    [InlineData("Host=db;Username=taskchat;Password=secret;Database=taskchat;Pooling=true;Keepalive=30;Maximum Pool Size=40")]
    public void TheListenerIsUnpooledAndKeptAliveByTcpProbesNotByQueries(string databaseConnectionString)
    {
        var listener = new NpgsqlConnectionStringBuilder(PostgresEventListener.ListenerConnectionString(databaseConnectionString));

        Assert.False(listener.Pooling);
        Assert.Equal(0, listener.KeepAlive);
        Assert.True(listener.TcpKeepAlive);
        Assert.Equal(15, listener.TcpKeepAliveTime);
        Assert.Equal(5, listener.TcpKeepAliveInterval);
        Assert.Equal("taskchat-web-events", listener.ApplicationName);
        Assert.Equal(("db", "taskchat", "secret", "taskchat"), (listener.Host, listener.Username, listener.Password, listener.Database));
    }
}
