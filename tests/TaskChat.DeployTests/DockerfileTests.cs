using System.Xml.Linq;
using TaskChat.DeployTests.Support;

namespace TaskChat.DeployTests;

/// <summary>
/// The Dockerfile copies projects one by one (so the package layer survives source edits): a project
/// a service comes to reference must be copied too, or every image build fails on restore.
/// </summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> ProjectsTheServicesBuildFrom => [.. ReferencedProjects()];

    [Theory]
    [MemberData(nameof(ProjectsTheServicesBuildFrom))]
    public void The_restore_stage_copies_the_project_file_of_every_project_a_service_builds_from(string project)
    {
        var file = $"src/{project}/{project}.csproj";
        Assert.Contains($"COPY {file} src/{project}/", Dockerfile.Stage("restore"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProjectsTheServicesBuildFrom))]
    public void The_build_stage_copies_the_sources_of_every_project_a_service_builds_from(string project) =>
        Assert.Contains($"COPY src/{project}/ src/{project}/", Dockerfile.Stage("build"), StringComparison.Ordinal);

    /// <summary>The three services and everything they reference, followed through the project files.</summary>
    private static SortedSet<string> ReferencedProjects()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(ServiceSettings.All.Select(service => $"TaskChat.{service}"));
        while (pending.TryDequeue(out var project))
        {
            if (!found.Add(project))
            {
                continue;
            }
            var projectFile = XDocument.Load(Repository.PathOf($"src/{project}/{project}.csproj"));
            foreach (var reference in projectFile.Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Enqueue(Path.GetFileNameWithoutExtension(include));
            }
        }
        return found;
    }
}
