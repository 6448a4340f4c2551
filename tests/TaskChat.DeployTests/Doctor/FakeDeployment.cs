using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TaskChat.DeployTests.Doctor;

/// <summary>How the fake deployment misbehaves; the defaults make a healthy system.</summary>
internal sealed record FakeFaults
{
    /// <summary>The `iss` the api accepts (null: the web's own URL, as a correctly wired api would).</summary>
    public string? ApiAcceptsIssuer { get; init; }

    /// <summary>The api refuses every token (it cannot fetch the JWKS).</summary>
    public bool ApiRefusesAllTokens { get; init; }

    /// <summary>The api's /health "mcp_server" entry.</summary>
    public string ApiSeesMcp { get; init; } = "connected";

    /// <summary>The origins the api's CORS allows (null: the web's origin).</summary>
    public string[]? ApiCorsOrigins { get; init; }

    /// <summary>The web's /health "mail" entry (null: none, as a web from before it).</summary>
    public string? WebMail { get; init; } = "connected";
}

/// <summary>
/// Three loopback servers that speak the surface doctor reads (health reports, the auth endpoints,
/// the JWKS, /api/tasks, the CORS preflight, MCP tools/list) in the real services' shapes, with
/// <see cref="FakeFaults"/> to play the classic deployment mistakes.
/// </summary>
internal sealed class FakeDeployment : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];

    private FakeDeployment(FakeFaults faults) => Faults = faults;

    public FakeFaults Faults { get; }
    public Uri Web { get; private set; } = null!;
    public Uri Api { get; private set; } = null!;
    public Uri Mcp { get; private set; } = null!;

    public static async Task<FakeDeployment> StartAsync(FakeFaults? faults = null)
    {
        var deployment = new FakeDeployment(faults ?? new FakeFaults());
        deployment.Web = await deployment.StartAsync(deployment.MapWeb);
        deployment.Api = await deployment.StartAsync(deployment.MapApi);
        deployment.Mcp = await deployment.StartAsync(MapMcp);
        return deployment;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    private string WebOrigin => Web.GetLeftPart(UriPartial.Authority);

    private async Task<Uri> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        _apps.Add(app);
        return new Uri(app.Urls.First());
    }

    private void MapWeb(WebApplication app)
    {
        app.MapGet("/api/health", () => Results.Json(new { status = "healthy", service = "frontend", backend = "connected" }));
        app.MapGet("/health/ready", () => Results.Json(new { status = "healthy", service = "frontend", database = "connected" }));
        app.MapGet("/health", () => Faults.WebMail is { } mail
            ? Results.Json(new { status = mail.StartsWith("error", StringComparison.Ordinal) ? "unhealthy" : "healthy", service = "frontend", database = "connected", backend = "connected", mail },
                statusCode: mail.StartsWith("error", StringComparison.Ordinal) ? 503 : 200)
            : Results.Json(new { status = "healthy", service = "frontend", database = "connected", backend = "connected" }));
        app.MapGet("/api/auth/jwks", () => Results.Json(new { keys = new[] { new { kty = "EC", kid = "k1", crv = "P-256" } } }));
        app.MapPost("/api/auth/sign-up/email", (HttpContext context) => SignIn(context));
        app.MapPost("/api/auth/sign-in/email", (HttpContext context) => SignIn(context));
        app.MapGet("/api/auth/token", (HttpContext context) => context.Request.Cookies.ContainsKey("taskchat.session")
            ? Results.Json(new { token = Token(WebOrigin) })
            : Results.Unauthorized());
    }

    private IResult SignIn(HttpContext context)
    {
        if (context.Request.Headers.Origin != WebOrigin)
        {
            return Results.StatusCode(403);
        }
        context.Response.Cookies.Append("taskchat.session", "session-1", new CookieOptions { HttpOnly = true });
        return Results.Json(new { user = new { id = "u1" } });
    }

    private void MapApi(WebApplication app)
    {
        app.MapGet("/health", () => Results.Json(
            new { status = Faults.ApiSeesMcp == "connected" ? "healthy" : "unhealthy", service = "backend", database = "connected", mcp_server = Faults.ApiSeesMcp },
            statusCode: Faults.ApiSeesMcp == "connected" ? 200 : 503));
        app.MapGet("/health/ready", () => Results.Json(new { status = "healthy", service = "backend", database = "connected" }));
        app.MapGet("/api/tasks", (HttpContext context) => AcceptsToken(context)
            ? Results.Json(new { tasks = Array.Empty<object>(), count = 0 })
            : Results.Unauthorized());
        app.MapMethods("/api/tasks", ["OPTIONS"], (HttpContext context) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if ((Faults.ApiCorsOrigins ?? [WebOrigin]).Contains(origin, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }
            return Results.NoContent();
        });
    }

    private static void MapMcp(WebApplication app)
    {
        app.MapGet("/health", () => Results.Json(new { status = "healthy", service = "mcp-server", database = "connected" }));
        app.MapGet("/health/ready", () => Results.Json(new { status = "healthy", service = "mcp-server", database = "connected" }));
        app.MapPost("/mcp", (HttpContext context) =>
        {
            if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Results.Unauthorized();
            }
            var tools = TaskChat.Launcher.Deployed.DeploymentDoctor.Tools.Select(name => new { name, description = name });
            var message = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, result = new { tools } });
            return Results.Text($"event: message\ndata: {message}\n\n", "text/event-stream");
        });
    }

    private bool AcceptsToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (Faults.ApiRefusesAllTokens || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }
        var payload = header["Bearer ".Length..].Split('.')[1];
        var issuer = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')))
            .RootElement.GetProperty("iss").GetString();
        return issuer == (Faults.ApiAcceptsIssuer ?? WebOrigin);
    }

    /// <summary>A JWT-shaped token (unsigned: the fakes judge the issuer, not the signature).</summary>
    private static string Token(string issuer)
    {
        static string Part(object value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part(new { alg = "ES256", kid = "k1" })}.{Part(new { iss = issuer, aud = "taskchat", sub = "u1" })}.c2ln";
    }
}
