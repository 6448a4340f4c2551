using System.Text;
using k8s.Models;
using TaskChat.DeployTests.Support;

namespace TaskChat.DeployTests;

/// <summary>
/// The kustomize overlays, rendered offline: every object a valid Kubernetes API object (strictly,
/// no unknown field), and the wiring invariants: references resolve, each service gets the variables
/// its settings require, probes hit health paths that exist, images and ports agree, non-root.
/// </summary>
public sealed class KubernetesManifestTests
{
    /// <summary>The Secret the production overlay expects to be created out of band (docs/deploy.md).</summary>
    private const string ExternalSecret = "taskchat-secrets";

    public static TheoryData<string> Overlays => ["local", "production"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_object_is_a_kubernetes_api_object_without_unknown_fields(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);
        Assert.NotEmpty(rendered.Objects);
        Assert.Equal(rendered.Yaml.Split("\n---", StringSplitOptions.RemoveEmptyEntries).Length, rendered.Objects.Count);
        var kinds = rendered.Objects.Select(o => o.GetType().Name).ToHashSet();
        foreach (var kind in new[] { "V1Deployment", "V1Service", "V1Ingress", "V2HorizontalPodAutoscaler", "V1PodDisruptionBudget", "V1NetworkPolicy", "V1Job", "V1ConfigMap" })
        {
            Assert.Contains(kind, kinds);
        }
    }

