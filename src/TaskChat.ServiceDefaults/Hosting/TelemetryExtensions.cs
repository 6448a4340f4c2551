using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.ServiceDefaults.Hosting;

public static class TelemetryExtensions
{
    /// <summary>
    /// Traces and metrics over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the
    /// standard OTEL_* variables itself). Logs stay on the console, where they are redacted.
    /// </summary>
    public static void AddTaskChatTelemetry(this WebApplicationBuilder builder, TaskChatSettings settings)
    {
        if (settings.OtlpEndpoint is not null)
        {
            AddOtlpExport(builder.Services, settings);
        }
    }

    // A method of its own, not inlined: the JIT loads the assemblies a method names when it compiles it, so
    // without an endpoint OpenTelemetry's five assemblies are never loaded (less start-up work, less memory).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOtlpExport(IServiceCollection services, TaskChatSettings settings)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.Service.Name))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context))
                .AddHttpClientInstrumentation()
                .AddSource("Npgsql", "Experimental.ModelContextProtocol", "TaskChat"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", "Experimental.ModelContextProtocol", "TaskChat"))
            .UseOtlpExporter();
    }

    private static bool IsHealthProbe(HttpContext context) => Health.HealthEndpoints.IsHealthPath(context.Request.Path);
}
