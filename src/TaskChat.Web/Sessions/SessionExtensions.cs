using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using TaskChat.Data.Accounts;

namespace TaskChat.Web.Sessions;

public static class SessionExtensions
{
    /// <summary>
    /// Server-side sessions: Identity's cookie backed by user_sessions rows, open pages revalidating
    /// theirs, expired rows pruned. Call after AddIdentityStore (it replaces the circuits' auth state provider).
    /// </summary>
    public static WebApplicationBuilder AddUserSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SessionRecords>();
        builder.Services.AddSingleton<DatabaseTicketStore>();
        builder.Services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, UseDatabaseTicketStore>();
        builder.Services.AddScoped<SessionSignIn>();
        builder.Services.AddScoped<AccountSecurity>();
        builder.Services.AddScoped<AccountErasure>();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        builder.Services.AddHostedService<SessionPruning>();
        return builder;
    }
}
