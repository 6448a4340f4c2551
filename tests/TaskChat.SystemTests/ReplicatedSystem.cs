using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Data.Connection;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;

namespace TaskChat.SystemTests;

/// <summary>
/// Two built processes of each service over one PostgreSQL database, a <see cref="ReplicaFront"/>
/// (YARP: round robin; cookie affinity for the web) in front of each pair, and every peer wired to
/// the fronts' addresses, as a deployment with two replicas of everything is. One for the classes of
/// its collection: each test signs up users of its own, and one that kills a replica starts it again.
/// </summary>
public sealed class ReplicatedSystem() : SystemFixture(DatabaseProvider.Postgres)
{
    public const string Collection = "Replicated system";

    /// <summary>Low enough for a test to reach, high enough for every other test's turns.</summary>
    public const int ChatTurnsPerMinute = 20;

    private static readonly TaskChatService[] Services = [TaskChatService.Mcp, TaskChatService.Api, TaskChatService.Web];

    private readonly Dictionary<TaskChatService, ReplicaFront> _fronts = [];
    private readonly Dictionary<TaskChatService, RunningService[]> _replicas = [];
    private readonly Dictionary<TaskChatService, int[]> _replicaPorts = [];
    private Dictionary<TaskChatService, int> _frontPorts = [];

    protected override bool UsesStandInIssuer => false;

    public ReplicaFront FrontOf(TaskChatService service) => Available(_fronts.GetValueOrDefault(service))!;

    public RunningService[] ReplicasOf(TaskChatService service) => Available(_replicas.GetValueOrDefault(service))!;

    /// <summary>A client on the service's front.</summary>
    public HttpClient FrontClient(TaskChatService service, HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler()) { BaseAddress = new Uri($"http://127.0.0.1:{FrontOf(service).Port}/") };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (PostgresTestDatabase.Server() is null)
        {
            return; // The tests skip.
        }
        _frontPorts = Services.ToDictionary(s => s, _ => LoopbackServer.UnusedPort());
        foreach (var service in Services)
        {
            int[] replicaPorts = [LoopbackServer.UnusedPort(), LoopbackServer.UnusedPort()];
            _replicaPorts[service] = replicaPorts;
            // The fronts own their ports first: the replicas are wired to them.
            _fronts[service] = await ReplicaFront.StartAsync(_frontPorts[service], replicaPorts, cookieAffinity: service == TaskChatService.Web);
            var replicas = new List<RunningService>();
            foreach (var port in replicaPorts)
            {
                replicas.Add(await StartReplicaAsync(service, port));
            }
            _replicas[service] = [.. replicas];
        }
    }

    /// <summary>Starts replica <paramref name="index"/> of <paramref name="service"/> again on its port (after a kill).</summary>
    public async Task<RunningService> RestartReplicaAsync(TaskChatService service, int index)
    {
        var replica = await StartReplicaAsync(service, _replicaPorts[service][index]);
        _replicas[service][index] = replica;
        return replica;
    }

    private async Task<RunningService> StartReplicaAsync(TaskChatService service, int port)
    {
        var system = await StartAsync(builder => With(builder.AsProcesses(), service)
            .OnPort(TaskChatService.Mcp, _frontPorts[TaskChatService.Mcp])
            .OnPort(TaskChatService.Api, _frontPorts[TaskChatService.Api])
            .OnPort(TaskChatService.Web, _frontPorts[TaskChatService.Web])
            .AsReplica(service, port));
        return system[service];
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var front in _fronts.Values)
        {
            await front.DisposeAsync();
        }
    }

    /// <summary>A new user signed up on <paramref name="web"/>: its id and its session cookie.</summary>
    public static async Task<(string UserId, string Cookie)> SignUpAsync(Uri web)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = web };
        using var response = await http.PostAsJsonAsync("api/auth/sign-up/email",
            new { email = $"replica-{Guid.NewGuid():N}@example.test", password = "correct horse 42", name = "Ada" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("taskchat.session=", StringComparison.Ordinal)).Split(';')[0];
        return (JsonDocument.Parse(body).RootElement.GetProperty("user").GetProperty("id").GetString()!, cookie);
    }

    /// <summary>An api token from <paramref name="web"/> for the session <paramref name="cookie"/>.</summary>
    public static async Task<string> TokenAsync(Uri web, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(web, "api/auth/token"));
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>A client on <paramref name="address"/> carrying <paramref name="token"/>.</summary>
    public static HttpClient WithToken(Uri address, string token)
    {
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    protected override SystemBuilder Describe(SystemBuilder system) => system;

    private static SystemBuilder With(SystemBuilder builder, TaskChatService service) => service switch
    {
        TaskChatService.Mcp => builder.WithMcp(),
        TaskChatService.Api => builder.WithApi(new Dictionary<string, string>
        {
            ["LLM_PROVIDER"] = "offline",
            ["CHAT_TURNS_PER_MINUTE"] = ChatTurnsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }),
        _ => builder.WithWeb(),
    };
}

/// <summary>The classes on one <see cref="ReplicatedSystem"/>: six processes started once, not once per class.</summary>
[CollectionDefinition(ReplicatedSystem.Collection)]
public sealed class OneReplicatedSystem : ICollectionFixture<ReplicatedSystem>;
