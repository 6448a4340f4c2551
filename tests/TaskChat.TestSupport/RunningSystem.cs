using System.Net.Http.Headers;
using ModelContextProtocol.Client;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport.Processes;

namespace TaskChat.TestSupport;

/// <summary>
/// The services a <see cref="SystemBuilder"/> started, wired to each other by <see cref="Wiring"/>:
/// their addresses, and clients acting as a user. Disposing it stops them, last started first.
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    private readonly List<RunningService> _services;
    private readonly TestJwks? _issuer;
    private readonly TestProcess? _launcher;
    private readonly List<McpClient> _clients = [];
    private int _disposed;

    internal RunningSystem(SystemWiring wiring, List<RunningService> services, TestJwks? issuer, TestProcess? launcher, Mailbox mailbox)
    {
        Wiring = wiring;
        Mailbox = mailbox;
        _services = services;
        _issuer = issuer;
        _launcher = launcher;
    }

    /// <summary>How the services were told to find each other: the same description the launcher uses.</summary>
    public SystemWiring Wiring { get; }

    /// <summary>The mail the web sent (password-reset links, notices), where a test reads it.</summary>
    public Mailbox Mailbox { get; }

    public RunningService Mcp => this[TaskChatService.Mcp];

    public RunningService Api => this[TaskChatService.Api];

    public RunningService Web => this[TaskChatService.Web];

    public RunningService this[TaskChatService service] =>
        _services.FirstOrDefault(s => s.Service == service) ?? throw new InvalidOperationException($"This system runs no {service}.");

    /// <summary>AUTH_ISSUER: the web's URL, or the stand-in issuer's.</summary>
    public string Issuer => Wiring.IssuerUrl;

    /// <summary>The launcher running the services, when <see cref="SystemBuilder.UnderLauncher"/> started them.</summary>
    public TestProcess Launcher => _launcher ?? throw new InvalidOperationException("These services do not run under the launcher.");

    /// <summary>Where browsers and peers reach a service: its URL in the wiring (localhost, as AUTH_ISSUER and CORS_ORIGINS name it).</summary>
    public string UrlOf(TaskChatService service) => Wiring.UrlOf(service);

    /// <summary>An HttpClient on the api (or <paramref name="api"/>, another one) acting as <paramref name="userId"/>.</summary>
    /// <param name="userId">The token's subject.</param>
    /// <param name="api">Another api than the system's own.</param>
    /// <param name="claims">More claims in the token (zoneinfo, locale).</param>
    public HttpClient ClientFor(string userId, RunningService? api = null, IDictionary<string, object>? claims = null)
    {
        var http = (api ?? Api).CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userId, claims));
        return http;
    }

    /// <summary>A connected MCP client on the mcp acting as <paramref name="userId"/>; disposed with the system.</summary>
    public async Task<McpClient> McpClientForAsync(string userId)
    {
        var client = await TestMcpClients.ConnectAsync(Mcp.BaseAddress, TokenFor(userId));
        lock (_clients)
        {
            _clients.Add(client);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
        foreach (var service in Enumerable.Reverse(_services))
        {
            await service.DisposeAsync();
        }
        if (_launcher is not null)
        {
            await _launcher.StopAsync(TimeSpan.FromSeconds(30));
            _launcher.Dispose();
        }
        Mailbox.Delete();
    }

    private string TokenFor(string userId, IDictionary<string, object>? claims = null) =>
        (_issuer ?? throw new InvalidOperationException("Tokens come from a stand-in issuer: build the system with SignedBy(jwks).")).CreateToken(userId, claims: claims);
}
