using Microsoft.Extensions.DependencyInjection;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport.Hosting;
using TaskChat.TestSupport.Processes;

namespace TaskChat.TestSupport;

/// <summary>
/// Starts any subset of mcp, api and web over one database, wired to each other by a
/// <see cref="SystemWiring"/>, the description the launcher uses, so that the tests and the launcher
/// cannot drift apart. A service left out is a peer that is down (its address is a port where nothing
/// listens), except the web, which stays at the contract's address for the stand-in issuer's tokens.
/// </summary>
/// <param name="databaseUrl">DATABASE_URL for every service (a <see cref="TestDatabase"/>'s, usually).</param>
public sealed class SystemBuilder(string databaseUrl)
{
    /// <summary>The launcher's order: each service's peers that it names are known when it starts.</summary>
    private static readonly TaskChatService[] StartOrder = [TaskChatService.Mcp, TaskChatService.Api, TaskChatService.Web];

    /// <summary>Tests read results, not logs: the services in the test process log warnings and errors only.</summary>
    private static readonly Dictionary<string, string> QuietLogs = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
    };

    /// <summary>
    /// The web's auth limits for tests: every test signs up and in from one loopback address, many times
    /// a minute. A test of the limits sets its own (they win), and the sign-in flood bench sets these to
    /// empty, which is the production default.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RoomyAuthLimits = new Dictionary<string, string>
    {
        ["AUTH_SIGN_IN_PER_ADDRESS_PER_MINUTE"] = "100000",
        ["AUTH_SIGN_IN_PER_EMAIL_PER_MINUTE"] = "100000",
        ["AUTH_SIGN_UP_PER_ADDRESS_PER_HOUR"] = "100000",
        ["AUTH_REQUESTS_PER_ADDRESS_PER_MINUTE"] = "1000000",
        ["AUTH_PASSWORD_RESETS_PER_ADDRESS_PER_HOUR"] = "100000",
    };

    private readonly Dictionary<TaskChatService, IReadOnlyDictionary<string, string>> _services = [];
    private readonly Dictionary<TaskChatService, int> _ports = [];
    private readonly Dictionary<TaskChatService, int> _replicaPorts = [];
    private Func<SystemWiring, SystemWiring> _wiring = wiring => wiring;
    private Action<IServiceCollection>? _webTestServices;
    private Action<IServiceCollection>? _apiTestServices;
    private TestJwks? _issuer;
    private ServiceHosting _hosting = ServiceHosting.InProcess;
    private IReadOnlyDictionary<TaskChatService, string>? _publishedFolders;

    /// <summary>The web's mail, written to a folder of this system's own (never the checkout's .data/mail).</summary>
    private readonly Mailbox _mailbox = new(Path.Combine(Path.GetTempPath(), "taskchat-mail", Guid.NewGuid().ToString("N")));

    /// <summary>Tokens come from <paramref name="issuer"/> (AUTH_ISSUER and AUTH_JWKS_URL), unless the web runs and issues them.</summary>
    public SystemBuilder SignedBy(TestJwks issuer)
    {
        _issuer = issuer;
        return this;
    }

    /// <param name="variables">Its own variables beyond the wiring (OTEL_..., a variable under test); they win over the wiring's.</param>
    public SystemBuilder WithMcp(IReadOnlyDictionary<string, string>? variables = null) => With(TaskChatService.Mcp, variables);

    /// <param name="variables">Its own variables beyond the wiring (LLM_PROVIDER, MCP_TIMEOUT_SECONDS...); they win over the wiring's.</param>
    /// <param name="testServices">Replaces some of its services after its own (the agent's clock); in the test process only.</param>
    public SystemBuilder WithApi(IReadOnlyDictionary<string, string>? variables = null, Action<IServiceCollection>? testServices = null)
    {
        _apiTestServices = testServices;
        return With(TaskChatService.Api, variables);
    }

    /// <param name="variables">Its own variables beyond the wiring (AUTH_KEY_ROTATION_DAYS...); they win over the wiring's.</param>
    /// <param name="testServices">Replaces some of its services after its own (a fake clock); in the test process only.</param>
    public SystemBuilder WithWeb(IReadOnlyDictionary<string, string>? variables = null, Action<IServiceCollection>? testServices = null)
    {
        _webTestServices = testServices;
        return With(TaskChatService.Web, variables);
    }

    /// <summary>
    /// A service on a port the test chose (to start it again there), or, for a service left out,
    /// where its peers expect it (a stand-in the test runs).
    /// </summary>
    public SystemBuilder OnPort(TaskChatService service, int port)
    {
        _ports[service] = port;
        return this;
    }

    /// <summary>
    /// One replica of several behind a front (<see cref="ReplicaFront"/>): the service's process listens
    /// on <paramref name="port"/>, while the wiring, and so its peers and its own URLs (the web's
    /// AUTH_ISSUER), name the front, given with <see cref="OnPort"/>. Processes only.
    /// </summary>
    public SystemBuilder AsReplica(TaskChatService service, int port)
    {
        _replicaPorts[service] = port;
        return this;
    }

    /// <summary>Changes the wiring before the ports are chosen: production, other CORS origins, another public host.</summary>
    public SystemBuilder Wired(Func<SystemWiring, SystemWiring> change)
    {
        var before = _wiring;
        _wiring = wiring => change(before(wiring));
        return this;
    }

    /// <summary>
    /// Runs each service from its built dll instead of in the test process, or from its folder in
    /// <paramref name="publishedFolders"/> (a publish output, as the images ship it) when it has one there.
    /// </summary>
    public SystemBuilder AsProcesses(IReadOnlyDictionary<TaskChatService, string>? publishedFolders = null)
    {
        _hosting = ServiceHosting.Processes;
        _publishedFolders = publishedFolders;
        return this;
    }

    /// <summary>Runs all three services under the real launcher, which derives their variables from its own.</summary>
    public SystemBuilder UnderLauncher()
    {
        _hosting = ServiceHosting.Launcher;
        foreach (var service in StartOrder)
        {
            _services.TryAdd(service, new Dictionary<string, string>());
        }
        return this;
    }

    /// <summary>
    /// Starts the services in the launcher's order, each ready before the next. A port chosen free can be taken by another
    /// process before the service binds it (the test assemblies run side by side, each binding ports of its own): ci118's
    /// browser suite lost a whole fixture, 25 tests, to "address already in use". The system is then started again on
    /// ports chosen anew, twice at most.
    /// </summary>
    public async Task<RunningSystem> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync();
            }
            catch (Exception e) when (attempt < 3 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"SystemBuilder: a port chosen free was taken before a service bound it (attempt {attempt}); starting again on other ports.");
            }
        }
    }

    private async Task<RunningSystem> StartOnceAsync()
    {
        var wiring = ChoosePorts(_wiring(new SystemWiring { DatabaseUrl = databaseUrl }));
        if (_hosting == ServiceHosting.Launcher)
        {
            return await StartLauncherAsync(wiring);
        }
        List<RunningService> started = [];
        try
        {
            foreach (var service in StartOrder.Where(_services.ContainsKey))
            {
                var running = await StartAsync(service, wiring);
                started.Add(running);
                if (!_replicaPorts.ContainsKey(service))
                {
                    wiring = wiring.WithPort(service, running.BaseAddress.Port);
                }
            }
        }
        catch
        {
            foreach (var running in Enumerable.Reverse(started))
            {
                await running.DisposeAsync();
            }
            throw;
        }
        return new RunningSystem(wiring, started, _issuer, launcher: null, _mailbox);
    }

    private SystemBuilder With(TaskChatService service, IReadOnlyDictionary<string, string>? variables)
    {
        _services[service] = variables ?? new Dictionary<string, string>();
        return this;
    }

    /// <summary>
    /// A port for every service: the test's, else a free one. In the test process a service binds port
    /// 0 and the ones started after it learn the port it got; the web's must be known before (AUTH_ISSUER
    /// names it, and the api's CORS_ORIGINS), and so must every port the launcher or a process is given.
    /// </summary>
    private SystemWiring ChoosePorts(SystemWiring wiring)
    {
        if (_issuer is not null && !_services.ContainsKey(TaskChatService.Web))
        {
            wiring = wiring with { Issuer = TestJwks.Issuer, JwksUrl = _issuer.JwksUrl.ToString(), Audience = TestJwks.Audience };
        }
        foreach (var service in StartOrder)
        {
            var port = _ports.TryGetValue(service, out var chosen) ? chosen
                : !_services.ContainsKey(service) ? (service == TaskChatService.Web ? wiring.WebPort : LoopbackServer.UnusedPort())
                : _hosting == ServiceHosting.InProcess && service != TaskChatService.Web ? 0
                : LoopbackServer.UnusedPort();
            wiring = wiring.WithPort(service, port);
        }
        return wiring;
    }

    private async Task<RunningService> StartAsync(TaskChatService service, SystemWiring wiring)
    {
        var variables = new Dictionary<string, string>(wiring.VariablesFor(service));
        if (_hosting == ServiceHosting.InProcess)
        {
            foreach (var (name, value) in QuietLogs)
            {
                variables[name] = value;
            }
        }
        if (service == TaskChatService.Web)
        {
            foreach (var (name, value) in RoomyAuthLimits)
            {
                variables[name] = value;
            }
            variables["SMTP_URL"] = _mailbox.SmtpUrl;
        }
        foreach (var (name, value) in _services[service])
        {
            variables[name] = value;
        }
        if (_replicaPorts.TryGetValue(service, out var replicaPort))
        {
            if (_hosting != ServiceHosting.Processes)
            {
                throw new InvalidOperationException("Replicas behind a front run as processes: call AsProcesses().");
            }
            variables["PORT"] = replicaPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await ProcessService.StartAsync(service, variables, replicaPort, _publishedFolders?.GetValueOrDefault(service));
        }
        return _hosting == ServiceHosting.InProcess
            ? await InProcessService.StartAsync(service, variables, service switch
            {
                TaskChatService.Web => _webTestServices,
                TaskChatService.Api => _apiTestServices,
                _ => null,
            })
            : await ProcessService.StartAsync(service, variables, wiring.PortOf(service), _publishedFolders?.GetValueOrDefault(service));
    }

    /// <summary>
    /// The launcher passes its environment on to the services it starts, so the services' own
    /// variables (given with WithWeb and the like) are set on the launcher; each service reads its own.
    /// </summary>
    private async Task<RunningSystem> StartLauncherAsync(SystemWiring wiring)
    {
        var variables = new Dictionary<string, string>(wiring.VariablesForLauncher().Concat(RoomyAuthLimits))
        {
            // A test that ends an outage waits for the launcher's next restart: at most 5 s later, not 30.
            ["LAUNCHER_RESTART_MAX_SECONDS"] = "5",
            ["SMTP_URL"] = _mailbox.SmtpUrl,
        };
        foreach (var (name, value) in _services.Values.SelectMany(own => own))
        {
            variables[name] = value;
        }
        var launcher = TestProcess.Start(BuiltService.Launcher, variables, ["run"]);
        try
        {
            await launcher.WaitForLineAsync("TaskChat is running");
        }
        catch
        {
            launcher.Dispose();
            throw;
        }
        List<RunningService> services = [.. StartOrder.Select(service =>
            new ServiceUnderLauncher(service, Listening.Url(wiring.PortOf(service), "/"), launcher))];
        return new RunningSystem(wiring, services, issuer: null, launcher, _mailbox);
    }
}