    [Fact]
    public void An_unknown_field_is_refused()
    {
        const string Yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {}\nspecc: {}\n";
        Assert.ThrowsAny<Exception>(() => k8s.KubernetesYaml.LoadAllFromString(Yaml, typeMap: null, strict: true));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_has_the_variables_its_settings_require(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);
        foreach (var service in ServiceSettings.All)
        {
            Assert.Empty(ServiceSettings.Problems(service, VariablesOf(rendered, service)));
        }
        if (overlay == "production")
        {
            Assert.Equal("production", VariablesOf(rendered, Service.Api)["ENVIRONMENT"]);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_web_believes_forwarded_headers_from_the_cluster_network_behind_the_ingress(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);

        Assert.Equal("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16", VariablesOf(rendered, Service.Web)["TRUSTED_PROXIES"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Peers_are_services_that_exist_on_the_right_ports_and_the_api_never_calls_itself(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);
        var api = VariablesOf(rendered, Service.Api);
        AssertNamesService(rendered, api["MCP_SERVER_URL"], Service.Mcp);
        AssertNamesService(rendered, api["AUTH_JWKS_URL"], Service.Web);
        AssertNamesService(rendered, VariablesOf(rendered, Service.Mcp)["AUTH_JWKS_URL"], Service.Web);
        AssertNamesService(rendered, VariablesOf(rendered, Service.Web)["API_URL"], Service.Api);
        Assert.NotEqual("taskchat-api", new Uri(api["MCP_SERVER_URL"]).Host);
        Assert.Equal(api["AUTH_ISSUER"], api["CORS_ORIGINS"]);
        foreach (var service in ServiceSettings.All)
        {
            Assert.Contains($"taskchat-{service.ToString().ToLowerInvariant()}", VariablesOf(rendered, service)["ALLOWED_HOSTS"].Split(','));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Deployments_run_non_root_read_only_with_resources_and_probes_on_existing_health_paths(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);
        foreach (var service in ServiceSettings.All)
        {
            var deployment = rendered.Deployment(service);
            var pod = deployment.Spec.Template.Spec;
            var container = Assert.Single(pod.Containers);
            Assert.True(pod.SecurityContext.RunAsNonRoot);
            Assert.Equal(1654, pod.SecurityContext.RunAsUser);
            Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
            Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
            Assert.Contains("ALL", container.SecurityContext.Capabilities.Drop);
            Assert.NotNull(container.Resources.Requests);
            Assert.True(container.Resources.Limits.ContainsKey("memory"));
            Assert.True(pod.TerminationGracePeriodSeconds >= 20);
            Assert.NotNull(container.Lifecycle.PreStop);
            Assert.Contains(pod.Volumes, v => v.EmptyDir is not null && container.VolumeMounts.Any(m => m.Name == v.Name && m.MountPath == "/tmp"));

            Assert.Equal("/health/live", container.StartupProbe.HttpGet.Path);
            Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
            foreach (var probe in new[] { container.StartupProbe, container.LivenessProbe, container.ReadinessProbe })
            {
                Assert.Equal("http", probe.HttpGet.Port.Value);
                Assert.True(await HealthRoutes.ExistsAsync(probe.HttpGet.Path));
            }

            var port = Assert.Single(container.Ports);
            Assert.Equal("http", port.Name);
            Assert.Equal(ServiceSettings.Port(service), port.ContainerPort);
            Assert.StartsWith(ServiceSettings.Image(service), container.Image.Split('/')[^1], StringComparison.Ordinal);
            Assert.True(deployment.Spec.Replicas >= (overlay == "production" ? 2 : 1));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Services_ingresses_autoscalers_and_budgets_point_at_what_exists(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);
        var deployments = rendered.All<V1Deployment>().ToList();
        foreach (var service in rendered.All<V1Service>())
        {
            var target = deployments.SingleOrDefault(d => Selects(service.Spec.Selector, d.Spec.Template.Metadata.Labels));
            if (target is null)
            {
                // The local overlay's database runs as a StatefulSet.
                Assert.Contains(rendered.All<V1StatefulSet>(), s => Selects(service.Spec.Selector, s.Spec.Template.Metadata.Labels));
                continue;
            }
            var port = Assert.Single(service.Spec.Ports);
            Assert.Contains(target.Spec.Template.Spec.Containers.Single().Ports, p => p.Name == port.TargetPort.Value && p.ContainerPort == port.Port);
        }
        foreach (var ingress in rendered.All<V1Ingress>())
        {
            foreach (var backend in ingress.Spec.Rules.SelectMany(r => r.Http.Paths).Select(p => p.Backend.Service))
            {
                var service = Assert.Single(rendered.All<V1Service>(), s => s.Metadata.Name == backend.Name);
                Assert.Contains(service.Spec.Ports, p => p.Name == backend.Port.Name);
            }
        }
        var web = Assert.Single(rendered.All<V1Ingress>(), i => i.Metadata.Name == "taskchat-web");
        Assert.Equal("cookie", web.Metadata.Annotations["nginx.ingress.kubernetes.io/affinity"]);

        var autoscaled = rendered.All<V2HorizontalPodAutoscaler>().Select(h => h.Spec.ScaleTargetRef.Name).Order().ToList();
        Assert.Equal(["taskchat-api", "taskchat-mcp"], autoscaled);
        Assert.All(autoscaled, name => Assert.Contains(deployments, d => d.Metadata.Name == name));
        foreach (var budget in rendered.All<V1PodDisruptionBudget>())
        {
            Assert.Single(deployments, d => Selects(budget.Spec.Selector.MatchLabels, d.Spec.Template.Metadata.Labels));
        }
        Assert.Equal(3, rendered.All<V1PodDisruptionBudget>().Count());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Config_maps_and_secrets_referenced_exist(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);
        var configMaps = rendered.All<V1ConfigMap>().Select(c => c.Metadata.Name).ToHashSet();
        var secrets = rendered.All<V1Secret>().Select(s => s.Metadata.Name).ToHashSet();
        if (overlay == "production")
        {
            Assert.Empty(secrets); // created out of band, never rendered from git
            secrets.Add(ExternalSecret);
        }
        var pods = rendered.All<V1Deployment>().Select(d => d.Spec.Template.Spec)
            .Concat(rendered.All<V1Job>().Select(j => j.Spec.Template.Spec))
            .Concat(rendered.All<V1StatefulSet>().Select(s => s.Spec.Template.Spec));
        foreach (var container in pods.SelectMany(p => p.Containers))
        {
            foreach (var source in container.EnvFrom ?? [])
            {
                Assert.Contains(source.ConfigMapRef.Name, configMaps);
            }
            foreach (var variable in container.Env ?? [])
            {
                if (variable.ValueFrom?.ConfigMapKeyRef is { } configMapKey)
                {
                    Assert.Contains(configMapKey.Name, configMaps);
                    Assert.True(rendered.ConfigMap(configMapKey.Name).Data.ContainsKey(configMapKey.Key));
                }
                if (variable.ValueFrom?.SecretKeyRef is { } secretKey)
                {
                    Assert.Contains(secretKey.Name, secrets);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_migration_job_runs_migrate_from_an_image_of_the_release(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);
        var job = Assert.Single(rendered.All<V1Job>());
        var container = Assert.Single(job.Spec.Template.Spec.Containers);
        Assert.Equal(["migrate"], container.Args);
        Assert.Equal(rendered.Deployment(Service.Mcp).Spec.Template.Spec.Containers.Single().Image, container.Image);
        Assert.True(job.Spec.Template.Spec.SecurityContext.RunAsNonRoot);
        Assert.Contains(container.Env, e => e.Name == "DATABASE_URL" && e.ValueFrom.SecretKeyRef is not null);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Network_policies_let_only_web_to_api_api_to_mcp_and_the_jwks_through(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);
        var policies = rendered.All<V1NetworkPolicy>().ToList();
        Assert.Contains(policies, p => p.Spec.PodSelector.MatchLabels is null && p.Spec.Ingress is null && p.Spec.PolicyTypes.Contains("Ingress"));
        string[] From(string component) => [.. policies.Single(p => p.Spec.PodSelector.MatchLabels is { } labels && labels.TryGetValue("app.kubernetes.io/component", out var c) && c == component)
            .Spec.Ingress.SelectMany(rule => rule.FromProperty).Select(peer => peer.PodSelector?.MatchLabels?["app.kubernetes.io/component"] ?? "ingress-controller").Order()];
        Assert.Equal(["api"], From("mcp"));
        Assert.Equal(["ingress-controller", "web"], From("api"));
        Assert.Equal(["api", "ingress-controller", "mcp"], From("web"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_web_may_reach_outside_clients_metadata_and_an_smtp_server_and_reads_the_smtp_url_from_the_secret(string overlay)
    {
        var rendered = RenderedOverlay.Load(overlay);
        var web = rendered.All<V1NetworkPolicy>().Single(p => p.Spec.PodSelector.MatchLabels is { } labels
            && labels.TryGetValue("app.kubernetes.io/component", out var c) && c == "web");
        var ports = web.Spec.Egress.Where(rule => rule.To is null).SelectMany(rule => rule.Ports).Select(port => port.Port.Value).ToList();
        var smtpUrl = rendered.Deployment(Service.Web).Spec.Template.Spec.Containers.Single().Env.Single(e => e.Name == "SMTP_URL");

        Assert.Contains("443", ports); // An outside MCP client's metadata document (OAuth/ClientMetadataDocuments.cs).
        Assert.Contains("587", ports);
        Assert.Contains("465", ports);
        Assert.Equal(("taskchat-secrets", "SMTP_URL", true), (smtpUrl.ValueFrom.SecretKeyRef.Name, smtpUrl.ValueFrom.SecretKeyRef.Key, smtpUrl.ValueFrom.SecretKeyRef.Optional));
    }

    /// <summary>The container's environment as the pod would see it: image variables, ConfigMaps, env, Secret values.</summary>
    private static Dictionary<string, string> VariablesOf(RenderedOverlay rendered, Service service)
    {
        var container = rendered.Deployment(service).Spec.Template.Spec.Containers.Single();
        var variables = ServiceSettings.ImageVariables(service);
        foreach (var source in container.EnvFrom ?? [])
        {
            foreach (var (key, value) in rendered.ConfigMap(source.ConfigMapRef.Name).Data)
            {
                variables[key] = value;
            }
        }
        foreach (var variable in container.Env ?? [])
        {
            if (variable.Value is not null)
            {
                variables[variable.Name] = variable.Value;
            }
            else if (variable.ValueFrom?.SecretKeyRef is { } secretKey)
            {
                var secret = rendered.All<V1Secret>().SingleOrDefault(s => s.Metadata.Name == secretKey.Name);
                if (secret?.Data?.TryGetValue(secretKey.Key, out var bytes) == true)
                {
                    variables[variable.Name] = Encoding.UTF8.GetString(bytes);
                }
                else if (secretKey.Optional != true)
                {
                    // Production's out-of-band Secret holds a managed PostgreSQL URL (docs/deploy.md).
                    variables[variable.Name] = "postgresql://taskchat:s3cret@db.example.com:5432/taskchat?sslmode=require";
                }
            }
        }
        return variables;
    }

    private static void AssertNamesService(RenderedOverlay rendered, string url, Service service)
    {
        var uri = new Uri(url);
        var target = Assert.Single(rendered.All<V1Service>(), s => s.Metadata.Name == uri.Host);
        Assert.Equal($"taskchat-{service.ToString().ToLowerInvariant()}", target.Metadata.Name);
        Assert.Equal(ServiceSettings.Port(service), Assert.Single(target.Spec.Ports).Port);
    }

    private static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string> labels) =>
        selector is { Count: > 0 } && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);
}
