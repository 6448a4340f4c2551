using System.Reflection;
using TaskChat.Data.Connection;

namespace TaskChat.SystemTests.Processes;

/// <summary>The dlls this test project's build produced (its project references build them).</summary>
public static class BuiltService
{
    public static string RepositoryRoot { get; } =
        DatabaseUrl.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Not inside the TaskChat checkout.");

    public static string Mcp => Dll("TaskChat.Mcp");

    public static string Launcher => Dll("TaskChat.Launcher");

    private static string Dll(string project)
    {
        var configuration = typeof(BuiltService).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TaskChat.Configuration").Value!;
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var dll = Path.Combine(RepositoryRoot, "src", project, "bin", configuration, framework, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{project} is not built", dll);
    }
}
