using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskChat.Contract;

namespace TaskChat.Launcher.Deployed;

/// <summary>
/// `doctor` for a deployed system, from the outside as a user sees it: the URLs and variables
/// (<see cref="UrlChecks"/>), each service's health and readiness, the database as the services see
/// it, the JWKS, a token from the web accepted by the api and the mcp, CORS from the web's origin,
/// the api's route to the mcp and its tools. Each ✗ says what to change.
/// </summary>
public sealed class DeploymentDoctor(HttpClient http, TextWriter output)
{
    public static readonly IReadOnlyList<string> Tools = ToolNames.All;

    private const string Migrate = "run the migrate step (`dotnet TaskChat.Mcp.dll migrate` in any image: Compose's migrate service, Render's preDeployCommand, the Kubernetes Job).";

    /// <returns>0 when every check passed, 1 otherwise.</returns>
    public async Task<int> RunAsync(DeployedSystem system, CancellationToken cancellationToken = default)
    {
        var report = new DoctorReport(output);
        output.WriteLine($"TaskChat doctor: the deployed system at {system.Web} ({(system.IsProduction ? "production" : "development")} rules)");
        UrlChecks.Run(system, report);

        report.Section("Health");
        await HealthAsync(report, "web", system.Web, "frontend", "/api/health", cancellationToken);
        var api = await HealthAsync(report, "api", system.Api, "backend", "/health", cancellationToken);
        if (system.Mcp is { } mcpUrl)
        {
            await HealthAsync(report, "mcp", mcpUrl, "mcp-server", "/health", cancellationToken);
        }
        if (api?["mcp_server"]?.GetValue<string>() is { } mcp)
        {
            if (mcp == "connected")
            {
                report.Pass("the api reaches the mcp at its MCP_SERVER_URL");
            }
            else
            {
                report.Fail($"the api cannot reach the mcp: {mcp}",
                    "set the api's MCP_SERVER_URL to the mcp's private address (http://mcp:8001 in Compose); \"timeout\" often means it points at the api itself or at an old address.");
            }
        }

        report.Section("Tokens");
        await JwksAsync(report, system, cancellationToken);
        var token = await TokenAsync(report, system, cancellationToken);
        if (token is not null)
        {
            await ApiAcceptsAsync(report, system, token, cancellationToken);
            await McpToolsAsync(report, system, token, cancellationToken);
        }

        report.Section("CORS");
        await CorsAsync(report, system, cancellationToken);

        report.Section("Mail");
        await MailAsync(report, system, cancellationToken);

        output.WriteLine(report.Failures == 0 ? "All checks passed." : $"{report.Failures} check(s) failed.");
        return report.Failures == 0 ? 0 : 1;
    }

