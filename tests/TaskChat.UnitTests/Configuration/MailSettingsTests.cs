using Microsoft.Extensions.Configuration;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.Web;
using TaskChat.Web.Mail;

namespace TaskChat.UnitTests.Configuration;

/// <summary>SMTP_URL and MAIL_FROM: how the web sends password-reset links, and that their secrets stay out of every line it prints.</summary>
public sealed class MailSettingsTests
{
    [Fact]
    public void Unset_in_development_the_mail_goes_to_the_checkouts_data_folder()
    {
        var (web, problems) = Read(new Dictionary<string, string?>());

        Assert.Empty(problems);
        Assert.Equal(MailDeliveryKind.Folder, web.Mail.Kind);
        Assert.Equal(Path.Combine(".data", "mail"), Path.Combine(Path.GetFileName(Path.GetDirectoryName(web.Mail.Folder)!), Path.GetFileName(web.Mail.Folder!)));
        Assert.Equal("no-reply@localhost", web.Mail.From.Address);
        Assert.Contains($"mail=[folder {web.Mail.Folder}]", web.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_in_production_there_is_no_mail_and_so_no_reset_by_mail()
    {
        var (web, problems) = Read(Settings.Production());

        Assert.Empty(problems);
        Assert.Equal(MailDeliveryKind.Off, web.Mail.Kind);
        Assert.False(web.Mail.CanSend);
        Assert.Contains("mail=off", web.Summary(), StringComparison.Ordinal);
        Assert.Equal("no-reply@tasks.example.com", web.Mail.From.Address); // The web's own host.
    }

    [Fact]
    public void An_smtp_url_gives_the_server_and_its_credentials_but_the_summary_never_holds_them()
    {
        var variables = Settings.Production();
        variables["SMTP_URL"] = "smtp://apikey:S3cr%40t%2Fpass@smtp.example.com:2525";
        variables["MAIL_FROM"] = "TaskChat <tasks@example.com>";

        var (web, problems) = Read(variables);

        Assert.Empty(problems);
        Assert.Equal((MailDeliveryKind.Smtp, "smtp.example.com", 2525, false, "apikey", "S3cr@t/pass"),
            (web.Mail.Kind, web.Mail.Host, web.Mail.Port, web.Mail.ImplicitTls, web.Mail.UserName, web.Mail.Password));
        Assert.True(web.Mail.RequireTls); // Production, another machine: STARTTLS or nothing.
        Assert.Equal(("tasks@example.com", "TaskChat"), (web.Mail.From.Address, web.Mail.From.DisplayName));
        var summary = web.Summary();
        Assert.Contains("mail=smtp://smtp.example.com:2525 mail_auth=on mail_from=tasks@example.com", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("apikey", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smtp://mail.example.com", 587, false)]
    [InlineData("smtps://mail.example.com", 465, true)]
    [InlineData("smtps://mail.example.com:2465/", 2465, true)]
    public void Ports_default_to_submission_and_to_implicit_tls(string url, int port, bool implicitTls)
    {
        var (web, problems) = Read(new Dictionary<string, string?> { ["SMTP_URL"] = url });

        Assert.Empty(problems);
        Assert.Equal((port, implicitTls, (string?)null), (web.Mail.Port, web.Mail.ImplicitTls, web.Mail.UserName));
        Assert.False(web.Mail.RequireTls); // Development: used when offered.
    }

    [Fact]
    public void A_relay_on_this_machine_may_go_without_tls_in_production()
    {
        var variables = Settings.Production();
        variables["SMTP_URL"] = "smtp://localhost:25";

        var (web, problems) = Read(variables);

        Assert.Empty(problems);
        Assert.False(web.Mail.RequireTls);
    }

    [Theory]
    [InlineData("file:///var/mail/taskchat", "/var/mail/taskchat")]
    [InlineData("file:///tmp/a%20b/", "/tmp/a b")]
    public void A_file_url_names_a_folder(string url, string folder)
    {
        var (web, problems) = Read(new Dictionary<string, string?> { ["SMTP_URL"] = url });

        Assert.Empty(problems);
        Assert.Equal((MailDeliveryKind.Folder, folder), (web.Mail.Kind, web.Mail.Folder));
    }

    [Theory]
    [InlineData("off")]
    [InlineData("OFF")]
    public void Off_turns_mail_off_in_development_too(string value)
    {
        var (web, problems) = Read(new Dictionary<string, string?> { ["SMTP_URL"] = value });

        Assert.Empty(problems);
        Assert.Equal(MailDeliveryKind.Off, web.Mail.Kind);
    }

    [Theory]
    [InlineData("http://user:Hunter2Secret@mail.example.com", "must be smtp://host:port")]
    [InlineData("mail.example.com:Hunter2Secret", "must be smtp://host:port")]
    [InlineData("smtp://user:Hunter2Secret@mail.example.com/inbox", "takes no path, query or fragment")]
    [InlineData("smtp://user:Hunter2Secret@mail.example.com?tls=Hunter2Secret", "takes no path, query or fragment")]
    [InlineData("not a url Hunter2Secret", "must be smtp://host:port")]
    public void A_wrong_smtp_url_is_refused_by_name_without_echoing_it(string url, string problem)
    {
        var (_, problems) = Read(new Dictionary<string, string?> { ["SMTP_URL"] = url });

        var refused = Assert.Single(problems);
        Assert.StartsWith("SMTP_URL " + problem, refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2Secret", refused, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("TaskChat <no-reply@example.com")]
    [InlineData("a@b.c\u0007")]
    public void A_wrong_from_address_is_refused_by_name(string from)
    {
        var (_, problems) = Read(new Dictionary<string, string?> { ["MAIL_FROM"] = from });

        Assert.StartsWith("MAIL_FROM must be an email address", Assert.Single(problems), StringComparison.Ordinal);
    }

    private static (WebSettings Web, IReadOnlyList<string> Problems) Read(IDictionary<string, string?> variables)
    {
        var reader = new SettingsReader(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        reader.ReadShared(ServiceInfo.Of(TaskChatService.Web));
        var web = WebSettings.Read(reader);
        var error = Record.Exception(reader.ThrowIfInvalid);
        // Production asks for more than mail (a key ring certificate, the api's real URL): only mail's problems count here.
        return (web, error is InvalidConfigurationException invalid
            ? [.. invalid.Problems.Where(p => p.StartsWith(MailSettings.UrlVariable, StringComparison.Ordinal) || p.StartsWith(MailSettings.FromVariable, StringComparison.Ordinal))]
            : []);
    }
}
