using Npgsql;
using TaskChat.Data;

namespace TaskChat.UnitTests.Connection;

/// <summary>
/// Pooled PostgreSQL connections go back without DISCARD ALL, unless the connection string says otherwise
/// (the default, through the real DbContext, is in <see cref="PoolSizeTests"/>).
/// </summary>
public sealed class ConnectionResetTests
{
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
