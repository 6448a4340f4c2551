using TaskChat.Data;
using TaskChat.Data.Operations;
using TaskChat.ServiceDefaults;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;
using TaskChat.Web;
using TaskChat.Web.Api;
using TaskChat.Web.Auth;
using TaskChat.Web.Auth.Throttling;
using TaskChat.Web.Components;
using TaskChat.Web.Components.Layout;
using TaskChat.Web.Components.Pages.Chat;
using TaskChat.Web.Live;
using TaskChat.Web.Mail;
using TaskChat.Web.OAuth;
using TaskChat.Web.Security;
using TaskChat.Web.Sessions;
using TaskChat.Web.Tokens;

// The web service: sign-up and sign-in, the JWT issuer and its JWKS, the OAuth 2.1 authorization
// server for outside MCP clients (OAuth/), and the Blazor pages, which call the api with the
// signed-in user's token.
// `migrate` and `probe` are what its container image runs besides serving (docs/deploy.md).
if (await ServiceCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = TaskChatHost.CreateBuilder(args);
builder.AddServiceDefaults(TaskChatService.Web);
builder.AddTaskChatDatabase();
var web = builder.AddWebSettings();
builder.AddWebServices(web);
builder.AddIdentityStore(web);
builder.AddMail(web);
builder.AddAuthThrottling(web);
builder.AddUserSessions();
builder.AddTokenIssuer(web);
builder.AddOAuthServer(web);
builder.AddApiClient(web);
builder.AddLiveUpdates();
builder.Services.AddScoped<Notices>();
builder.Services.AddScoped<ApiAvailability>();
builder.Services.AddScoped<ChatTurnInFlight>(); // The tab's chat turn, beyond the chat page.
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
app.UseServiceDefaults();
app.UseBrowserSecurityHeaders();
app.UseNotFoundPage();
app.UseRouting(); // Here, after the not-found page's re-execution, so that its second pass routes to /not-found.
// Before authentication: OpenIddict answers the token and revocation requests there, and they are limited too.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapBackendHealth();
app.MapAuthApi();
app.MapSessionsApi();
app.MapAccountPages();
app.MapReminderEmailStop();
app.MapOAuthEndpoints();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
return await app.RunServiceAsync();

/// <summary>The entry point, public so that tests can host the service with WebApplicationFactory.</summary>
public partial class Program;
