using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TaskChat.ServiceDefaults.Hosting;

/// <summary>
/// What every response of every service carries: <c>X-Content-Type-Options: nosniff</c> (a browser
/// must not run a JSON body or an error text as a script or a page because it looks like one) and a
/// <c>Referrer-Policy</c>. A service with pages sets its own policies as well (the web's
/// ContentSecurityPolicy); these are only added where it set none.
/// </summary>
public static class SecurityHeaders
{
    public const string NoSniff = "nosniff";

    /// <summary>The api and the mcp answer machines: no URL of theirs belongs in a Referer.</summary>
    public const string DefaultReferrerPolicy = "no-referrer";

    public static WebApplication UseBaselineSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // At the last moment, so that error pages and short-circuited answers get them too.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = NoSniff;
                if (!headers.ContainsKey("Referrer-Policy"))
                {
                    headers["Referrer-Policy"] = DefaultReferrerPolicy;
                }
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }
}
