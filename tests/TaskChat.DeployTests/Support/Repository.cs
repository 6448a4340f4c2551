namespace TaskChat.DeployTests.Support;

/// <summary>The checkout the tests run from: the deploy files are read where they are, never copied.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TaskChat.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("TaskChat.slnx not found above " + AppContext.BaseDirectory);
    }
}
