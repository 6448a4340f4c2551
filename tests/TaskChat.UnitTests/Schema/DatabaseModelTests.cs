using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.Data.Model;

namespace TaskChat.UnitTests.Schema;

/// <summary>Both providers' models, built as the services build them, without opening a database.</summary>
public class DatabaseModelTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheModelMatchesTheProvidersMigrations(DatabaseProvider provider)
    {
        using var db = CreateDbContext(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration holds: add the migration for both providers (docs/development.md).");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryTableAndColumnIsNamedInSnakeCase(DatabaseProvider provider)
    {
        using var db = CreateDbContext(provider);
        var tables = db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.ToList();

        Assert.Contains(tables, t => t.Name == "tasks");
        Assert.Contains(tables, t => t.Name == "users");
        Assert.All(tables.SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name}").Prepend(t.Name)),
            name => Assert.Matches("^[a-z][a-z0-9]*(_[a-z0-9]+)*(\\.[a-z][a-z0-9]*(_[a-z0-9]+)*)?$", name));
    }

    [Theory]
    [InlineData(typeof(TaskItem), nameof(TaskItem.UserId), FieldLimits.UserId)]
    [InlineData(typeof(TaskItem), nameof(TaskItem.Title), FieldLimits.TaskTitle)]
    [InlineData(typeof(TaskItem), nameof(TaskItem.Description), FieldLimits.TaskDescription)]
    [InlineData(typeof(Conversation), nameof(Conversation.UserId), FieldLimits.UserId)]
    [InlineData(typeof(Conversation), nameof(Conversation.Title), FieldLimits.ConversationTitle)]
    [InlineData(typeof(Message), nameof(Message.UserId), FieldLimits.UserId)]
    [InlineData(typeof(Message), nameof(Message.Role), FieldLimits.MessageRole)]
    [InlineData(typeof(SigningKey), nameof(SigningKey.Id), FieldLimits.SigningKeyId)]
    [InlineData(typeof(SigningKey), nameof(SigningKey.Algorithm), FieldLimits.SigningKeyAlgorithm)]
    [InlineData(typeof(TaskChatUser), nameof(TaskChatUser.Name), FieldLimits.UserDisplayName)]
    [InlineData(typeof(TaskChatUser), nameof(TaskChatUser.Email), FieldLimits.Email)]
    [InlineData(typeof(TaskChatUser), nameof(TaskChatUser.UserName), FieldLimits.Email)]
    public void ColumnsAreAsWideAsTheFieldLimits(Type entity, string property, int limit)
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            using var db = CreateDbContext(provider);

            Assert.Equal(limit, db.Model.FindEntityType(entity)?.FindProperty(property)?.GetMaxLength());
        }
    }

    private static TaskChatDbContext CreateDbContext(DatabaseProvider provider) =>
        DataServiceCollectionExtensions.CreateDbContext(provider == DatabaseProvider.Postgres
            ? DatabaseUrl.Parse("postgres://localhost/never_opened", DefaultSqlitePath)
            : DatabaseUrl.Parse(null, DefaultSqlitePath));

    private static readonly string DefaultSqlitePath = Path.Combine(Path.GetTempPath(), "taskchat-unit", "never-opened.db");
}
