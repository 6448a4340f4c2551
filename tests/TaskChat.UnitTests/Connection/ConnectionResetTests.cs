using Npgsql;
using TaskChat.Data;

namespace TaskChat.UnitTests.Connection;

/// <summary>
/// Pooled PostgreSQL connections go back without DISCARD ALL and keep their most used statements prepared,
/// unless the connection string says otherwise (the defaults, through the real DbContext, are in <see cref="PoolSizeTests"/>).
/// </summary>
public sealed class ConnectionResetTests
{
    [Theory]
    [InlineData("Host=db;Database=taskchat;No Reset On Close=false", false)]
    [InlineData("Host=db;Database=taskchat;NoResetOnClose=False", false)]
    [InlineData("Host=db;Database=taskchat;No Reset On Close=true", true)]
    [InlineData("Host=db;Database=taskchat", true)]
    public void AConnectionStringThatSaysSoKeepsItsOwnReset(string connectionString, bool expected)
    {
        var used = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithPoolDefaults(connectionString));

        Assert.Equal(expected, used.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;Database=taskchat", DataServiceCollectionExtensions.AutoPreparedStatements)]
    [InlineData("Host=db;Database=taskchat;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=taskchat;MaxAutoPrepare=50", 50)]
    // Another setting that merely sounds alike, and a password that says it, leave the default in place.
    [InlineData("Host=db;Database=taskchat;Auto Prepare Min Usages=2", DataServiceCollectionExtensions.AutoPreparedStatements)]
    [InlineData("Host=db;Database=taskchat;Password='Max Auto Prepare=0'", DataServiceCollectionExtensions.AutoPreparedStatements)]
    public void StatementsArePreparedAutomaticallyUnlessTheConnectionStringSaysOtherwise(string connectionString, int expected)
    {
        var used = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithPoolDefaults(connectionString));

        Assert.Equal(expected, used.MaxAutoPrepare);
    }

    [Fact]
    public void AnEmptyOrOddConnectionStringIsNotMadeValidByIt()
    {
        Assert.True(new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithPoolDefaults("")).NoResetOnClose);
        Assert.ThrowsAny<ArgumentException>(() => DataServiceCollectionExtensions.WithPoolDefaults("Host=db;Unknown Key=1"));
    }
}
