using System.Net.Mail;
using TaskChat.Data.Connection;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Web.Mail;

/// <summary>How the web's mail leaves it: an SMTP server, a folder of .eml files, or not at all.</summary>
public enum MailDeliveryKind
{
    Off,
    Folder,
    Smtp,
}

/// <summary>
/// SMTP_URL and MAIL_FROM (docs/configuration.md, "Mail"). The web sends two kinds of mail: a link to choose a new
/// password, and a notice that the password changed. Without a way to send them, a forgotten password cannot be reset
/// from the sign-in page, which then offers no link to it.
/// </summary>
public sealed record MailSettings
{
    public const string UrlVariable = "SMTP_URL";
    public const string FromVariable = "MAIL_FROM";

    public required MailDeliveryKind Kind { get; init; }

    /// <summary>The folder written to (<see cref="MailDeliveryKind.Folder"/>).</summary>
    public string? Folder { get; init; }

    public string? Host { get; init; }

    public int Port { get; init; }

    /// <summary><c>smtps://</c>: TLS from the first byte (port 465). <c>smtp://</c> upgrades with STARTTLS when the server offers it.</summary>
    public bool ImplicitTls { get; init; }

    /// <summary>
    /// STARTTLS must succeed (production, unless the server is on this machine): a user name and password, and the
    /// reset links themselves, never cross a network in the clear. In development it is used when offered.
    /// </summary>
    public bool RequireTls { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    /// <summary>The From of every message (MAIL_FROM), e.g. <c>TaskChat &lt;no-reply@example.com&gt;</c>.</summary>
    public required MailAddress From { get; init; }

    public bool CanSend => Kind != MailDeliveryKind.Off;

    /// <summary>For the start-up line: never the credentials.</summary>
    public string Summary() => Kind switch
    {
        MailDeliveryKind.Smtp => $"mail={(ImplicitTls ? "smtps" : "smtp")}://{Host}:{Port}{(UserName is null ? "" : " mail_auth=on")} mail_from={From.Address}",
        MailDeliveryKind.Folder => $"mail=[folder {Folder}] mail_from={From.Address}",
        _ => "mail=off",
    };

    /// <summary>
    /// SMTP_URL: <c>smtp://user:password@host:587</c>, <c>smtps://…:465</c>, <c>file:///path</c> (a folder), or <c>off</c>.
    /// Unset: the checkout's <c>.data/mail</c> folder in development (the one-command run can reset a password), off in
    /// production and outside a checkout.
    /// </summary>
    public static MailSettings Read(SettingsReader reader)
    {
        var from = ReadFrom(reader);
        var text = reader.Raw(UrlVariable)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            // Outside a checkout (a development container) there is no .data to write to: set SMTP_URL there.
            return !reader.IsProduction && DefaultFolder() is { } folder
                ? new MailSettings { Kind = MailDeliveryKind.Folder, Folder = folder, From = from }
                : new MailSettings { Kind = MailDeliveryKind.Off, From = from };
        }
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return new MailSettings { Kind = MailDeliveryKind.Off, From = from };
        }
        // The value may hold a password: problems describe it, never echo it.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            return Refuse(reader, from, "must be smtp://host:port, smtps://host:port, file:///folder or off.");
        }
        if (url.Scheme == "file")
        {
            return new MailSettings { Kind = MailDeliveryKind.Folder, Folder = Path.TrimEndingDirectorySeparator(url.LocalPath), From = from };
        }
        if (url.Scheme is not ("smtp" or "smtps") || string.IsNullOrEmpty(url.Host))
        {
            return Refuse(reader, from, "must be smtp://host:port, smtps://host:port, file:///folder or off.");
        }
        if (url.AbsolutePath is not ("" or "/") || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            return Refuse(reader, from, "takes no path, query or fragment: smtp://user:password@host:port.");
        }
        string? user = null, password = null;
        if (url.UserInfo.Length > 0)
        {
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
            password = colon < 0 ? "" : Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
        }
        var implicitTls = url.Scheme == "smtps";
        return new MailSettings
        {
            Kind = MailDeliveryKind.Smtp,
            Host = url.IdnHost,
            Port = url.IsDefaultPort || url.Port <= 0 ? (implicitTls ? 465 : 587) : url.Port,
            ImplicitTls = implicitTls,
            RequireTls = reader.IsProduction && !SettingsReader.IsLoopback(url.Host),
            UserName = string.IsNullOrEmpty(user) ? null : user,
            Password = password,
            From = from,
        };
    }

    /// <summary>The checkout's .data/mail, beside the default SQLite file; null outside a checkout.</summary>
    public static string? DefaultFolder() =>
        (DatabaseUrl.FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? DatabaseUrl.FindRepositoryRoot(AppContext.BaseDirectory)) is { } root
            ? Path.Combine(root, ".data", "mail")
            : null;

    /// <summary>MAIL_FROM, by default no-reply at the web's own host (AUTH_ISSUER, which the shared reader has checked).</summary>
    private static MailAddress ReadFrom(SettingsReader reader)
    {
        var host = Uri.TryCreate(reader.Raw("AUTH_ISSUER")?.Trim(), UriKind.Absolute, out var issuer) ? issuer.IdnHost : "localhost";
        var fallback = new MailAddress($"no-reply@{host}", "TaskChat");
        var text = reader.Raw(FromVariable)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        if (!MailAddress.TryCreate(text, out var from) || text.Any(char.IsControl))
        {
            reader.Problem(FromVariable, $"must be an email address, optionally with a name: TaskChat <no-reply@example.com> (got '{text}').");
            return fallback;
        }
        return from;
    }

    private static MailSettings Refuse(SettingsReader reader, MailAddress from, string problem)
    {
        reader.Problem(UrlVariable, problem);
        return new MailSettings { Kind = MailDeliveryKind.Off, From = from };
    }
}
