using TaskChat.DeployTests.Support;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.DeployTests;

/// <summary>
/// render.yaml: Render's schema is not reachable from here, so its structure and the wiring
/// invariants are checked directly, and each service's variables (references resolved the way Render
/// resolves them, then completed by DeploymentVariables) are run through the service's own rules.
/// </summary>
public sealed class RenderBlueprintTests
{
    private static readonly Dictionary<object, object> Blueprint = Yaml.Load(Repository.Read("render.yaml"));

    private static IEnumerable<Dictionary<object, object>> Services => Blueprint.List("services").Maps();

    private static IEnumerable<Dictionary<object, object>> Databases => Blueprint.List("databases").Maps();

    private static IEnumerable<Dictionary<object, object>> Groups => Blueprint.List("envVarGroups").Maps();

    private static Dictionary<object, object> ServiceRunning(Service service) =>
        Services.Single(s => ServiceSettings.FromDll(s.Text("dockerCommand")) == service);

    private static IEnumerable<Dictionary<object, object>> EnvVars(Dictionary<object, object> service) => service.List("envVars").Maps();

    /// <summary>What Render would hand the service: references resolved, sync:false values typed in, host:port completed.</summary>
    private static Dictionary<string, string> VariablesOf(Service service)
    {
        var definition = ServiceRunning(service);
        var variables = ServiceSettings.ImageVariables(service);
        variables["RENDER"] = "true";
        if (definition.Text("type") == "web")
        {
            variables["RENDER_EXTERNAL_HOSTNAME"] = definition.Text("name") + ".onrender.com";
        }
        foreach (var entry in EnvVars(definition))
        {
            if (entry.Text("fromGroup") is { } group)
            {
                foreach (var groupEntry in Groups.Single(g => g.Text("name") == group).List("envVars").Maps())
                {
                    variables[groupEntry.Text("key")!] = Resolve(groupEntry);
                }
                continue;
            }
            variables[entry.Text("key")!] = Resolve(entry);
        }
        foreach (var (key, value) in DeploymentVariables.Derive(variables.GetValueOrDefault))
        {
            variables[key] = value;
        }
        return variables;
    }

    private static string Resolve(Dictionary<object, object> entry)
    {
        if (entry.MapOrNull("fromDatabase") is { } database)
        {
            return $"postgresql://taskchat:s3cret@{database.Text("name")}-internal/taskchat";
        }
        if (entry.MapOrNull("fromService") is { } reference)
        {
            var target = Services.Single(s => s.Text("name") == reference.Text("name"));
            var port = EnvVars(target).Single(e => e.Text("key") == "PORT").Text("value");
            return reference.Text("property") switch
            {
                "host" => reference.Text("name")!,
                "hostport" => $"{reference.Text("name")}:{port}",
                var other => throw new InvalidOperationException($"unexpected property {other}"),
            };
        }
        // sync: false is typed in at creation: the web's public URL, or a secret.
        return entry.Text("value") ?? entry.Text("key") switch
        {
            "TASKCHAT_WEB_URL" => "https://taskchat.example.com",
            "SMTP_URL" => "smtp://apikey:typed-in-secret@smtp.example.com:587",
            "MAIL_FROM" => "TaskChat <tasks@example.com>",
            _ => "typed-in-secret",
        };
    }

