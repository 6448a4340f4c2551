using Npgsql;
using TaskChat.Data.Connection;

namespace TaskChat.UnitTests.Connection;

public class PostgresUrlTests
{
    [Theory]
    [InlineData("postgres://app:secret@db.example.com:6543/tasks")]
    [InlineData("postgresql://app:secret@db.example.com:6543/tasks")]
    [InlineData("POSTGRES://app:secret@db.example.com:6543/tasks")]
    [InlineData("postgresql+asyncpg://app:secret@db.example.com:6543/tasks")]
    [InlineData("postgresql+psycopg2://app:secret@db.example.com:6543/tasks")]
    [InlineData("  postgres://app:secret@db.example.com:6543/tasks\n")]
    [InlineData("Host=db.example.com;Port=6543;Database=tasks;Username=app;Password=secret")]
    [InlineData("Server=db.example.com;Port=6543;Database=tasks;User Id=app;Password=secret")]
    [InlineData("host=db.example.com; port=6543; database=tasks; username=app; password=secret;")]
    public void UriOrNpgsqlStringGivesUserPasswordHostPortAndDatabase(string value)
    {
        var connection = DatabaseUrl.Parse(value, DatabaseUrls.DefaultSqlitePath);
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);

        Assert.Equal(DatabaseProvider.Postgres, connection.Provider);
        Assert.Equal(("db.example.com", 6543, "app", "secret", "tasks"),
            (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
    }

    [Theory]
    [InlineData("p%40ss", "p@ss")]
    [InlineData("a%3Ab", "a:b")]
    [InlineData("a%2Fb", "a/b")]
    [InlineData("100%25", "100%")]
    [InlineData("h%23sh%3Fq%26", "h#sh?q&")]
    [InlineData("sp%20ace", "sp ace")]
    [InlineData("p%40ss%3Aw%2Fd%25", "p@ss:w/d%")]
    public void PercentEncodedPasswordIsDecoded(string encoded, string password)
    {
        var builder = DatabaseUrls.Npgsql($"postgres://app:{encoded}@db.example.com/tasks");

        Assert.Equal(password, builder.Password);
        Assert.Equal("db.example.com", builder.Host);
    }

    [Fact]
    public void PercentEncodedUserAndDatabaseAreDecoded()
    {
        var builder = DatabaseUrls.Npgsql("postgres://app%40tenant:pw@db.example.com/task%20list");

        Assert.Equal("app@tenant", builder.Username);
        Assert.Equal("task list", builder.Database);
    }

    [Theory]
    [InlineData("postgres://app:pw@db.example.com/tasks")]
    [InlineData("postgres://app:pw@db.example.com")]
    [InlineData("postgres://db.example.com/tasks")]
    public void PortDefaultsTo5432(string url) =>
        Assert.Equal(5432, DatabaseUrls.Npgsql(url).Port);

    [Theory]
    [InlineData("postgresql://app:pw@[::1]:5433/tasks", "::1", 5433)]
    [InlineData("postgresql://app:pw@[2001:db8::7]/tasks", "2001:db8::7", 5432)]
    public void Ipv6HostLosesItsBrackets(string url, string host, int port)
    {
        var builder = DatabaseUrls.Npgsql(url);

        Assert.Equal((host, port), (builder.Host, builder.Port));
    }

    [Fact]
    public void UriWithoutUserOrDatabaseLeavesThemToTheServer()
    {
        var connection = DatabaseUrl.Parse("postgres://db.example.com", DatabaseUrls.DefaultSqlitePath);
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);

        Assert.Null(builder.Username);
        Assert.Null(builder.Password);
        Assert.Null(builder.Database);
        Assert.Contains("(default)", connection.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("require", SslMode.Require)]
    [InlineData("REQUIRE", SslMode.Require)]
    [InlineData("disable", SslMode.Disable)]
    [InlineData("allow", SslMode.Allow)]
    [InlineData("prefer", SslMode.Prefer)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    public void SslmodeSetsTheSslMode(string sslmode, SslMode expected)
    {
        var connection = DatabaseUrl.Parse($"postgres://app:pw@db.example.com/tasks?sslmode={sslmode}", DatabaseUrls.DefaultSqlitePath);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(connection.ConnectionString).SslMode);
        Assert.Contains($"ssl={expected.ToString().ToLowerInvariant()}", connection.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://app:pw@db.example.com/tasks")]
    [InlineData("postgres://app:pw@db.example.com/tasks?sslmode=require")]
    [InlineData("Host=db.example.com;Database=tasks;Username=app;Password=pw")]
    public void GssEncryptionIsOffUnlessAskedFor(string value) =>
        // Npgsql's default (Prefer) loads the Kerberos library at a process's first connection, which the aspnet images lack.
        Assert.Equal(GssEncryptionMode.Disable, DatabaseUrls.Npgsql(value).GssEncryptionMode);

    [Theory]
    [InlineData("postgres://app:pw@db.example.com/tasks?gssencmode=prefer", GssEncryptionMode.Prefer)]
    [InlineData("postgres://app:pw@db.example.com/tasks?gssencmode=require", GssEncryptionMode.Require)]
    [InlineData("postgres://app:pw@db.example.com/tasks?gss_encryption_mode=prefer", GssEncryptionMode.Prefer)]
    [InlineData("postgres://app:pw@db.example.com/tasks?gssencmode=disable", GssEncryptionMode.Disable)]
    [InlineData("Host=db.example.com;Username=app;GSS Encryption Mode=Prefer", GssEncryptionMode.Prefer)]
    [InlineData("Host=db.example.com;Username=app;gssencryptionmode=require", GssEncryptionMode.Require)]
    public void GssEncryptionTheValueAsksForIsKept(string value, GssEncryptionMode expected) =>
        Assert.Equal(expected, DatabaseUrls.Npgsql(value).GssEncryptionMode);

    [Fact]
    public void AnUnknownGssEncryptionModeIsRefusedByName() =>
        Assert.Contains("'gssencmode'", Assert.Throws<InvalidDatabaseUrlException>(
            () => DatabaseUrl.Parse("postgres://app:pw@db.example.com/tasks?gssencmode=sometimes", DatabaseUrls.DefaultSqlitePath)).Message, StringComparison.Ordinal);

    [Fact]
    public void OtherQueryParametersArePassedOnToNpgsql()
    {
        var builder = DatabaseUrls.Npgsql(
            "postgres://app:pw@db.example.com/tasks?sslmode=require&channel_binding=require&application_name=taskchat%20api" +
            "&connect_timeout=10&target_session_attrs=read-write&options=-c%20search_path%3Dtasks");

        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(ChannelBinding.Require, builder.ChannelBinding);
        Assert.Equal("taskchat api", builder.ApplicationName);
        Assert.Equal(10, builder.Timeout);
        Assert.Equal("read-write", builder.TargetSessionAttributes);
        Assert.Equal("-c search_path=tasks", builder.Options);
    }

    [Theory]
    [InlineData("postgres://app:Hunter2Secret@db.example.com:6543/tasks?sslmode=require")]
    [InlineData("Host=db.example.com;Port=6543;Database=tasks;Username=app;Password=Hunter2Secret;SSL Mode=Require")]
    public void SummaryNamesWhereTheDatabaseIsButNeverThePassword(string value)
    {
        var connection = DatabaseUrl.Parse(value, DatabaseUrls.DefaultSqlitePath);

        Assert.Equal("postgresql db.example.com:6543/tasks ssl=require pool=100", connection.Summary);
        Assert.Equal(connection.Summary, connection.ToString());
        Assert.DoesNotContain("Hunter2", connection.ToString(), StringComparison.Ordinal);
    }
}
