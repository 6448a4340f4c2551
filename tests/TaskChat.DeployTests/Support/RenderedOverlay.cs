using System.Diagnostics;
using k8s;
using k8s.Models;

namespace TaskChat.DeployTests.Support;

/// <summary>
/// A kustomize overlay under deploy/kubernetes/overlays, rendered by `kubectl kustomize` (offline)
/// and loaded into KubernetesClient's typed models with its strict deserializer: a field the
/// Kubernetes API does not define fails the load, as the API server would refuse it.
/// </summary>
internal sealed class RenderedOverlay
{
    private static readonly Dictionary<string, RenderedOverlay> Cache = [];

    private static readonly string[] KubectlPaths = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"];

    private RenderedOverlay(string name, string yaml, IReadOnlyList<object> objects)
    {
        Name = name;
        Yaml = yaml;
        Objects = objects;
    }

    public string Name { get; }
    public string Yaml { get; }
    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public V1Deployment Deployment(Service service) =>
        All<V1Deployment>().Single(d => d.Metadata.Name == $"taskchat-{service.ToString().ToLowerInvariant()}");

    public V1ConfigMap ConfigMap(string name) => All<V1ConfigMap>().Single(c => c.Metadata.Name == name);

    public static RenderedOverlay Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var overlay))
            {
                var yaml = Kustomize(Repository.PathOf($"deploy/kubernetes/overlays/{name}"));
                overlay = new RenderedOverlay(name, yaml, KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true));
                Cache[name] = overlay;
            }
            return overlay;
        }
    }

    private static string Kustomize(string directory)
    {
        var kubectl = KubectlPaths.FirstOrDefault(File.Exists) ?? "kubectl";
        using var process = Process.Start(new ProcessStartInfo(kubectl, ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl kustomize {directory} took over 60 s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {directory} failed: {error.Result}");
        }
        return output.Result;
    }
}