    [Fact]
    public void The_web_and_the_api_are_public_the_mcp_private_all_built_from_the_dockerfile()
    {
        Assert.Equal("web", ServiceRunning(Service.Web).Text("type"));
        Assert.Equal("web", ServiceRunning(Service.Api).Text("type"));
        Assert.Equal("pserv", ServiceRunning(Service.Mcp).Text("type"));
        Assert.Equal(3, Services.Count());
        foreach (var service in Services)
        {
            Assert.Equal("docker", service.Text("runtime"));
            Assert.True(File.Exists(Repository.PathOf(service.Text("dockerfilePath")!)));
            Assert.Equal(".", service.Text("dockerContext"));
        }
        // Render builds the last stage; it must carry every service the blueprint runs.
        var last = Dockerfile.Stages[^1];
        foreach (var service in ServiceSettings.All)
        {
            Assert.StartsWith($"dotnet /app/{service.ToString().ToLowerInvariant()}/{ServiceSettings.Dll(service)}", ServiceRunning(service).Text("dockerCommand"), StringComparison.Ordinal);
            Assert.Contains($"./{service.ToString().ToLowerInvariant()}/", Dockerfile.Stage(last), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_reference_names_an_existing_entry()
    {
        var references = 0;
        foreach (var entry in Services.SelectMany(EnvVars).Concat(Groups.SelectMany(g => g.List("envVars").Maps())))
        {
            if (entry.MapOrNull("fromDatabase") is { } database)
            {
                Assert.Contains(database.Text("name"), Databases.Select(d => d.Text("name")));
                Assert.Equal("connectionString", database.Text("property"));
                references++;
            }
            if (entry.MapOrNull("fromService") is { } service)
            {
                Assert.Contains(Services, s => s.Text("name") == service.Text("name") && s.Text("type") == service.Text("type"));
                Assert.True(service.Text("property") is "host" or "hostport", service.Text("property"));
                references++;
            }
            if (entry.Text("fromGroup") is { } group)
            {
                Assert.Contains(group, Groups.Select(g => g.Text("name")));
                references++;
            }
        }
        Assert.True(references >= 10, $"only {references} references");
    }

    [Fact]
    public void Every_service_has_the_variables_its_settings_require_under_the_production_rules()
    {
        foreach (var service in ServiceSettings.All)
        {
            var variables = VariablesOf(service);
            Assert.Equal("production", variables["ENVIRONMENT"]);
            Assert.Empty(ServiceSettings.Problems(service, variables));
        }
    }

    [Fact]
    public void The_web_believes_forwarded_headers_from_renders_private_network()
    {
        Assert.Equal("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16", VariablesOf(Service.Web)["TRUSTED_PROXIES"]);
    }

    [Fact]
    public void The_api_reaches_the_mcp_by_reference_never_itself()
    {
        var api = ServiceRunning(Service.Api);
        var reference = EnvVars(api).Single(e => e.Text("key") == "MCP_SERVER_HOSTPORT").Map("fromService");
        Assert.Equal(ServiceRunning(Service.Mcp).Text("name"), reference.Text("name"));
        Assert.NotEqual(api.Text("name"), reference.Text("name"));
        Assert.DoesNotContain(EnvVars(api), e => e.Text("key") == "MCP_SERVER_URL");
        Assert.Equal($"http://{ServiceRunning(Service.Mcp).Text("name")}:{ServiceSettings.Port(Service.Mcp)}", VariablesOf(Service.Api)["MCP_SERVER_URL"]);
    }

    [Fact]
    public void Cors_and_the_issuer_name_the_web_and_the_jwks_comes_from_the_web()
    {
        var api = VariablesOf(Service.Api);
        var web = VariablesOf(Service.Web);
        Assert.Equal(web["AUTH_ISSUER"], api["CORS_ORIGINS"]);
        Assert.Equal(web["AUTH_ISSUER"], api["AUTH_ISSUER"]);
        Assert.Equal(web["AUTH_ISSUER"], VariablesOf(Service.Mcp)["AUTH_ISSUER"]);
        var jwks = $"http://{ServiceRunning(Service.Web).Text("name")}:{ServiceSettings.Port(Service.Web)}/api/auth/jwks";
        Assert.Equal(jwks, api["AUTH_JWKS_URL"]);
        Assert.Equal(jwks, VariablesOf(Service.Mcp)["AUTH_JWKS_URL"]);
        Assert.Equal($"http://{ServiceRunning(Service.Api).Text("name")}:{ServiceSettings.Port(Service.Api)}", web["API_URL"]);
    }

    [Fact]
    public void Secrets_are_asked_for_never_written_down()
    {
        foreach (var entry in Services.SelectMany(EnvVars).Concat(Groups.SelectMany(g => g.List("envVars").Maps())))
        {
            var key = entry.Text("key") ?? "";
            if (entry.Text("value") is { } value && value.StartsWith("/etc/secrets/", StringComparison.Ordinal))
            {
                continue; // The path of a Secret File, whose content is uploaded in the dashboard.
            }
            if (key.Contains("KEY", StringComparison.Ordinal) || key.Contains("SECRET", StringComparison.Ordinal) || key.Contains("PASSWORD", StringComparison.Ordinal) || key.Contains("TOKEN", StringComparison.Ordinal))
            {
                Assert.Equal("false", entry.Text("sync"));
                Assert.Null(entry.Text("value"));
            }
        }
        Assert.Contains(Services.SelectMany(EnvVars), e => e.Text("key") == "OPENAI_API_KEY" && e.Text("sync") == "false");
        Assert.Contains(EnvVars(ServiceRunning(Service.Web)), e => e.Text("key") == "SMTP_URL" && e.Text("sync") == "false" && e.Text("value") is null);
    }

    [Fact]
    public async Task Health_checks_use_the_ready_path_and_migrations_run_before_each_deploy()
    {
        foreach (var service in ServiceSettings.All)
        {
            var definition = ServiceRunning(service);
            Assert.Equal(definition.Text("dockerCommand")!.Split(' ')[..2].Append("migrate"), definition.Text("preDeployCommand")!.Split(' '));
            Assert.Equal(ServiceSettings.Port(service).ToString(System.Globalization.CultureInfo.InvariantCulture), EnvVars(definition).Single(e => e.Text("key") == "PORT").Text("value"));
            if (definition.Text("type") == "web")
            {
                Assert.Equal("/health/ready", definition.Text("healthCheckPath"));
                Assert.True(await HealthRoutes.ExistsAsync(definition.Text("healthCheckPath")!));
            }
        }
    }
}
