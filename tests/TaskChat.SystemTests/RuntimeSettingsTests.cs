using System.Text.Json;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport.Processes;

namespace TaskChat.SystemTests;

/// <summary>
/// The runtime settings chosen by measurement (Directory.Build.targets, docs/performance.md) reach what the
/// runtime reads at start: each built service's runtimeconfig.json, which `dotnet publish` and the images
/// carry the same way. A project that stopped importing them would otherwise change speed and memory unnoticed.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Theory]
    [InlineData(TaskChatService.Mcp)]
    [InlineData(TaskChatService.Api)]
    [InlineData(TaskChatService.Web)]
    public void Each_service_runs_server_GC_with_DATAS_and_without_dynamic_PGO(TaskChatService service)
    {
        var dll = BuiltService.Dll(service);
        using var config = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(dll, ".runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(1, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
