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

    /// <summary>
    /// The services start on the generated model in src/TaskChat.Data/CompiledModels (EF Core builds no
    /// model at start-up, issue 13); it must stay the model the entity configurations describe.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void TheCompiledModelIsTheModelTheCodeDescribes(DatabaseProvider provider)
    {
        using var db = CreateDbContext(provider);
        var compiled = db.Model;
        var described = db.GetService<IDesignTimeModel>().Model;

        Assert.IsAssignableFrom<RuntimeModel>(compiled);
        var stale = $"src/TaskChat.Data/CompiledModels/{provider} is out of date: regenerate it (docs/development.md).";
        Assert.True(Shape(described) == Shape(compiled), stale);
        Assert.True(Tables(described) == Tables(compiled), stale);
        Assert.True(Conversions(described) == Conversions(compiled), stale);
    }

    /// <summary>Entities, properties and their CLR types, keys, indexes, relationships; annotations left out (the two kinds of model store different ones).</summary>
    private static string Shape(IModel model) =>
        model.ToDebugString(MetadataDebugStringOptions.LongDefault & ~MetadataDebugStringOptions.IncludeAnnotations);

    /// <summary>Each property's value converter and the type it stores (SQLite's UTC conversion of every DateTime).</summary>
    private static string Conversions(IModel model) => string.Join('\n',
        from entity in model.GetEntityTypes()
        from property in entity.GetProperties()
        let converter = property.GetValueConverter()
        orderby entity.Name, property.Name
        select $"{entity.Name}.{property.Name}:{converter?.GetType().FullName}:{property.GetProviderClrType() ?? converter?.ProviderClrType}");

    /// <summary>What the database sees: tables, columns with store types, nullability and defaults, indexes with filters.</summary>
    private static string Tables(IModel model) => string.Join('\n',
        from table in model.GetRelationalModel().Tables
        orderby table.Name
        select string.Join(' ',
            from column in table.Columns
            orderby column.Name
            select $"{table.Name}.{column.Name}:{column.StoreType}:{column.IsNullable}:{column.DefaultValueSql}:{column.ComputedColumnSql}")
            + " | " + string.Join(' ',
            from index in table.Indexes
            orderby index.Name
            select $"{index.Name}({string.Join(',', index.Columns.Select(c => c.Name))}):{index.IsUnique}:{index.Filter}"));

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
