using Microsoft.Extensions.DependencyInjection;

namespace TaskChat.ServiceDefaults.Hosting;

/// <summary>Registrations ASP.NET Core makes that a service does not want, of types internal to it.</summary>
internal static class FrameworkRegistrations
{
    /// <summary>
    /// Removes every registration of <typeparamref name="TService"/> whose implementation is the framework's
    /// internal type <paramref name="implementationFullName"/> (internal, so known by its name, not its type).
    /// </summary>
    public static void RemoveInternal<TService>(this IServiceCollection services, string implementationFullName)
    {
        foreach (var registration in services.Where(d => d.ServiceType == typeof(TService)
            && d.ImplementationType?.FullName == implementationFullName).ToList())
        {
            services.Remove(registration);
        }
    }
}
