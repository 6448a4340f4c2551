using TaskChat.DeployTests.Support;

namespace TaskChat.DeployTests;

/// <summary>compose.yaml on its own (`docker compose up`) and with compose.production.yaml.</summary>
public sealed class ComposeTests
{
    private static readonly Dictionary<string, string> NoVariables = [];

    /// <summary>What deploy/compose/production.env.example asks for, filled in.</summary>
    private static readonly Dictionary<string, string> ProductionVariables = new()
    {
        ["TASKCHAT_WEB_URL"] = "https://taskchat.example.com",
        ["TASKCHAT_API_URL"] = "https://api.taskchat.example.com",
        ["POSTGRES_PASSWORD"] = "s3cret-Pa55",
        ["OPENAI_API_KEY"] = "sk-test",
        ["KEY_RING_CERTIFICATE_FILE"] = "./deploy/compose/key-ring.pfx",
    };

    private static ComposeProject Local => ComposeProject.Load(NoVariables, "compose.yaml");

    private static ComposeProject Production => ComposeProject.Load(ProductionVariables, "compose.yaml", "compose.production.yaml");

    public static TheoryData<string> Projects => ["local", "production"];

    private static ComposeProject Project(string name) => name == "local" ? Local : Production;

    private static Dictionary<string, string> VariablesOf(ComposeProject project, Service service)
    {
        var variables = ServiceSettings.ImageVariables(service);
        foreach (var (key, value) in project.Environment(service.ToString().ToLowerInvariant()))
        {
            variables[key] = value;
        }
        return variables;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_service_has_the_variables_its_settings_require(string project)
    {
        foreach (var service in ServiceSettings.All)
        {
            Assert.Empty(ServiceSettings.Problems(service, VariablesOf(Project(project), service)));
        }
    }

    [Fact]
    public void The_production_overlay_runs_every_service_under_the_production_rules()
    {
        foreach (var service in new[] { "migrate", "mcp", "api", "web" })
        {
            var variables = Production.Environment(service);
            Assert.Equal("production", variables["ENVIRONMENT"]);
            Assert.StartsWith("postgresql://", variables["DATABASE_URL"], StringComparison.Ordinal);
            Assert.Contains(ProductionVariables["POSTGRES_PASSWORD"], variables["DATABASE_URL"], StringComparison.Ordinal);
        }
        Assert.Equal("https://taskchat.example.com", Production.Environment("api")["CORS_ORIGINS"]);
    }

    [Theory]
    [InlineData("TASKCHAT_WEB_URL")]
    [InlineData("TASKCHAT_API_URL")]
    [InlineData("POSTGRES_PASSWORD")]
    public void The_production_overlay_refuses_to_start_without_its_values(string missing)
    {
        var variables = new Dictionary<string, string>(ProductionVariables);
        variables.Remove(missing);
        var error = Assert.Throws<ComposeInterpolationException>(() => ComposeProject.Load(variables, "compose.yaml", "compose.production.yaml"));
        Assert.Equal(missing, error.Variable);
    }

    [Fact]
    public void A_localhost_url_in_production_is_what_the_services_would_refuse()
    {
        var variables = new Dictionary<string, string>(ProductionVariables) { ["TASKCHAT_WEB_URL"] = "http://localhost:3000" };
        var api = VariablesOf(ComposeProject.Load(variables, "compose.yaml", "compose.production.yaml"), Service.Api);
        Assert.Contains(ServiceSettings.Problems(Service.Api, api), p => p.StartsWith("AUTH_ISSUER names localhost", StringComparison.Ordinal));
    }

    [Fact]
    public void The_web_believes_forwarded_headers_only_behind_the_production_proxy()
    {
        Assert.False(Local.Environment("web").ContainsKey("TRUSTED_PROXIES")); // Reached directly: nothing to trust.
        var trusted = Production.Environment("web")["TRUSTED_PROXIES"];
        Assert.Equal("172.16.0.0/12,192.168.0.0/16", trusted);
        var replaced = ComposeProject.Load(new Dictionary<string, string>(ProductionVariables) { ["TRUSTED_PROXIES"] = "10.9.0.0/16" }, "compose.yaml", "compose.production.yaml");
        Assert.Equal("10.9.0.0/16", replaced.Environment("web")["TRUSTED_PROXIES"]);
    }

    [Fact]
    public void Password_reset_mail_goes_to_the_containers_tmpfs_locally_and_to_the_smtp_url_in_production()
    {
        // Locally, the container's root is read-only: the mail goes where it can be written (a tmpfs) and read (compose exec).
        Assert.Equal("file:///tmp/mail", Local.Environment("web")["SMTP_URL"]);
        Assert.Contains("/tmp", Local.Service("web").List("tmpfs").Cast<string>());
        // In production, only a mail server: unset, the web sends nothing and offers no reset.
        Assert.Equal("", Production.Environment("web")["SMTP_URL"]);
        var withMail = ComposeProject.Load(new Dictionary<string, string>(ProductionVariables)
        {
            ["SMTP_URL"] = "smtp://apikey:secret@smtp.example.com:587",
            ["MAIL_FROM"] = "TaskChat <tasks@example.com>",
        }, "compose.yaml", "compose.production.yaml");
        Assert.Equal(("smtp://apikey:secret@smtp.example.com:587", "TaskChat <tasks@example.com>"),
            (withMail.Environment("web")["SMTP_URL"], withMail.Environment("web")["MAIL_FROM"]));
        Assert.Empty(ServiceSettings.Problems(Service.Web, VariablesOf(withMail, Service.Web)));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_dependency_names_an_existing_service_and_waits_for_the_right_condition(string project)
    {
        var compose = Project(project);
        foreach (var name in compose.ServiceNames)
        {
            foreach (var (dependency, condition) in compose.Service(name).MapOrNull("depends_on") ?? [])
            {
                Assert.Contains((string)dependency, compose.ServiceNames);
                Assert.Equal(dependency is "migrate" ? "service_completed_successfully" : "service_healthy", condition.Text("condition"));
            }
        }
        Assert.Equal("service_healthy", compose.Service("migrate").Map("depends_on").Map("db").Text("condition"));
        foreach (var service in new[] { "mcp", "api", "web" })
        {
            Assert.Equal("service_completed_successfully", compose.Service(service).Map("depends_on").Map("migrate").Text("condition"));
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Peers_are_reached_by_service_name_on_the_port_their_image_listens_on(string project)
    {
        var compose = Project(project);
        var api = compose.Environment("api");
        Assert.Equal($"http://mcp:{ServiceSettings.Port(Service.Mcp)}", api["MCP_SERVER_URL"]);
        Assert.Equal($"http://web:{ServiceSettings.Port(Service.Web)}/api/auth/jwks", api["AUTH_JWKS_URL"]);
        Assert.Equal($"http://web:{ServiceSettings.Port(Service.Web)}/api/auth/jwks", compose.Environment("mcp")["AUTH_JWKS_URL"]);
        Assert.Equal($"http://api:{ServiceSettings.Port(Service.Api)}", compose.Environment("web")["API_URL"]);
        foreach (var service in ServiceSettings.All)
        {
            var own = service.ToString().ToLowerInvariant();
            // Each service answers to the name its peers use (ASP.NET host filtering: 400 otherwise).
            Assert.Contains(own, compose.Environment(own)["ALLOWED_HOSTS"].Split(','));
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_api_never_calls_itself_and_cors_names_the_web(string project)
    {
        var api = Project(project).Environment("api");
        var mcp = new Uri(api["MCP_SERVER_URL"]);
        Assert.NotEqual("api", mcp.Host);
        Assert.NotEqual(ServiceSettings.Port(Service.Api), mcp.Port);
        Assert.Equal(Project(project).Environment("web")["AUTH_ISSUER"], api["CORS_ORIGINS"]);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Images_targets_ports_and_health_checks_agree(string project)
    {
        var compose = Project(project);
        foreach (var service in ServiceSettings.All)
        {
            var name = service.ToString().ToLowerInvariant();
            var definition = compose.Service(name);
            Assert.StartsWith(ServiceSettings.Image(service) + ":", definition.Text("image"), StringComparison.Ordinal);
            Assert.Equal(name, definition.Map("build").Text("target"));
            Assert.Contains(name, Dockerfile.Stages);
            Assert.Contains($"ENV PORT={ServiceSettings.Port(service)}", Dockerfile.Stage(name), StringComparison.Ordinal);
            var test = definition.Map("healthcheck").List("test").Cast<string>().ToList();
            Assert.Equal(["CMD", "dotnet", ServiceSettings.Dll(service), "probe", $"http://127.0.0.1:{ServiceSettings.Port(service)}/health/ready"], test);
            foreach (var port in definition.List("ports").Cast<string>())
            {
                Assert.EndsWith($":{ServiceSettings.Port(service)}", port, StringComparison.Ordinal);
                Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal);
            }
        }
        // The mcp is private: only the api reaches it.
        Assert.Empty(compose.Service("mcp").List("ports"));
        var migrate = compose.Service("migrate");
        Assert.StartsWith(ServiceSettings.Image(Service.Mcp) + ":", migrate.Text("image"), StringComparison.Ordinal);
        Assert.Equal(["migrate"], migrate.List("command").Cast<string>());
        Assert.Equal("no", migrate.Text("restart"));
    }

    [Fact]
    public async Task Every_health_check_path_exists_in_the_services()
    {
        foreach (var service in ServiceSettings.All)
        {
            var test = Local.Service(service.ToString().ToLowerInvariant()).Map("healthcheck").List("test").Cast<string>().Last();
            Assert.True(await HealthRoutes.ExistsAsync(new Uri(test).AbsolutePath), test);
        }
    }
}
