using TaskChat.Api.Chat;
using TaskChat.Api.Conversations;
using TaskChat.Api.Extensions;
using TaskChat.Api.Tasks;
using TaskChat.Data;
using TaskChat.ServiceDefaults;
using TaskChat.ServiceDefaults.Authentication;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

// The api service: REST tasks and conversations, and the chat agent, which reaches the mcp over
// MCP with the caller's token.
try
{
    var builder = WebApplication.CreateBuilder(TaskChatHost.Options(args));
    builder.AddServiceDefaults(TaskChatService.Api);
    builder.AddTaskChatDatabase();
    builder.AddJwtValidation();
    var api = builder.AddApiSettings();
    builder.AddApiServices(api);
    builder.AddChat(api);

    var app = builder.Build();
    app.UseServiceDefaults();
    // Before authentication: a preflight carries no token.
    app.UseCors(ApiServiceExtensions.CorsPolicy);
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();

    app.MapDefaultEndpoints();
    app.MapApiDocuments();
    app.MapTasksApi();
    app.MapConversationsApi();
    app.MapChatApi();
    await app.RunAsync();
    return 0;
}
catch (InvalidConfigurationException e)
{
    // Start-up refused: every bad variable by name (never a secret value), no stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

/// <summary>The entry point, public so that tests can host the service with WebApplicationFactory.</summary>
public partial class Program;
