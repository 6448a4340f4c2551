using Npgsql;
using TaskChat.Data;

namespace TaskChat.UnitTests.Connection;

/// <summary>Pooled PostgreSQL connections go back without DISCARD ALL, unless the connection string says otherwise.</summary>
public sealed class ConnectionResetTests
{
    [Fact]
    public void APostgresConnectionSkipsTheResetByDefault()
    {
        var connectionString = DatabaseUrls.Npgsql("postgresql://app:pw@db.example.com/taskchat").ConnectionString;

        var used = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithoutResetOnClose(connectionString));

        Assert.True(used.NoResetOnClose);
        Assert.Equal("db.example.com", used.Host);
        Assert.Equal("taskchat", used.Database);
        Assert.Equal("pw", used.Password);
    }

    [Theory]
    [InlineData("Host=db;Database=taskchat;No Reset On Close=false", false)]
    [InlineData("Host=db;Database=taskchat;NoResetOnClose=False", false)]
    [InlineData("Host=db;Database=taskchat;No Reset On Close=true", true)]
    public void AConnectionStringThatSaysSoKeepsItsOwnSetting(string connectionString, bool expected)
    {
        var used = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithoutResetOnClose(connectionString));

        Assert.Equal(expected, used.NoResetOnClose);
    }

    [Fact]
    public void AnEmptyOrOddConnectionStringIsNotMadeValidByIt()
    {
        Assert.True(new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithoutResetOnClose("")).NoResetOnClose);
        Assert.ThrowsAny<ArgumentException>(() => DataServiceCollectionExtensions.WithoutResetOnClose("Host=db;Unknown Key=1"));
    }
}
