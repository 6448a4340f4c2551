using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using TaskChat.Data;
using TaskChat.Data.Model;
using TaskChat.Web.Api;

namespace TaskChat.Web.Auth;

/// <summary>
/// A user's IANA time zone (users.time_zone, the tokens' zoneinfo): set at sign-up from the browser
/// (wwwroot/js/app.js fills a hidden field), changed on /account, read by the tasks page for "today".
/// Only real IANA ids are stored; anything else a browser or a caller sends becomes UTC at sign-up
/// (a sign-up is never lost over a time zone) and is refused on the account page.
/// </summary>
internal sealed partial class UserTimeZones(IServiceScopeFactory scopes, ApiTokens tokens)
{
    public const string Default = "UTC";

    /// <summary>Every zone the account page offers: the machine's IANA zones, by name, with today's offset.</summary>
    public static IReadOnlyList<TimeZoneChoice> Choices { get; } = ListChoices();

    /// <summary>The stored zone for a sign-up: <paramref name="browserZone"/> when it is an IANA zone, otherwise UTC.</summary>
    public static string ForSignUp(string? browserZone) => TryNormalize(browserZone, out var id) ? id : Default;

    /// <summary>Whether <paramref name="candidate"/> names an IANA zone this machine knows; <paramref name="id"/> is it, trimmed.</summary>
    public static bool TryNormalize(string? candidate, out string id)
    {
        id = Default;
        var text = candidate?.Trim();
        // The shape first: a zone id is short ASCII ("America/Argentina/Buenos_Aires"), so nothing
        // else (a path, markup, a megabyte) ever reaches the zone lookup, which reads files by name.
        if (string.IsNullOrEmpty(text) || text.Length > FieldLimits.TimeZone || !IanaShape().IsMatch(text))
        {
            return false;
        }
        if (text == Default)
        {
            return true;
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone) || !zone.HasIanaId)
        {
            return false;
        }
        id = text;
        return true;
    }

    /// <summary>The user's stored zone (UTC when unknown); a cached api token with another zone is dropped.</summary>
    public async Task<string> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Default;
        }
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<UserManager<TaskChatUser>>().FindByIdAsync(userId);
        var zone = stored is not null && TryNormalize(stored.TimeZone, out var id) ? id : Default;
        tokens.ForgetIfZoneChanged(userId, zone);
        return zone;
    }

    /// <summary>Stores <paramref name="timeZone"/> for the user; false when it is not an IANA zone (nothing changes).</summary>
    public async Task<bool> SetAsync(ClaimsPrincipal user, string? timeZone)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !TryNormalize(timeZone, out var id))
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TaskChatUser>>();
        if (await users.FindByIdAsync(userId) is not { } stored)
        {
            return false;
        }
        stored.TimeZone = id;
        var updated = await users.UpdateAsync(stored);
        if (updated.Succeeded)
        {
            // This replica's next api call carries the new zoneinfo at once (others see it on their next tasks load).
            tokens.ForgetIfZoneChanged(userId, id);
        }
        return updated.Succeeded;
    }

    private static List<TimeZoneChoice> ListChoices()
    {
        var now = DateTime.UtcNow;
        var zones = TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.HasIanaId && z.Id.Contains('/', StringComparison.Ordinal) && !z.Id.StartsWith("Etc/", StringComparison.Ordinal)
                && TryNormalize(z.Id, out _))
            .Select(z => new TimeZoneChoice(z.Id, $"{z.Id.Replace('_', ' ')} ({Offset(z.GetUtcOffset(now))})"))
            .OrderBy(z => z.Id, StringComparer.Ordinal)
            .ToList();
        zones.Insert(0, new TimeZoneChoice(Default, "UTC (UTC+00:00)"));
        return zones;
    }

    private static string Offset(TimeSpan offset) =>
        "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IanaShape();
}

/// <summary>One zone of the account page's list: its IANA id and what the list shows.</summary>
internal sealed record TimeZoneChoice(string Id, string Label);
