using System.Text.Json;
using TaskChat.Contract;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Mcp.OAuth;

/// <summary>
/// Enforces the scopes per tool at the HTTP layer, where the MCP authorization specification puts
/// the answer: a tools/call the token's scopes do not cover gets 403 with
/// <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="…"</c>, so that a client can ask
/// the person for more (step-up authorization). The SDK's own authorization filters can only turn a
/// refused call into a JSON-RPC error inside a 200, which no client treats as a reason to
/// re-authorize; hence this check reads the JSON-RPC message before the SDK does.
/// A first-party token grants every scope, so the api's calls skip the read entirely.
/// </summary>
public static partial class ScopeCheck
{
    public static IApplicationBuilder UseScopeCheck(this IApplicationBuilder app, PathString path)
    {
        var settings = app.ApplicationServices.GetRequiredService<McpResourceSettings>();
        return app.UseWhen(
            context => HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(path) && context.User.Identity?.IsAuthenticated == true,
            branch => branch.Use(async (context, next) =>
            {
                var granted = TokenScopes.Granted(context.User, settings.FirstPartyAudience);
                if (McpScopes.All.All(granted.Contains))
                {
                    await next(context);
                    return;
                }
                var needed = granted.Overlaps(McpScopes.All)
                    ? await ScopesNeededAsync(context)
                    : [McpScopes.TasksRead]; // A token with no TaskChat scope reaches nothing, not even the tool list.
                var missing = needed.Where(scope => !granted.Contains(scope)).Distinct().ToList();
                if (missing.Count == 0)
                {
                    await next(context);
                    return;
                }
                LogInsufficientScope(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ScopeCheck)), string.Join(' ', missing));
                // The scopes to ask for next: those held plus those missing, so that a client which
                // replaces its grant (rather than adding to it) keeps what it could already do.
                var ask = McpScopes.All.Where(scope => granted.Contains(scope) || missing.Contains(scope));
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\", " +
                    string.Join(", ", settings.Protected.ChallengeParameters(ask)) +
                    $", error_description=\"This call needs the {string.Join(" and ", missing)} scope\"";
                await ProblemResponses.WriteAsync(context, StatusCodes.Status403Forbidden, ProblemCodes.InsufficientScope,
                    $"This token does not allow this call: it needs the {string.Join(" and ", missing)} scope. Connect the app again and allow it.");
            }));
    }

    /// <summary>
    /// The scopes the JSON-RPC message (or batch) needs: one per tools/call, by tool name. Anything
    /// unreadable needs none here: the request guard and the SDK answer it as they always do.
    /// The body is buffered and rewound, so the SDK reads it again from the start.
    /// </summary>
    private static async Task<List<string>> ScopesNeededAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        List<string> needed = [];
        try
        {
            using var message = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            IEnumerable<JsonElement> calls = message.RootElement.ValueKind == JsonValueKind.Array
                ? message.RootElement.EnumerateArray()
                : [message.RootElement];
            foreach (var call in calls.Where(c => c.ValueKind == JsonValueKind.Object))
            {
                if (call.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String
                    && method.GetString() == "tools/call"
                    && call.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                    && parameters.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    needed.Add(McpScopes.RequiredFor(name.GetString()!));
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: not ours to answer.
        }
        finally
        {
            context.Request.Body.Position = 0;
        }
        return needed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an MCP call: the token lacks the {Scopes} scope")]
    private static partial void LogInsufficientScope(ILogger logger, string scopes);
}
