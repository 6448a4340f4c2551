using System.Net.Http.Headers;
using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Authentication;

namespace TaskChat.Api.Authorization;

/// <summary>
/// Who a request acts for: the token's subject (the user id every query is scoped to) and the bearer
/// token itself, which the api forwards on its MCP requests so the mcp sees the same user. Endpoints
/// take it as a parameter (bound once per request by <see cref="BindAsync"/>); nothing has to
/// remember to set it.
/// </summary>
public sealed record Caller(string UserId, string BearerToken, string? TimeZone = null, string? Locale = null)
{
    /// <summary>Whose tasks the request works on, and the time zone their dates are read in.</summary>
    public TaskOwner Owner => TaskOwner.From(UserId, TimeZone);

    /// <summary>Minimal APIs' binding hook. Every route that takes a Caller requires authorization, so there is one.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context));

    /// <summary>The authenticated caller of <paramref name="context"/>, or null when there is none.</summary>
    public static Caller? From(HttpContext context) =>
        context.User.GetUserId() is { } userId && TokenOf(context.Request) is { } token
            ? new Caller(userId, token, context.User.GetTimeZoneId(), context.User.GetLocale())
            : null;

    // The token is a credential: it never goes into a log line or an exception message by way of ToString.
    public override string ToString() => $"Caller {{ UserId = {UserId}, TimeZone = {TimeZone} }}";

    private static string? TokenOf(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var value)
        && value.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(value.Parameter)
            ? value.Parameter
            : null;
}
