using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TaskChat.Data.Connection;

/// <summary>
/// Turns DATABASE_URL into a <see cref="DatabaseConnection"/>. Accepted forms:
/// <c>postgres://</c> and <c>postgresql://</c> URIs (as Neon, Render and Heroku print them, also with a
/// SQLAlchemy driver suffix such as <c>postgresql+asyncpg://</c>), an Npgsql key=value string,
/// <c>sqlite:PATH</c> (also <c>sqlite:///PATH</c>) and a bare path ending in .db, .sqlite or .sqlite3.
/// Errors name the variable and the part that is wrong, never the value: it may hold a password.
/// </summary>
public static class DatabaseUrl
{
    public const string VariableName = "DATABASE_URL";

    private static readonly string[] SqliteExtensions = [".db", ".sqlite", ".sqlite3"];

    // libpq's URI query parameters that Npgsql spells differently; anything else is passed through
    // with '_' read as ' ' (application_name -> Application Name).
    private static readonly Dictionary<string, string> PostgresParameterNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["connect_timeout"] = "Timeout",
        ["channel_binding"] = "Channel Binding",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
        ["gssencmode"] = "GSS Encryption Mode",
    };

    /// <param name="value">The variable's value; null or blank means the embedded default.</param>
    /// <param name="defaultSqlitePath">The SQLite file used when <paramref name="value"/> is blank.</param>
    public static DatabaseConnection Parse(string? value, string defaultSqlitePath)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Sqlite(defaultSqlitePath);
        }

        if (TryGetScheme(text, out var scheme, out var rest))
        {
            return scheme switch
            {
                "postgres" or "postgresql" => ParsePostgresUri(text),
                "sqlite" => ParseSqlitePath(rest),
                "file" => ParseFileUri(text, rest),
                _ => throw new InvalidDatabaseUrlException(
                    $"{VariableName} uses the unsupported scheme '{scheme}': use postgres://, postgresql://, sqlite: or a .db path."),
            };
        }

        if (text.Contains('=', StringComparison.Ordinal))
        {
            return ParsePostgresKeyValue(text);
        }

        if (SqliteExtensions.Any(ext => text.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
        {
            return Sqlite(text);
        }

        throw new InvalidDatabaseUrlException(
            $"{VariableName} is not a database URL: expected postgres://user:password@host:port/database, " +
            "a key=value connection string (Host=...;Database=...), sqlite:PATH or a path ending in .db.");
    }

    /// <summary>The SQLite file a checkout uses by default: .data/taskchat.db under the repository root.</summary>
    public static string DefaultSqlitePath(string? startDirectory = null)
    {
        var root = FindRepositoryRoot(startDirectory ?? Directory.GetCurrentDirectory())
            ?? FindRepositoryRoot(AppContext.BaseDirectory)
            ?? Directory.GetCurrentDirectory();
        return Path.Combine(root, ".data", "taskchat.db");
    }

    /// <summary>The nearest folder above <paramref name="start"/> that holds TaskChat.slnx, if any.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TaskChat.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    private static bool TryGetScheme(string text, out string scheme, out string rest)
    {
        scheme = rest = "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        // "C:\data\x.db" is a Windows path, not a scheme; schemes are at least two letters.
        if (colon < 2 || !char.IsAsciiLetter(text[0]) || text[..colon].Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')))
        {
            return false;
        }
        scheme = text[..colon].ToLowerInvariant();
        // SQLAlchemy-style driver suffixes (postgresql+asyncpg, sqlite+aiosqlite) name the same database.
        var plus = scheme.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            scheme = scheme[..plus];
        }
        rest = text[(colon + 1)..];
        return true;
    }

    private static DatabaseConnection ParseSqlitePath(string rest)
    {
        // sqlite:///relative.db and sqlite:////absolute.db (SQLAlchemy), sqlite://relative.db, sqlite:relative.db
        var path = rest.StartsWith("///", StringComparison.Ordinal) ? rest[3..]
            : rest.StartsWith("//", StringComparison.Ordinal) ? rest[2..]
            : rest;
        if (path.Length == 0)
        {
            throw new InvalidDatabaseUrlException($"{VariableName} names no SQLite file: use sqlite:PATH, for example sqlite:.data/taskchat.db.");
        }
        return Sqlite(path);
    }

    private static DatabaseConnection ParseFileUri(string text, string rest)
    {
        // file:x.db and file:/abs/x.db are SQLite's own URI filenames, which System.Uri refuses.
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            return ParseSqlitePath(rest);
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsUnc)
        {
            throw new InvalidDatabaseUrlException($"{VariableName} is not a valid file URI: use file:///absolute/path.db or sqlite:PATH.");
        }
        return Sqlite(uri.LocalPath);
    }

    private static DatabaseConnection Sqlite(string path)
    {
        if (path.Contains('\0', StringComparison.Ordinal) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            throw new InvalidDatabaseUrlException($"{VariableName} names a SQLite path with invalid characters.");
        }
        var fullPath = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Three processes share the file: a writer waits up to this long for another's lock.
            DefaultTimeout = 30,
        };
        return new DatabaseConnection(DatabaseProvider.Sqlite, builder.ConnectionString, $"sqlite {fullPath}");
    }

    private static DatabaseConnection ParsePostgresUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new InvalidDatabaseUrlException(
                $"{VariableName} is not a valid PostgreSQL URI: expected postgresql://user:password@host:port/database " +
                "(percent-encode special characters in the password).");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
        };

        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = separator < 0 ? uri.UserInfo : uri.UserInfo[..separator];
            builder.Username = Uri.UnescapeDataString(user);
            if (separator >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        var named = new List<string>();
        foreach (var (key, value) in ParseQuery(uri.Query))
        {
            var name = PostgresParameterNames.GetValueOrDefault(key) ?? key.Replace('_', ' ');
            named.Add(name);
            // libpq spells the strict modes verify-ca and verify-full; Npgsql's SslMode says VerifyCA, VerifyFull.
            var setting = name == "SSL Mode" ? value.Replace("-", "", StringComparison.Ordinal) : value;
            try
            {
                builder[name] = setting;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw new InvalidDatabaseUrlException($"{VariableName} has an unsupported or invalid query parameter '{key}'.");
            }
        }

        return Postgres(builder, named);
    }

    private static DatabaseConnection ParsePostgresKeyValue(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new InvalidDatabaseUrlException(
                $"{VariableName} is not a valid key=value connection string (for example Host=db;Database=taskchat;Username=app;Password=...).");
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new InvalidDatabaseUrlException($"{VariableName} is a key=value connection string without Host.");
        }
        return Postgres(builder, new DbConnectionStringBuilder { ConnectionString = text }.Keys.Cast<string>());
    }

    /// <param name="builder">The parsed settings.</param>
    /// <param name="named">The settings the value names itself (Npgsql's names, any spacing): its choices are kept.</param>
    /// <remarks>
    /// GSS encryption is off unless the value asks for it (<c>gssencmode=prefer</c>, <c>GSS Encryption Mode=Prefer</c>).
    /// Npgsql's default, Prefer, makes the first connection of every process load the Kerberos library, and the
    /// aspnet images the Dockerfile builds on have none since .NET 8: each service then printed "Cannot load library
    /// libgssapi_krb5.so.2" on its standard error at its first connection (reproduced here with the library hidden).
    /// The hosted databases this runs on (Neon, Render, RDS) use TLS, not Kerberos.
    /// </remarks>
    private static DatabaseConnection Postgres(NpgsqlConnectionStringBuilder builder, IEnumerable<string> named)
    {
        if (!named.Any(name => name.Replace(" ", "", StringComparison.Ordinal).Equals("GssEncryptionMode", StringComparison.OrdinalIgnoreCase)))
        {
            builder.GssEncryptionMode = GssEncryptionMode.Disable;
        }
        return new(DatabaseProvider.Postgres, builder.ConnectionString, PostgresSummary(builder));
    }

    internal static string PostgresSummary(NpgsqlConnectionStringBuilder builder) =>
        $"postgresql {builder.Host}:{builder.Port}/{builder.Database ?? "(default)"} ssl={builder.SslMode.ToString().ToLowerInvariant()} pool={builder.MaxPoolSize}";

    private static IEnumerable<(string Key, string Value)> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            yield return (key, value);
        }
    }
}
