using TaskChat.Api.Chat;
using TaskChat.Api.Conversations;
using TaskChat.Api.Export;
using TaskChat.Api.Extensions;
using TaskChat.Api.Tasks;
using TaskChat.Data;
using TaskChat.Data.Operations;
using TaskChat.ServiceDefaults;
using TaskChat.ServiceDefaults.Authentication;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

// The api service: REST tasks and conversations, and the chat agent, which reaches the mcp over
// MCP with the caller's token.
// `migrate` and `probe` are what its container image runs besides serving (docs/deploy.md).
if (await ServiceCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = TaskChatHost.CreateBuilder(args);
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

app.MapDefaultEndpoints();
app.MapApiDocuments();
app.MapTasksApi();
app.MapConversationsApi();
app.MapChatApi();
app.MapExportApi();
return await app.RunServiceAsync();

/// <summary>The entry point, public so that tests can host the service with WebApplicationFactory.</summary>
public partial class Program;