    private async Task<JsonObject?> HealthAsync(DoctorReport report, string name, Uri baseUrl, string service, string healthPath, CancellationToken cancellationToken)
    {
        JsonObject? health = null;
        foreach (var path in new[] { healthPath, "/health/ready" })
        {
            var url = new Uri(baseUrl, path);
            var (status, body, error) = await GetJsonAsync(url, cancellationToken);
            if (error is not null)
            {
                report.Fail($"{name} {url}: {error}", $"check that the {name} runs and that {baseUrl} is its address (DNS, port, TLS, the proxy in front of it).");
                return null;
            }
            var reported = body?["service"]?.GetValue<string>();
            if (body is null || reported != service)
            {
                report.Fail($"{name} {url} answers {(int)status} as {(reported is null ? "something else" : $"\"{reported}\"")}, not TaskChat's {service}",
                    $"the URL names another service: give the {name}'s own address (a stale URL or a swapped port?).");
                return null;
            }
            var problems = body.Where(p => p.Key is not ("status" or "service") && p.Value?.GetValueKind() == JsonValueKind.String && p.Value.GetValue<string>() != "connected")
                .Select(p => $"{p.Key}: {p.Value}").ToList();
            if (status == HttpStatusCode.OK)
            {
                report.Pass($"{name} {path}: healthy");
            }
            else
            {
                var database = body["database"]?.GetValue<string>();
                report.Fail($"{name} {path}: {(int)status} {string.Join(", ", problems)}",
                    database is not null && database.Contains("schema not migrated", StringComparison.Ordinal) ? Migrate
                    : database is not null && database != "connected" ? $"the {name} cannot use its DATABASE_URL ({database}): check the URL, the password and that the database accepts this network."
                    : $"fix what the {name} reports above; its /health lists every dependency.");
            }
            if (path == "/health/ready" && body["database"]?.GetValue<string>() == "connected")
            {
                report.Pass($"{name}: database reachable and migrated");
            }
            health ??= body;
        }
        return health;
    }

    /// <summary>
    /// The web's <c>/health</c> entry <c>mail</c>: whether its last message went out (password resets, email confirmation and
    /// reminder emails depend on it). The web never probes its mail server for this; it says what its last send met.
    /// </summary>
    private async Task MailAsync(DoctorReport report, DeployedSystem system, CancellationToken cancellationToken)
    {
        var url = new Uri(system.Web, "/health");
        var (_, body, error) = await GetJsonAsync(url, cancellationToken);
        var mail = body?["mail"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        switch (mail)
        {
            case null:
                report.Note($"{url} says nothing about mail{(error is null ? "" : $" ({error})")}: a web from before the mail entry, or not reachable.");
                break;
            case "off":
                report.Note("the web sends no mail (SMTP_URL unset or off): no password-reset link on the sign-in page, no email confirmation, no reminder emails; set SMTP_URL to send them (docs/configuration.md, Mail).");
                break;
            case "not used yet":
                report.Pass("mail: set up; no message sent since the web started");
                break;
            case "connected":
                report.Pass("mail: the web's last message went out");
                break;
            default:
                report.Fail($"mail: the web's last message did not go out: {mail}",
                    "correct the web's SMTP_URL (host, port, user, password) or MAIL_FROM as the error says; the web's log has a line for each message it could not send, and /health says \"connected\" again after the next one goes out.");
                break;
        }
    }

    private async Task JwksAsync(DoctorReport report, DeployedSystem system, CancellationToken cancellationToken)
    {
        var url = new Uri(system.Web, "/api/auth/jwks");
        var (status, body, error) = await GetJsonAsync(url, cancellationToken);
        var keys = body?["keys"] as JsonArray;
        if (error is null && status == HttpStatusCode.OK && keys is { Count: > 0 })
        {
            report.Pass($"JWKS {url}: {keys.Count} key(s)");
        }
        else
        {
            report.Fail($"JWKS {url}: {error ?? (keys is null ? $"{(int)status}, no key set" : "no keys")}",
                "the web publishes its keys once it has a database: check the web's health and its DATABASE_URL.");
        }
    }

    private async Task<string?> TokenAsync(DoctorReport report, DeployedSystem system, CancellationToken cancellationToken)
    {
        var web = UrlChecks.Origin(system.Web);
        var signUp = system.Email is null;
        var email = system.Email ?? $"doctor-{Guid.NewGuid():N}@example.com";
        var password = system.Password ?? $"doctor-{Guid.NewGuid():N}-1";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(system.Web, signUp ? "/api/auth/sign-up/email" : "/api/auth/sign-in/email"))
        {
            Content = JsonContent.Create(signUp ? new { email, password, name = "TaskChat doctor" } : (object)new { email, password }),
        };
        request.Headers.Add("Origin", web);
        string? cookie = null;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                report.Fail($"{(signUp ? "sign-up" : "sign-in")} on the web: {(int)response.StatusCode}",
                    signUp ? "pass --email and --password of an existing account." : "check the account's email and password.");
                return null;
            }
            cookie = string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split(';')[0]) : []);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            report.Fail($"sign-in on the web: {Describe(e)}", "check the web's health above.");
            return null;
        }

        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(system.Web, "/api/auth/token"));
        tokenRequest.Headers.Add("Cookie", cookie);
        try
        {
            using var response = await http.SendAsync(tokenRequest, cancellationToken);
            var token = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["token"]?.GetValue<string>() : null;
            if (token is null)
            {
                report.Fail($"token from the web: {(int)response.StatusCode}", "the session cookie was not accepted: in production the web must be reached over https (its cookie is Secure).");
                return null;
            }
            var issuer = TokenDiagnosis.Claim(token, "iss");
            if (issuer is not null && UrlChecks.Origin(new Uri(issuer)) != web)
            {
                report.Fail($"the web signs tokens with iss {issuer}, but it is at {web}", $"set AUTH_ISSUER={web} for every service.");
            }
            else
            {
                report.Pass($"token from the web (iss {issuer}, {(signUp ? "a new account" : email)})");
            }
            return token;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            report.Fail($"token from the web: {Describe(e)}", "check the web's health above.");
            return null;
        }
    }

    private async Task ApiAcceptsAsync(DoctorReport report, DeployedSystem system, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(system.Api, "/api/tasks"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var status = await StatusAsync(request, cancellationToken);
        if (status == HttpStatusCode.OK)
        {
            report.Pass("the api accepts the web's token");
        }
        else
        {
            report.Fail($"the api refuses the web's token: {Status(status)}", TokenDiagnosis.Fix(system, token, "api"));
        }
    }

    private async Task McpToolsAsync(DoctorReport report, DeployedSystem system, string token, CancellationToken cancellationToken)
    {
        if (system.Mcp is not { } mcp)
        {
            report.Note("no --mcp URL (a private mcp): the mcp's token check and tools/list run only through the api's chat");
            return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(mcp, "/mcp"))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                report.Fail($"tools/list on the mcp: {Status(response.StatusCode)}",
                    response.StatusCode == HttpStatusCode.Unauthorized ? TokenDiagnosis.Fix(system, token, "mcp") : $"{mcp} must be the mcp (its MCP endpoint is /mcp).");
                return;
            }
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var found = Tools.Where(t => text.Contains($"\"name\":\"{t}\"", StringComparison.Ordinal)).ToList();
            if (found.Count == Tools.Count)
            {
                report.Pass("the mcp accepts the web's token; tools/list gives every task tool");
            }
            else
            {
                report.Fail($"tools/list on the mcp gives {found.Count} of the {ToolNames.All.Count} task tools", "deploy the mcp image of the same release as the api.");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            report.Fail($"tools/list on the mcp: {Describe(e)}", "check the mcp's health above.");
        }
    }

    private async Task CorsAsync(DoctorReport report, DeployedSystem system, CancellationToken cancellationToken)
    {
        var origin = UrlChecks.Origin(system.Web);
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(system.Api, "/api/tasks"));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var allowed = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.FirstOrDefault() : null;
            if (response.IsSuccessStatusCode && string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase))
            {
                report.Pass($"the api allows the web's origin {origin} (preflight {(int)response.StatusCode})");
            }
            else
            {
                report.Fail($"the api's CORS preflight from {origin}: {(int)response.StatusCode}, Access-Control-Allow-Origin {allowed ?? "absent"}",
                    $"add {origin} to the api's CORS_ORIGINS (exact origin, no trailing /).");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            report.Fail($"the api's CORS preflight: {Describe(e)}", "check the api's health above.");
        }
    }

    private async Task<(HttpStatusCode Status, JsonObject? Body, string? Error)> GetJsonAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonObject? body = null;
            try
            {
                body = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                // Not JSON: not one of our services; the caller says so.
            }
            return (response.StatusCode, body, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, null, Describe(e));
        }
    }

    private async Task<HttpStatusCode?> StatusAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static string Status(HttpStatusCode? status) => status is { } s ? $"{(int)s} {s}" : "no answer";

    private static string Describe(Exception e) => e switch
    {
        TaskCanceledException => "no answer (timeout)",
        HttpRequestException { InnerException: System.Net.Sockets.SocketException socket } => socket.SocketErrorCode switch
        {
            System.Net.Sockets.SocketError.ConnectionRefused => "connection refused",
            System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.TryAgain => "host not found",
            _ => "unreachable",
        },
        HttpRequestException { InnerException: System.Security.Authentication.AuthenticationException } => "TLS handshake failed",
        _ => "unreachable",
    };
}
