using System.Reflection;
using TaskChat.Data.Connection;

namespace TaskChat.Launcher.Running;

/// <summary>
/// The repository the launcher was built from, and where the services' dlls are. The build records
/// the root and the configuration in the launcher's assembly, so it works from any current folder.
/// </summary>
public sealed class Checkout(string root, string configuration)
{
    public string Root { get; } = root;

    public string Configuration { get; } = configuration;

    public static Checkout Locate()
    {
        var metadata = typeof(Checkout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value);
        var root = metadata.GetValueOrDefault("TaskChat.RepoRoot");
        if (string.IsNullOrEmpty(root) || !File.Exists(Path.Combine(root, "TaskChat.slnx")))
        {
            // Built elsewhere and copied: look around the dll and the current folder instead.
            root = DatabaseUrl.FindRepositoryRoot(AppContext.BaseDirectory)
                ?? DatabaseUrl.FindRepositoryRoot(Directory.GetCurrentDirectory())
                ?? throw new LaunchConfigurationException("cannot find the TaskChat checkout (the folder with TaskChat.slnx): run the launcher from inside it.");
        }
        var configuration = metadata.GetValueOrDefault("TaskChat.Configuration");
        return new Checkout(Path.GetFullPath(root), string.IsNullOrEmpty(configuration) ? "Debug" : configuration);
    }

    /// <summary>A project's folder under src/: a service's working directory, so that it finds its content files.</summary>
    public string ProjectDirectory(string project) => Path.Combine(Root, "src", project);

    internal string ProjectDirectory(LaunchedService service) => ProjectDirectory(service.Project);

    internal string? FindDll(LaunchedService service) => FindDll(service.Project);

    /// <summary>
    /// The built dll of src/<paramref name="project"/>: the launcher's own configuration first (what
    /// `dotnet run` just built), else Debug or Release, the newest if there are several target frameworks.
    /// </summary>
    public string? FindDll(string project)
    {
        var bin = Path.Combine(ProjectDirectory(project), "bin");
        foreach (var configuration in new[] { Configuration, "Debug", "Release" }.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var folder = Path.Combine(bin, configuration);
            if (!Directory.Exists(folder))
            {
                continue;
            }
            var newest = Directory.EnumerateDirectories(folder)
                .Select(framework => new FileInfo(Path.Combine(framework, project + ".dll")))
                .Where(dll => dll.Exists)
                .MaxBy(dll => dll.LastWriteTimeUtc);
            if (newest is not null)
            {
                return newest.FullName;
            }
        }
        return null;
    }

    /// <summary>A path relative to the checkout, for messages.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path);
}
