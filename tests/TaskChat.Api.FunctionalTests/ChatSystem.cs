using Microsoft.Extensions.DependencyInjection;
using TaskChat.Api.Chat;
using TaskChat.Data.Connection;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// The chat path for real: a stand-in issuer, a database, an mcp and an api on loopback ports, wired
/// as the launcher wires them (the api reaches the mcp over HTTP with the caller's token), with the
/// offline agent.
/// </summary>
public abstract class ChatSystem(DatabaseProvider provider) : SystemFixture(provider)
{
    /// <summary>Whatever the machine's OPENAI_API_KEY, the tests' agent is the deterministic one.</summary>
    private static readonly Dictionary<string, string> OfflineAgent = new() { ["LLM_PROVIDER"] = "offline" };

    public RunningService Api => Running.Api;

    public RunningService Mcp => Running.Mcp;

    /// <summary>Another mcp over the same database and issuer, on <paramref name="port"/> (where an api expects it).</summary>
    public async Task<RunningService> StartMcpAsync(int port) =>
        (await StartAsync(system => system.WithMcp().OnPort(TaskChatService.Mcp, port))).Mcp;

    /// <summary>Another api over the same database and issuer (a second replica, or one with other settings).</summary>
    /// <param name="mcpServerUrl">Where it finds the mcp (a running one, a stand-in, or a port where nothing listens).</param>
    /// <param name="extra">Its own variables beyond the wiring.</param>
    /// <param name="testServices">Replaces some of its services after its own (shorter chat turn leases).</param>
    public async Task<RunningService> StartApiAsync(string mcpServerUrl, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? testServices = null)
    {
        var variables = new Dictionary<string, string>(OfflineAgent);
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            variables[name] = value ?? "";
        }
        var system = await StartAsync(system => system.WithApi(variables, testServices).OnPort(TaskChatService.Mcp, new Uri(mcpServerUrl).Port));
        return system.Api;
    }

    public HttpClient ClientFor(string userId, RunningService? api = null, IDictionary<string, object>? claims = null) => Running.ClientFor(userId, api, claims);

    protected override SystemBuilder Describe(SystemBuilder system) => system.WithMcp().WithApi(OfflineAgent);
}

public sealed class SqliteChatSystem() : ChatSystem(DatabaseProvider.Sqlite);

/// <summary>
/// A chat system whose agent reads "now" from <see cref="Clock"/> (the api's ChatClock replaced; token lifetimes
/// still use the real clock), so the corpus's dates are the same on every run.
/// </summary>
public abstract class ClockedChatSystem(DatabaseProvider provider) : ChatSystem(provider)
{
    public SettableClock Clock { get; } = new();

    protected override SystemBuilder Describe(SystemBuilder system) =>
        system.WithMcp().WithApi(new Dictionary<string, string> { ["LLM_PROVIDER"] = "offline" }, services => services.AddSingleton(new ChatClock(Clock)));
}

public sealed class SqliteClockedChatSystem() : ClockedChatSystem(DatabaseProvider.Sqlite);

public sealed class PostgresClockedChatSystem() : ClockedChatSystem(DatabaseProvider.Postgres);

public sealed class PostgresChatSystem() : ChatSystem(DatabaseProvider.Postgres);

/// <summary>A clock a test sets to any time, earlier ones too (each corpus line has its own "now"); it never moves by itself.</summary>
public sealed class SettableClock : TimeProvider
{
    private long _utcTicks = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
