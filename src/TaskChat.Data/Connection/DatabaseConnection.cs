namespace TaskChat.Data.Connection;

/// <summary>
/// Where the database is, as a provider and a connection string. <see cref="ToString"/> and
/// <see cref="Summary"/> never contain a credential: they are what logs and errors may show.
/// </summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString, string Summary)
{
    public override string ToString() => Summary;
}
