using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskChat.Data;
using TaskChat.ServiceDefaults.Authentication;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Health;
using TaskChat.ServiceDefaults.Hosting;
using TaskChat.ServiceDefaults.Logging;

namespace TaskChat.ServiceDefaults;

/// <summary>What every TaskChat service does the same way; each Program calls these two methods.</summary>
public static class Extensions
{
    /// <summary>
    /// Reads and validates the shared variables (throws <see cref="InvalidConfigurationException"/>
    /// naming each bad one), binds HOST/PORT, answers only to ALLOWED_HOSTS, logs through the
    /// redacting formatter, adds the database, health checks, problem details, OpenTelemetry when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set, and JWT validation for services that take tokens.
    /// </summary>
    /// <param name="builder">The service's builder.</param>
    /// <param name="service">What the service is.</param>
    /// <param name="readServiceSettings">Reads the service's own variables with the same rules, after the shared ones, so that every problem is reported at once.</param>
    public static TaskChatSettings AddServiceDefaults(this WebApplicationBuilder builder, ServiceInfo service, Action<SettingsReader, TaskChatSettings>? readServiceSettings = null)
    {
        var reader = new SettingsReader(builder.Configuration);
        var settings = reader.ReadShared(service);
        readServiceSettings?.Invoke(reader, settings);
        reader.ThrowIfInvalid();

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
        foreach (var filter in builder.Services.Where(d => d.ServiceType == typeof(IStartupFilter)
            && d.ImplementationType?.Name == "HostFilteringStartupFilter").ToList())
        {
            builder.Services.Remove(filter);
        }
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(15));

        builder.AddRedactedLogging(settings);
        builder.AddTaskChatTelemetry(settings);
        builder.Services.AddTaskChatProblemDetails();
        builder.Services.AddTaskChatData(settings.Database);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        if (service.ValidatesTokens)
        {
            builder.Services.AddTaskChatJwtAuthentication(settings.Auth);
            // The api and the mcp protect nothing that must outlive the process (no cookies), so
            // in-memory keys: no key files written to a container's disk, nothing to share.
            builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
            builder.Services.Configure<KeyManagementOptions>(options =>
            {
                options.XmlRepository = new InMemoryXmlRepository();
                options.XmlEncryptor = new NullXmlEncryptor(); // Never leaves memory: nothing to encrypt.
            });
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Warning);
        }
        if (!settings.IsProduction)
        {
            builder.Services.AddHostedService<DevelopmentMigrations>();
        }
        return settings;
    }

    /// <summary>
    /// Host filtering (all but the health endpoints), error handling (problem details, no stack
    /// traces), the service's own <paramref name="beforeAuthentication"/> middleware (CORS, the
    /// origin check), then authentication, in that order.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<IApplicationBuilder>? beforeAuthentication = null)
    {
        app.UseWhen(context => !HealthEndpoints.IsHealthPath(context.Request.Path), branch => branch.UseHostFiltering());
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ProblemResponses.StatusCodeFor });
        app.UseStatusCodePages();
        beforeAuthentication?.Invoke(app);
        var settings = app.Services.GetRequiredService<TaskChatSettings>();
        if (settings.Service.ValidatesTokens)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
        app.Logger.LogInformation("Starting {Summary}", settings.Summary());
        return app;
    }

    /// <summary><c>/health/live</c>, <c>/health/ready</c> and <c>/health</c>.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints(app.Services.GetRequiredService<TaskChatSettings>().Service.Name);
        return app;
    }

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
