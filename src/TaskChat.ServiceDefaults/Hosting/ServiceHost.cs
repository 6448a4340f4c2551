using Microsoft.AspNetCore.Builder;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.ServiceDefaults.Hosting;

public static class ServiceHost
{
    /// <summary>
    /// Builds and runs a service until SIGTERM or Ctrl+C (ASP.NET Core then drains requests). A bad
    /// configuration prints its list of problems and exits with code 2, without a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(Func<WebApplication> build)
    {
        WebApplication app;
        try
        {
            app = build();
        }
        catch (InvalidConfigurationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        await using (app)
        {
            await app.RunAsync();
        }
        return 0;
    }
}
