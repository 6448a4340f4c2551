using TaskChat.Launcher.Deployed;

namespace TaskChat.DeployTests.Doctor;

/// <summary>
/// `doctor --web --api --mcp [--env]` against fakes of a deployment, one classic mistake at a time:
/// each test shows the ✗ line and the fix doctor prints, and the exit code.
/// </summary>
public sealed class DoctorTests
{
    [Fact]
    public async Task A_healthy_deployment_passes_every_check()
    {
        await using var deployment = await FakeDeployment.StartAsync();
        var (exitCode, output) = await DoctorAsync(deployment, Env(deployment));

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("✗", output, StringComparison.Ordinal);
        Assert.Contains("✓  the api accepts the web's token", output, StringComparison.Ordinal);
        Assert.Contains("✓  the mcp accepts the web's token; tools/list gives every task tool", output, StringComparison.Ordinal);
        Assert.Contains("✓  the api allows the web's origin", output, StringComparison.Ordinal);
        Assert.Contains("✓  api: database reachable and migrated", output, StringComparison.Ordinal);
        Assert.Contains("✓  mail: the web's last message went out", output, StringComparison.Ordinal);
        Assert.EndsWith("All checks passed." + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_that_did_not_go_out_is_named_with_what_to_fix()
    {
        await using var deployment = await FakeDeployment.StartAsync(new FakeFaults { WebMail = "error: authentication failed (check the user name and password in SMTP_URL)" });
        var (exitCode, output) = await DoctorAsync(deployment, Env(deployment));

        Assert.Equal(1, exitCode);
        Assert.Contains("✗  mail: the web's last message did not go out: error: authentication failed (check the user name and password in SMTP_URL)", output, StringComparison.Ordinal);
        Assert.Contains("fix: correct the web's SMTP_URL (host, port, user, password) or MAIL_FROM as the error says", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("off", "–  the web sends no mail (SMTP_URL unset or off): no password-reset link on the sign-in page")]
    [InlineData("not used yet", "✓  mail: set up; no message sent since the web started")]
    [InlineData(null, "/health says nothing about mail: a web from before the mail entry, or not reachable.")]
    public async Task Mail_off_or_not_used_yet_passes_and_says_so(string? mail, string expected)
    {
        await using var deployment = await FakeDeployment.StartAsync(new FakeFaults { WebMail = mail });
        var (exitCode, output) = await DoctorAsync(deployment, Env(deployment));

        Assert.Equal(0, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Localhost_in_production_names_the_variable_and_the_address_to_use()
    {
        await using var deployment = await FakeDeployment.StartAsync();
        var env = Env(deployment);
        env["ENVIRONMENT"] = "production";
        env["MCP_SERVER_URL"] = "http://localhost:8001";
        var (exitCode, output) = await DoctorAsync(deployment, env);

        Assert.Equal(1, exitCode);
        Assert.Contains("✗  MCP_SERVER_URL names localhost in production, which inside a container is the container itself", output, StringComparison.Ordinal);
        Assert.Contains("fix: set MCP_SERVER_URL to the address the service is reached by in this deployment", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_issuer_url_is_named_where_it_is_set_and_where_it_breaks_tokens()
    {
        await using var deployment = await FakeDeployment.StartAsync(new FakeFaults { ApiAcceptsIssuer = "https://old-taskchat.example.com" });
        var env = Env(deployment);
        env["AUTH_ISSUER"] = "https://old-taskchat.example.com";
        var (exitCode, output) = await DoctorAsync(deployment, env);

        Assert.Equal(1, exitCode);
        Assert.Contains($"✗  AUTH_ISSUER is https://old-taskchat.example.com, but the web is at {Origin(deployment.Web)} (a stale URL?)", output, StringComparison.Ordinal);
        Assert.Contains("✗  the api refuses the web's token: 401 Unauthorized", output, StringComparison.Ordinal);
        Assert.Contains($"fix: the api's AUTH_ISSUER is https://old-taskchat.example.com, the web signs {Origin(deployment.Web)}: set AUTH_ISSUER={Origin(deployment.Web)} everywhere.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cors_mismatch_says_which_origin_to_add()
    {
        await using var deployment = await FakeDeployment.StartAsync(new FakeFaults { ApiCorsOrigins = ["https://other.example.com"] });
        var env = Env(deployment);
        env["CORS_ORIGINS"] = "https://other.example.com";
        var (exitCode, output) = await DoctorAsync(deployment, env);

        Assert.Equal(1, exitCode);
        Assert.Contains($"✗  the api's CORS preflight from {Origin(deployment.Web)}: 204, Access-Control-Allow-Origin absent", output, StringComparison.Ordinal);
        Assert.Contains($"fix: add {Origin(deployment.Web)} to the api's CORS_ORIGINS (exact origin, no trailing /).", output, StringComparison.Ordinal);
        Assert.Contains($"✗  CORS_ORIGINS (https://other.example.com) does not name the web ({Origin(deployment.Web)})", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_pointing_at_itself_is_named_and_its_health_shows_the_hang()
    {
        await using var deployment = await FakeDeployment.StartAsync(new FakeFaults { ApiSeesMcp = "error: timeout" });
        var env = Env(deployment);
        env["MCP_SERVER_URL"] = Origin(deployment.Api);
        var (exitCode, output) = await DoctorAsync(deployment, env);

        Assert.Equal(1, exitCode);
        Assert.Contains($"✗  MCP_SERVER_URL {Origin(deployment.Api)} points at the api itself", output, StringComparison.Ordinal);
        Assert.Contains("fix: set MCP_SERVER_URL to the mcp service (http://mcp:8001 in Compose", output, StringComparison.Ordinal);
        Assert.Contains("✗  the api cannot reach the mcp: error: timeout", output, StringComparison.Ordinal);
        Assert.Contains("✗  api /health: 503 mcp_server: error: timeout", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jwks_the_api_cannot_reach_is_told_apart_from_a_wrong_issuer()
    {
        await using var deployment = await FakeDeployment.StartAsync(new FakeFaults { ApiRefusesAllTokens = true });
        var env = Env(deployment);
        env["AUTH_JWKS_URL"] = "https://taskchat.example.com/api/auth/jwks";
        var (exitCode, output) = await DoctorAsync(deployment, env);

        Assert.Equal(1, exitCode);
        Assert.Contains("✗  the api refuses the web's token: 401 Unauthorized", output, StringComparison.Ordinal);
        Assert.Contains("fix: issuer and audience match, so the api cannot get the web's keys from AUTH_JWKS_URL=https://taskchat.example.com/api/auth/jwks", output, StringComparison.Ordinal);
        Assert.Contains("✓  JWKS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_mcp_url_that_names_the_api_is_caught_by_the_service_name()
    {
        await using var deployment = await FakeDeployment.StartAsync();
        var (exitCode, output) = await DoctorAsync(deployment, Env(deployment), mcp: deployment.Api);

        Assert.Equal(1, exitCode);
        Assert.Contains("✗  the mcp URL", output, StringComparison.Ordinal);
        Assert.Contains("answers 200 as \"backend\", not TaskChat's mcp-server", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_is_down_is_named_with_its_address()
    {
        await using var deployment = await FakeDeployment.StartAsync();
        var output = new StringWriter();
        var exitCode = await DeployedDoctorCommand.RunAsync(["--web", deployment.Web.ToString(), "--api", "http://127.0.0.1:1/"], output);

        Assert.Equal(1, exitCode);
        Assert.Contains("✗  api http://127.0.0.1:1/health: connection refused", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_urls_are_a_usage_error()
    {
        Assert.Equal(2, await DeployedDoctorCommand.RunAsync(["--web", "https://taskchat.example.com"], TextWriter.Null));
        Assert.Equal(2, await DeployedDoctorCommand.RunAsync(["--web", "x", "--api", "y", "--bogus"], TextWriter.Null));
    }

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);

    /// <summary>The variables of a correctly wired deployment of <paramref name="deployment"/>.</summary>
    private static Dictionary<string, string> Env(FakeDeployment deployment) => new()
    {
        ["ENVIRONMENT"] = "development",
        ["AUTH_ISSUER"] = Origin(deployment.Web),
        ["AUTH_AUDIENCE"] = "taskchat",
        ["AUTH_JWKS_URL"] = Origin(deployment.Web) + "/api/auth/jwks",
        ["MCP_SERVER_URL"] = Origin(deployment.Mcp),
        ["CORS_ORIGINS"] = Origin(deployment.Web),
    };

    private static async Task<(int ExitCode, string Output)> DoctorAsync(FakeDeployment deployment, Dictionary<string, string> env, Uri? mcp = null)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(file, env.Select(v => $"{v.Key}={v.Value}"));
            var output = new StringWriter();
            var exitCode = await DeployedDoctorCommand.RunAsync(
                ["--web", deployment.Web.ToString(), "--api", deployment.Api.ToString(), "--mcp", (mcp ?? deployment.Mcp).ToString(), "--env", file], output);
            return (exitCode, output.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
