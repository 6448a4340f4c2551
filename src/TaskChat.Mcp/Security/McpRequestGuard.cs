using System.Text.Json;
using TaskChat.Contract;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Mcp.Security;

/// <summary>
/// Answers with a 4xx what the MCP SDK would turn into a 500: a POST to /mcp that is not JSON (the
/// SDK reads it as JSON and throws), and a JSON-RPC message whose params lack required members
/// (the SDK throws a JsonException out of its handler, e.g. <c>initialize</c> with <c>{}</c>). Such
/// requests are the client's mistake: logged at Information, one line, no stack trace.
/// </summary>
public static partial class McpRequestGuard
{
    public static IApplicationBuilder UseMcpRequestGuard(this IApplicationBuilder app, PathString path) =>
        app.UseWhen(context => HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(path), branch => branch.Use(async (context, next) =>
        {
            if (!context.Request.HasJsonContentType())
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType,
                    "Send the JSON-RPC message with Content-Type: application/json.");
                return;
            }
            try
            {
                await next(context);
            }
            catch (JsonException e) when (!context.Response.HasStarted)
            {
                LogUnreadableParams(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(McpRequestGuard)), e.Message);
                await ProblemResponses.WriteAsync(context, StatusCodes.Status400BadRequest, ProblemCodes.BadRequest,
                    "The JSON-RPC message's params are malformed or miss required members.");
            }
        }));

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an MCP request with unreadable params: {Reason}")]
    private static partial void LogUnreadableParams(ILogger logger, string reason);
}
