using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.AspNetCore.Identity;
using TaskChat.Data;
using TaskChat.Data.Model;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Web.Auth;

public static class IdentityExtensions
{
    public const string SessionCookieName = "taskchat.session";

    /// <summary>
    /// Users in the shared database (ASP.NET Core Identity), a session cookie (HttpOnly, SameSite=Lax,
    /// Secure in production, sliding over the idle time; what it names is a server-side session, see
    /// Sessions/), lockout after 5 failed sign-ins for 5 minutes, and Data
    /// Protection keys in the database so that every replica reads every replica's cookies, encrypted
    /// there with the key ring certificate so that a copy of the database opens neither cookies nor
    /// signing keys.
    /// </summary>
    public static WebApplicationBuilder AddIdentityStore(this WebApplicationBuilder builder, WebSettings web)
    {
        var settings = builder.GetServiceConfiguration().Shared;
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("TaskChat")
            .PersistKeysToDbContext<TaskChatDbContext>();
        // After PersistKeysToDbContext's own configuration, so that there is a repository to wrap.
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, services) =>
            options.XmlRepository = new KeyRingReads(options.XmlRepository!, services, services.GetRequiredService<ILogger<KeyRingReads>>()));
        if (web.KeyRing is { } certificates)
        {
            // Linux has no certificate store to look a decrypting certificate up in: name each one.
            dataProtection.ProtectKeysWithCertificate(certificates.Current)
                .UnprotectKeysWithAnyCertificate([certificates.Current, .. certificates.Previous]);
        }
        else
        {
            // Development only (production refuses to start without it): said once, by us, rather
            // than by Data Protection's own "No XML encryptor configured" warning.
            builder.Services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new NullXmlEncryptor());
            builder.Services.AddHostedService<UnencryptedKeyRingWarning>();
        }

        builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();

        builder.Services.AddIdentityCore<TaskChatUser>(options =>
        {
            options.User.RequireUniqueEmail = true;
            options.User.AllowedUserNameCharacters = ""; // The user name is the email: any character an address may hold.
            options.Password.RequiredLength = PasswordRules.MinLength;
            options.Password.RequireDigit = true;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.Password.RequiredUniqueChars = 1;
            options.Lockout.AllowedForNewUsers = true;
            options.Lockout.MaxFailedAccessAttempts = 5;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            options.Tokens.EmailConfirmationTokenProvider = EmailConfirmations.ProviderName;
        })
            .AddEntityFrameworkStores<TaskChatDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<TaskChatClaims>()
            .AddPasswordValidator<PasswordRules>()
            // The password-reset links' tokens (PasswordResets): Data Protection, bound to the security stamp.
            .AddTokenProvider<DataProtectorTokenProvider<TaskChatUser>>(TokenOptions.DefaultProvider)
            // The email confirmation links' (EmailConfirmations): days, not the reset's hour, and a purpose of their own.
            .AddTokenProvider<EmailConfirmationTokenProvider>(EmailConfirmations.ProviderName);
        builder.Services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = PasswordResets.LinkLifetime);
        builder.Services.AddScoped<Accounts>();
        builder.Services.AddScoped<PasswordResets>();
        builder.Services.AddScoped<EmailConfirmations>();
        builder.Services.AddSingleton<UserTimeZones>();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = SessionCookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = settings.IsProduction ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            // The session row decides (idle and absolute ends, revocation); the cookie merely lasts as long.
            cookie.ExpireTimeSpan = web.Sessions.Idle;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/sign-in";
            // A script or the api client calling a JSON endpoint wants a status, not the sign-in page.
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return ProblemResponses.WriteAsync(context.HttpContext, status, ProblemResponses.CodeFor(status),
                status == StatusCodes.Status401Unauthorized ? "Sign in first." : "You may not do that.");
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private sealed class UnencryptedKeyRingWarning(ILogger<UnencryptedKeyRingWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("{Variable} is not set: the Data Protection keys (session cookies, signing keys) are stored unencrypted in the database. Development only; production requires it.", KeyRingCertificates.Variable);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
