namespace TaskChat.Data.Connection;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
