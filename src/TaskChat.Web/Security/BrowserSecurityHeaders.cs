using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Web.Security;

/// <summary>
/// The web's browser hardening, on every response (pages, JSON, static files):
/// <list type="bullet">
/// <item>a Content-Security-Policy that lets scripts come only from the web itself, plus the one inline
/// script Blazor renders, its import map, allowed by its SHA-256 (it is the same on every page, so
/// enhanced navigation keeps it valid, which a per-request nonce would not); the circuit's WebSocket
/// and fetches only to the web; no plugins; no framing; forms and &lt;base&gt; only to the web;</item>
/// <item>Referrer-Policy same-origin (a same-origin POST keeps its Origin header, which the CSRF check reads);</item>
/// <item>HSTS in production when the public URL is https (browsers ignore it over plain http).</item>
/// </list>
/// Styles allow 'unsafe-inline': Blazor's default reconnection dialog injects a &lt;style&gt; element,
/// and CSS cannot run script in a current browser. Scripts never do.
/// </summary>
public static class BrowserSecurityHeaders
{
    public const string ReferrerPolicy = "same-origin";

    /// <summary>
    /// An HttpContext item: one more origin the page's forms may lead to (an OAuth client's redirect
    /// URI after consent, which Chromium checks against form-action; see OAuth/OAuthFormTargets).
    /// </summary>
    public const string ExtraFormActionKey = "taskchat.csp.form-action";

    /// <summary>A year, the usual HSTS lifetime; subdomains are left to whoever owns the parent domain.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    private const string PolicyAfterScripts =
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "frame-ancestors 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'";

    /// <summary>The import map's hash, per distinct import map (one per deployment).</summary>
    private static readonly ConcurrentDictionary<string, string> ImportMapHashes = new(StringComparer.Ordinal);

    public static WebApplication UseBrowserSecurityHeaders(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<TaskChatSettings>();
        var hsts = settings.IsProduction && settings.Auth.Issuer.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = PolicyFor(context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>(),
                    context.Items[ExtraFormActionKey] as string);
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers.XFrameOptions = "DENY"; // frame-ancestors' predecessor, for browsers without CSP 2.
                if (hsts)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>The policy for a response whose page renders <paramref name="importMap"/> (the &lt;ImportMap /&gt; in App.razor), if any.</summary>
    public static string PolicyFor(ImportMapDefinition? importMap, string? extraFormAction = null) =>
        "default-src 'self'; script-src 'self'" + (importMap is null ? "" : " " + HashSource(importMap.ToString())) + "; " + PolicyAfterScripts
        + (IsOrigin(extraFormAction) ? " " + extraFormAction : "");

    /// <summary>Only a bare http(s) origin goes into the policy: nothing that could end the directive.</summary>
    private static bool IsOrigin(string? text) =>
        text is not null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && uri.GetLeftPart(UriPartial.Authority) == text && !text.Any(c => c is ';' or ',' or ' ' or '\'' || char.IsControl(c));

    /// <summary>A CSP hash source for an inline script whose text is exactly <paramref name="script"/>.</summary>
    public static string HashSource(string script) =>
        ImportMapHashes.GetOrAdd(script, static text => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'");
}
