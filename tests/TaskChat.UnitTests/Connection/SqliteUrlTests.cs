using Microsoft.Data.Sqlite;
using TaskChat.Data.Connection;

namespace TaskChat.UnitTests.Connection;

public class SqliteUrlTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void UnsetValueMeansTheDefaultSqliteFile(string? value)
    {
        var connection = DatabaseUrl.Parse(value, DatabaseUrls.DefaultSqlitePath);

        Assert.Equal(DatabaseUrls.DefaultSqlitePath, DatabaseUrls.SqlitePath(value));
        Assert.Equal("sqlite " + DatabaseUrls.DefaultSqlitePath, connection.Summary);
    }

    [Theory]
    [InlineData("sqlite:/var/lib/taskchat/tasks.db", "/var/lib/taskchat/tasks.db")]
    [InlineData("sqlite:////var/lib/taskchat/tasks.db", "/var/lib/taskchat/tasks.db")]
    [InlineData("sqlite+aiosqlite:////var/lib/taskchat/tasks.db", "/var/lib/taskchat/tasks.db")]
    [InlineData("file:///var/lib/taskchat/tasks.db", "/var/lib/taskchat/tasks.db")]
    [InlineData("file:///var/lib/taskchat/my%20tasks.db", "/var/lib/taskchat/my tasks.db")]
    [InlineData("file:/var/lib/taskchat/tasks.db", "/var/lib/taskchat/tasks.db")]
    [InlineData("/var/lib/taskchat/tasks.db", "/var/lib/taskchat/tasks.db")]
    [InlineData("/var/lib/taskchat/tasks.sqlite", "/var/lib/taskchat/tasks.sqlite")]
    [InlineData("/var/lib/taskchat/tasks.SQLITE3", "/var/lib/taskchat/tasks.SQLITE3")]
    public void AbsoluteFormsNameThatFile(string url, string path) =>
        Assert.Equal(Path.GetFullPath(path), DatabaseUrls.SqlitePath(url));

    // SQLAlchemy's convention: three slashes then a relative path, four for an absolute one.
    [Theory]
    [InlineData("sqlite:data/tasks.db")]
    [InlineData("sqlite://data/tasks.db")]
    [InlineData("sqlite:///data/tasks.db")]
    [InlineData("file:data/tasks.db")]
    [InlineData("data/tasks.db")]
    public void RelativePathsResolveAgainstTheWorkingDirectory(string url) =>
        Assert.Equal(Path.GetFullPath("data/tasks.db"), DatabaseUrls.SqlitePath(url));

    [Fact]
    public void SqliteConnectionCreatesTheFileAndWaitsForAnotherWriter()
    {
        var connection = DatabaseUrl.Parse("sqlite:/var/lib/taskchat/tasks.db", DatabaseUrls.DefaultSqlitePath);
        var builder = new SqliteConnectionStringBuilder(connection.ConnectionString);

        Assert.Equal(SqliteOpenMode.ReadWriteCreate, builder.Mode);
        Assert.Equal(30, builder.DefaultTimeout);
        Assert.Equal("sqlite " + Path.GetFullPath("/var/lib/taskchat/tasks.db"), connection.Summary);
    }

    [Fact]
    public void DefaultSqliteFileLivesUnderTheRepositoryRoot()
    {
        var root = Directory.CreateTempSubdirectory("taskchat-root-");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, "TaskChat.slnx"), "<Solution />");
            var nested = Directory.CreateDirectory(Path.Combine(root.FullName, "src", "TaskChat.Api"));

            Assert.Equal(root.FullName, DatabaseUrl.FindRepositoryRoot(nested.FullName));
            Assert.Equal(Path.Combine(root.FullName, ".data", "taskchat.db"), DatabaseUrl.DefaultSqlitePath(nested.FullName));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
