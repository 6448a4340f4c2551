using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Health;
using TaskChat.ServiceDefaults.Hosting;
using TaskChat.ServiceDefaults.Logging;

namespace TaskChat.ServiceDefaults;

/// <summary>What every TaskChat service does the same way; each Program calls these four methods.</summary>
public static class Extensions
{
    /// <summary>
    /// Reads the shared variables (the parts added after read theirs with the same reader, see
    /// <see cref="ServiceConfigurationExtensions.GetServiceConfiguration"/>), binds HOST/PORT,
    /// answers only to ALLOWED_HOSTS, logs through the redacting formatter, drains requests for
    /// 15 s on shutdown, gives back the GC heap a burst of requests left once the service is quiet
    /// (<see cref="IdleHeapTrimmer"/>), and adds problem details and OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, TaskChatService service)
    {
        AddLogLevelDefaults(builder);
        // URL variables a platform hands out in pieces (Render's host:port) complete the contract's own.
        builder.Configuration.AddInMemoryCollection(DeploymentVariables.Derive(name => builder.Configuration[name])
            .Select(variable => new KeyValuePair<string, string?>(variable.Key, variable.Value)));
        var configuration = new ServiceConfiguration(builder.Configuration, ServiceInfo.Of(service));
        var settings = configuration.Shared;
        builder.SetServiceConfiguration(configuration);
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton(settings);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (settings.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(settings.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(settings.Host.Trim('[', ']')), settings.Port);
            }
        });
        builder.Services.Configure<HostFilteringOptions>(options =>
        {
            options.AllowedHosts = [.. settings.AllowedHosts];
            options.AllowEmptyHosts = false;
            options.IncludeFailureMessage = false;
        });
        // The framework filters every request by host; we filter all but the health endpoints
        // (UseServiceDefaults), which orchestrators probe by pod IP or an internal name and which
        // disclose nothing a DNS-rebinding page could use.
        builder.Services.RemoveInternal<IStartupFilter>("Microsoft.AspNetCore.HostFilteringStartupFilter");
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.Services.AddHostedService<IdleHeapTrimmer>();

        builder.AddRedactedLogging(settings);
        builder.AddTaskChatTelemetry(settings);
        builder.Services.AddTaskChatProblemDetails();
        builder.Services.AddForwardedHeaders(settings);
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        // Its debug lines carry key XML, the unencrypted master key included: never below Warning, whatever Logging__LogLevel__ says.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Warning);
        return builder;
    }

    /// <summary>
    /// The first middleware: forwarded headers from TRUSTED_PROXIES, nosniff and a Referrer-Policy on
    /// every response, host filtering (all but the health endpoints), then error handling (problem
    /// details, no stack traces). The service's own (CORS, the origin check,
    /// authentication...) follows in its Program.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        // First: everything after it (host filtering aside, rate limits, HTTPS rules) sees the client's
        // address and scheme, when TRUSTED_PROXIES names the proxy that reported them.
        app.UseTrustedProxies(app.Services.GetRequiredService<TaskChatSettings>());
        app.UseBaselineSecurityHeaders();
        app.UseWhen(context => !HealthEndpoints.IsHealthPath(context.Request.Path), branch => branch.UseHostFiltering());
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ProblemResponses.StatusCodeFor });
        app.UseStatusCodePages();
        // Before any endpoint reads a body: a charset .NET cannot decode is 415, not the JSON readers' 500.
        app.UseKnownRequestCharsets();
        return app;
    }

    /// <summary><c>/health/live</c>, <c>/health/ready</c> and <c>/health</c>.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints(app.Services.GetRequiredService<TaskChatSettings>().Service.Name);
        return app;
    }

    /// <summary>
    /// Runs the service until SIGTERM or Ctrl+C (it then drains its requests for up to 15 s) and
    /// returns 0. When a variable read by any AddX call is invalid it starts nothing: it prints every
    /// problem, each by name, never a secret value and no stack trace, and returns 2.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app)
    {
        var configuration = app.Services.GetRequiredService<ServiceConfiguration>();
        if (configuration.Problems.Count > 0)
        {
            await Console.Error.WriteLineAsync(new InvalidConfigurationException(configuration.Problems).Message);
            return 2;
        }
        app.Logger.LogInformation("Starting {Summary}", configuration.Summary);
        try
        {
            await app.RunAsync();
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            // The host has logged it ("Hosting failed to start"); without this the process also ended on an
            // unhandled exception (SIGABRT, a second stack trace). One plain line and exit code 1 instead: a
            // port taken by another program (or a copy of this service) is the machine's state, not a crash.
            await Console.Error.WriteLineAsync($"{e.Message} Another program (or another copy of this service) is listening there: stop it, or set PORT (and HOST) to a free address.");
            return 1;
        }
        return 0;
    }

    /// <summary>
    /// Lowest priority, so Logging__LogLevel__... variables still win: a line per request (health
    /// probes included) drowns what matters; the framework's warnings and errors still show.
    /// Information is for what a person watching the terminal needs (start, stop, URLs, failures):
    /// Polly's resilience pipelines (the api's MCP and model clients) log every execution attempt
    /// at Information, several lines per chat turn; their retries and failures are Warning and up.
    /// The MCP SDK (server in the mcp, client in the api) logs three lines per tool call at Information
    /// ("request handler called", "completed", "completed in N ms"): a third of the mcp's time under load
    /// went to writing them (issue 13); its warnings and errors still show. The Agent Framework logs
    /// "Agent … Invoked client … with message count" at Information on every chat turn: about a tenth of
    /// the api's CPU in a one-tool turn went to writing it.
    /// </summary>
    private static void AddLogLevelDefaults(WebApplicationBuilder builder) =>
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
                ["Logging:LogLevel:Polly"] = "Warning",
                ["Logging:LogLevel:Microsoft.Extensions.Resilience"] = "Warning",
                ["Logging:LogLevel:Microsoft.Extensions.Http.Resilience"] = "Warning",
                ["Logging:LogLevel:ModelContextProtocol"] = "Warning",
                ["Logging:LogLevel:Microsoft.Agents.AI"] = "Warning",
            },
        });

    private static void AddRedactedLogging(this WebApplicationBuilder builder, TaskChatSettings settings)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.FormatterName = RedactingConsoleFormatter.FormatterName)
            .AddConsoleFormatter<RedactingConsoleFormatter, RedactingConsoleFormatterOptions>(options =>
            {
                options.Json = settings.LogFormat == LogFormat.Json;
                options.ServiceName = settings.Service.Name;
            });
        // EF Core logs every command at Information; that is a debugging aid, not an operations log.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
    }
}
