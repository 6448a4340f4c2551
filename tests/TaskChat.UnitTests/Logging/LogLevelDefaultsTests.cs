using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskChat.ServiceDefaults;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.UnitTests.Logging;

/// <summary>What reaches the one terminal a person watches: start, stop and failures, not every resilience attempt.</summary>
public sealed class LogLevelDefaultsTests
{
    [Theory]
    [InlineData(TaskChatService.Api)]
    [InlineData(TaskChatService.Mcp)]
    [InlineData(TaskChatService.Web)]
    public async Task Resilience_attempts_are_not_logged_at_information_but_their_warnings_are(TaskChatService service)
    {
        await using var app = Build(service, new());
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        foreach (var category in new[] { "Polly", "Microsoft.Extensions.Resilience", "Microsoft.Extensions.Http.Resilience.ResilienceHandler" })
        {
            Assert.False(loggers.CreateLogger(category).IsEnabled(LogLevel.Information), category);
            Assert.True(loggers.CreateLogger(category).IsEnabled(LogLevel.Warning), category);
        }
        Assert.True(loggers.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("TaskChat.Api.Chat.ChatApi").IsEnabled(LogLevel.Information));
    }

    [Theory]
    [InlineData(TaskChatService.Api)]
    [InlineData(TaskChatService.Mcp)]
    public async Task The_mcp_sdks_lines_per_call_are_not_logged_at_information_but_its_warnings_are(TaskChatService service)
    {
        await using var app = Build(service, new());
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        foreach (var category in new[] { "ModelContextProtocol.Server.McpServer", "ModelContextProtocol.Client.McpClient", "ModelContextProtocol.AspNetCore.StreamableHttpHandler" })
        {
            Assert.False(loggers.CreateLogger(category).IsEnabled(LogLevel.Information), category);
            Assert.True(loggers.CreateLogger(category).IsEnabled(LogLevel.Warning), category);
        }
        Assert.True(loggers.CreateLogger("TaskChat.Mcp.Tools.IdempotentToolCalls").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task The_agent_frameworks_line_per_turn_is_not_logged_at_information_but_its_warnings_are()
    {
        await using var app = Build(TaskChatService.Api, new());
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        // ChatClientAgent logs "Agent … Invoked client … with message count" at Information on every turn.
        var agent = loggers.CreateLogger("Microsoft.Agents.AI.ChatClientAgent");
        Assert.False(agent.IsEnabled(LogLevel.Information));
        Assert.True(agent.IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("TaskChat.Api.Chat.ChatTurnRunner").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task A_logging_variable_still_turns_the_mcp_sdks_lines_back_on()
    {
        await using var app = Build(TaskChatService.Mcp, new() { ["Logging:LogLevel:ModelContextProtocol"] = "Information" });

        Assert.True(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ModelContextProtocol.Server.McpServer").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task A_logging_variable_still_turns_the_attempts_back_on()
    {
        await using var app = Build(TaskChatService.Api, new() { ["Logging:LogLevel:Polly"] = "Information" });

        Assert.True(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Polly").IsEnabled(LogLevel.Information));
    }

    private static WebApplication Build(TaskChatService service, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults(service);
        return builder.Build();
    }
}
