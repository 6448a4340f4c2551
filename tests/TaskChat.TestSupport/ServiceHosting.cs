namespace TaskChat.TestSupport;

/// <summary>How a <see cref="SystemBuilder"/> runs the services.</summary>
public enum ServiceHosting
{
    /// <summary>In the test process (WebApplicationFactory on real sockets): tests may reach into the services.</summary>
    InProcess,

    /// <summary>Each from its built dll, as a deployment runs it.</summary>
    Processes,

    /// <summary>All three under the real launcher (`TaskChat.Launcher.dll run`): the one-command product.</summary>
    Launcher,
}
