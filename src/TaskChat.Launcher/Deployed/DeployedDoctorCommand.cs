using TaskChat.Launcher.Commands;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Launcher.Deployed;

/// <summary>
/// `doctor --web URL --api URL [--mcp URL] [--env FILE] [--production] [--email E --password P]`:
/// checks a deployed system (docs/troubleshooting.md). URLs not given as flags are read from the env
/// file's TASKCHAT_WEB_URL, TASKCHAT_API_URL and TASKCHAT_MCP_URL (as in deploy/compose/production.env).
/// </summary>
public static class DeployedDoctorCommand
{
    public const string Usage = """
        Usage: doctor --web URL --api URL [--mcp URL] [--env FILE] [--production]
                      [--email EMAIL --password PASSWORD]
          --web, --api, --mcp  the services' public URLs (--mcp only when it is reachable from here)
          --env FILE           the deployment's variables (KEY=VALUE lines), for precise answers
          --production         apply the production rules (also when the env file says ENVIRONMENT=production)
          --email, --password  an existing account (TASKCHAT_DOCTOR_PASSWORD also works); without them
                               doctor signs up a throwaway account to get a token
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, HttpMessageHandler? handler = null)
    {
        output ??= Console.Out;
        if (!TryParse(args, out var system, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(Usage);
            return ExitCodes.Configuration;
        }
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = TimeSpan.FromSeconds(15);
        return await new DeploymentDoctor(http, output).RunAsync(system!);
    }

    public static bool TryParse(string[] args, out DeployedSystem? system, out string? error)
    {
        system = null;
        var flags = new Dictionary<string, string>();
        var production = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--production")
            {
                production = true;
            }
            else if (args[i] is "--web" or "--api" or "--mcp" or "--env" or "--email" or "--password" && i + 1 < args.Length)
            {
                flags[args[i][2..]] = args[++i];
            }
            else
            {
                error = $"doctor: unknown or incomplete option '{args[i]}'.";
                return false;
            }
        }

        var variables = new Dictionary<string, string>();
        if (flags.TryGetValue("env", out var file))
        {
            if (!File.Exists(file))
            {
                error = $"doctor: no such env file: {file}";
                return false;
            }
            variables = DeployedSystem.ReadEnvFile(File.ReadAllText(file));
            // The services complete TASKCHAT_WEB_URL and *_HOSTPORT the same way (Render, production.env).
            foreach (var (name, value) in DeploymentVariables.Derive(variables.GetValueOrDefault))
            {
                variables[name] = value;
            }
        }
        Uri? Url(string flag, string variable)
        {
            var text = flags.GetValueOrDefault(flag) ?? variables.GetValueOrDefault(variable);
            return text is not null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
        }
        var web = Url("web", "TASKCHAT_WEB_URL");
        var api = Url("api", "TASKCHAT_API_URL");
        if (web is null || api is null)
        {
            error = "doctor: --web and --api must be absolute http(s) URLs (or TASKCHAT_WEB_URL and TASKCHAT_API_URL in the env file).";
            return false;
        }
        system = new DeployedSystem
        {
            Web = web,
            Api = api,
            Mcp = Url("mcp", "TASKCHAT_MCP_URL"),
            Variables = variables,
            IsProduction = production || variables.GetValueOrDefault("ENVIRONMENT")?.Trim().ToLowerInvariant() is "production" or "prod",
            Email = flags.GetValueOrDefault("email"),
            Password = flags.GetValueOrDefault("password") ?? Environment.GetEnvironmentVariable("TASKCHAT_DOCTOR_PASSWORD"),
        };
        error = null;
        return true;
    }
}
