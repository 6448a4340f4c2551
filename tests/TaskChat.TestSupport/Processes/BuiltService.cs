using TaskChat.Launcher.Running;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.TestSupport.Processes;

/// <summary>The built programs, found the way the launcher finds them (the test projects' references build them).</summary>
public static class BuiltService
{
    private static readonly Checkout Checkout = Checkout.Locate();

    public static string RepositoryRoot => Checkout.Root;

    public static string Launcher => Dll("TaskChat.Launcher");

    public static string Mcp => Dll(TaskChatService.Mcp);

    public static string Api => Dll(TaskChatService.Api);

    public static string Dll(TaskChatService service) => Dll(Project(service));

    /// <summary>A service's project folder: its working directory as a process, as under the launcher.</summary>
    public static string ProjectDirectory(TaskChatService service) => Checkout.ProjectDirectory(Project(service));

    /// <summary>A service's dll in <paramref name="folder"/>, where `dotnet publish -o` put it (the bench's as-shipped rows).</summary>
    public static string PublishedDll(string folder, TaskChatService service) => Path.Combine(folder, Project(service) + ".dll");

    private static string Project(TaskChatService service) => "TaskChat." + service;

    private static string Dll(string project) =>
        Checkout.FindDll(project) ?? throw new FileNotFoundException($"{project} is not built.", project + ".dll");
}
