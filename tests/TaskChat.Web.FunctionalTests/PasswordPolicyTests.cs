using System.Net;
using System.Net.Http.Json;
using TaskChat.Contract;
using TaskChat.Web.Auth;

namespace TaskChat.Web.FunctionalTests;

/// <summary>Issue 8 §2, as a checklist: sign-up refuses common and breached passwords and the email's own name, with a clear 422.</summary>
public abstract class PasswordPolicyTests(WebServerFixture web)
{
    [SkippableTheory]
    [InlineData("password1")]
    [InlineData("Password1")]
    [InlineData("qwerty123")]
    [InlineData("passw0rd")]
    public async Task Sign_up_refuses_a_common_password_with_a_clear_422(string password)
    {
        using var browser = web.Browser();
        var email = WebServers.NewEmail();

        using var response = await browser.PostAsJsonAsync("api/auth/sign-up/email", new { email, password, name = "Ada" });
        var body = await Json.ReadAsync(response);
        using var other = web.Browser();
        using var signIn = await other.PostAsJsonAsync("api/auth/sign-in/email", new { email, password });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(ProblemCodes.Validation, body.GetProperty("code").GetString());
        Assert.Equal([PasswordRules.CommonPasswordText], body.GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(PasswordRules.CommonPasswordText, body.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode); // No account was created.
    }

    [SkippableFact]
    public async Task Sign_up_refuses_a_password_built_on_the_emails_name()
    {
        using var browser = web.Browser();
        var name = "ada" + Guid.NewGuid().ToString("N")[..8];

        using var response = await browser.PostAsJsonAsync("api/auth/sign-up/email", new { email = name + "@example.test", password = name.ToUpperInvariant() + "!2024", name = "Ada" });
        var body = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(PasswordRules.EmailPasswordText, body.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [SkippableFact]
    public async Task The_sign_up_form_says_why_a_common_password_is_refused()
    {
        using var browser = web.Browser();

        using var response = await Forms.PostAsync(browser, "sign-up", new() { ["Input.Name"] = "Ada", ["Input.Email"] = WebServers.NewEmail(), ["Input.Password"] = "password1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PasswordRules.CommonPasswordText, Forms.Error(await response.Content.ReadAsStringAsync()));
    }
}

public sealed class SqlitePasswordPolicyTests(SqliteWebServer web) : PasswordPolicyTests(web), IClassFixture<SqliteWebServer>;

public sealed class PostgresPasswordPolicyTests(PostgresWebServer web) : PasswordPolicyTests(web), IClassFixture<PostgresWebServer>;
