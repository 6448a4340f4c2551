using TaskChat.Data.Connection;

namespace TaskChat.UnitTests.Connection;

public class InvalidDatabaseUrlTests
{
    public static TheoryData<string> InvalidValuesWithPassword =>
    [
        $"postgres://app:{DatabaseUrls.Password}@db.example.com:99999/tasks",
        $"postgres://app:{DatabaseUrls.Password}@db.example.com:port/tasks",
        $"postgres://app:{DatabaseUrls.Password}@/tasks",
        $"postgres://app:{DatabaseUrls.Password}@one@db.example.com/tasks",
        $"postgres://app:{DatabaseUrls.Password}@db.example.com/tasks?frobnicate=1",
        $"postgres://app:{DatabaseUrls.Password}@db.example.com/tasks?sslmode=sometimes",
        $"postgres://app:{DatabaseUrls.Password}@db.example.com/tasks?connect_timeout=soon",
        $"mysql://app:{DatabaseUrls.Password}@db.example.com/tasks",
        $"Host=db.example.com;Password={DatabaseUrls.Password};Frobnicate=1",
        $"Host=db.example.com;Password={DatabaseUrls.Password};Port=abc",
        $"Database=tasks;Username=app;Password={DatabaseUrls.Password}",
        $"app:{DatabaseUrls.Password} is my login",
    ];

    [Theory]
    [MemberData(nameof(InvalidValuesWithPassword))]
    public void ErrorNamesTheVariableAndNeverThePassword(string value)
    {
        var error = Assert.Throws<InvalidDatabaseUrlException>(() => DatabaseUrl.Parse(value, DatabaseUrls.DefaultSqlitePath));

        Assert.Contains("DATABASE_URL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("notes.txt")]
    [InlineData("postgres://")]
    [InlineData("postgres:///tasks")]
    [InlineData("sqlite:")]
    [InlineData("sqlite:///")]
    [InlineData("file:")]
    [InlineData("file://fileserver/share/tasks.db")]
    public void ValueThatNamesNoDatabaseIsRefused(string value)
    {
        var error = Assert.Throws<InvalidDatabaseUrlException>(() => DatabaseUrl.Parse(value, DatabaseUrls.DefaultSqlitePath));

        Assert.StartsWith("DATABASE_URL ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedSchemeIsNamed()
    {
        var error = Assert.Throws<InvalidDatabaseUrlException>(() => DatabaseUrl.Parse("mysql://db.example.com/tasks", DatabaseUrls.DefaultSqlitePath));

        Assert.Contains("'mysql'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownQueryParameterIsNamed()
    {
        var error = Assert.Throws<InvalidDatabaseUrlException>(() =>
            DatabaseUrl.Parse("postgres://app:pw@db.example.com/tasks?frobnicate=1", DatabaseUrls.DefaultSqlitePath));

        Assert.Contains("'frobnicate'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnencodedAtSignInThePasswordAsksForPercentEncoding()
    {
        var error = Assert.Throws<InvalidDatabaseUrlException>(() =>
            DatabaseUrl.Parse("postgres://app:p@ss@db.example.com/tasks", DatabaseUrls.DefaultSqlitePath));

        Assert.Contains("percent-encode", error.Message, StringComparison.Ordinal);
    }
}
