using Microsoft.Extensions.Hosting;

namespace TaskChat.ServiceDefaults.Configuration;

public static class ServiceConfigurationExtensions
{
    /// <summary>
    /// The configuration <see cref="Extensions.AddServiceDefaults"/> read for this builder: the
    /// reader every later AddX reads its own variables with.
    /// </summary>
    public static ServiceConfiguration GetServiceConfiguration(this IHostApplicationBuilder builder) =>
        builder.Properties.TryGetValue(typeof(ServiceConfiguration), out var configuration)
            ? (ServiceConfiguration)configuration
            : throw new InvalidOperationException("Call builder.AddServiceDefaults(...) first: it reads the variables every service shares.");

    internal static void SetServiceConfiguration(this IHostApplicationBuilder builder, ServiceConfiguration configuration) =>
        builder.Properties[typeof(ServiceConfiguration)] = configuration;
}
