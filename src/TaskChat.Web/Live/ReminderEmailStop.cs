using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using TaskChat.Contract;
using TaskChat.Data.Model;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Web.Live;

/// <summary>
/// "Stop these emails" in every reminder email, in one click and without signing in: the List-Unsubscribe and
/// List-Unsubscribe-Post headers (RFC 8058), which mail programs show as an "Unsubscribe" button and mail providers expect
/// of automatic mail, and the same link in the text. The link's token is the user's id and when it was made, protected by
/// the web's Data Protection key ring (so any replica reads it) and good for <see cref="LinkLifetime"/>. It can do one thing:
/// turn the user's reminder emails off (<c>users.email_reminders</c>), which the account page turns back on. Its GET only
/// shows a page that asks, since mail scanners open links; the one-click POST a mail provider sends and the page's button
/// turn them off.
/// </summary>
public sealed class ReminderEmailStop(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>The address in the headers and the text: POST stops (one click), GET shows <see cref="PagePath"/>.</summary>
    public const string LinkPath = "/api/reminder-emails/stop";

    /// <summary>The page that asks before it stops them.</summary>
    public const string PagePath = "/stop-reminder-emails";

    public const string InvalidLinkText = "This link has expired or isn't one TaskChat sent. Reminder emails can be turned off on your account page.";

    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(90);

    /// <summary>No token this makes is near this long; a longer one is refused before it is decoded.</summary>
    private const int MaxTokenLength = 1024;

    private readonly IDataProtector _protector = protection.CreateProtector("TaskChat.ReminderEmails.Stop");

    /// <summary>The link for <paramref name="userId"/>'s emails, under <paramref name="issuer"/> (the web's public URL).</summary>
    public string LinkFor(string issuer, string userId) => $"{issuer}{LinkPath}?token={TokenFor(userId)}";

    /// <summary>Data Protection's string form: base64url, nothing a URL must escape.</summary>
    public string TokenFor(string userId) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{userId}\n{clock.GetUtcNow().ToUnixTimeSeconds()}"));

    /// <summary>The user a token stops the emails of, or null when it is expired, altered, or not one the web made.</summary>
    public string? UserIdOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }
        string text;
        try
        {
            text = _protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline <= 0 || !long.TryParse(text.AsSpan(newline + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var madeAt))
        {
            return null;
        }
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(madeAt, DateTimeOffset.MaxValue.ToUnixTimeSeconds() - 1));
        return age <= LinkLifetime ? text[..newline] : null;
    }

    /// <summary>The account a token names, or null.</summary>
    public async Task<TaskChatUser?> FindAsync(UserManager<TaskChatUser> users, string? token) =>
        UserIdOf(token) is { } userId ? await users.FindByIdAsync(userId) : null;

    /// <summary>Turns the token's user's reminder emails off; false when the token names nobody.</summary>
    public async Task<bool> StopAsync(UserManager<TaskChatUser> users, string? token)
    {
        // Twice at most: Identity's concurrency stamp refuses a write over a change made in between (another tab).
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await FindAsync(users, token) is not { } user)
            {
                return false;
            }
            if (!user.EmailReminders)
            {
                return true;
            }
            user.EmailReminders = false;
            if ((await users.UpdateAsync(user)).Succeeded)
            {
                return true;
            }
        }
        throw new InvalidOperationException("The account kept changing while its reminder emails were being turned off.");
    }

    /// <summary>
    /// The one-click POST (a mail provider's, body <c>List-Unsubscribe=One-Click</c>): 200, or 400 <c>invalid_token</c>. The
    /// page's button posts <c>from=page</c> and is sent back to the page, which says what happened. No cookie or antiforgery
    /// field is asked for: the token is what allows it, and it can only turn emails off.
    /// </summary>
    internal static async Task<IResult> StopAsync(string? token, HttpContext context, ReminderEmailStop stop, UserManager<TaskChatUser> users)
    {
        var fromPage = await FieldAsync(context, "from") == "page";
        var stopped = await stop.StopAsync(users, token);
        if (fromPage)
        {
            return TypedResults.Redirect($"{PagePath}?token={Uri.EscapeDataString(token ?? "")}{(stopped ? "&done=1" : "")}");
        }
        return stopped
            ? TypedResults.Text("Reminder emails are off.", "text/plain; charset=utf-8")
            : ProblemResponses.Problem(StatusCodes.Status400BadRequest, ProblemCodes.InvalidToken, InvalidLinkText);
    }

    // A form field of the POST, or null: a body that is not a form, one past the form limits, or a multipart body that ends
    // before its boundary does (the reader's IOException, a 500 before), is no field (the one-click POST's body matters to
    // nobody here, only its token). A body over the request limit is still the 413 (BadHttpRequestException, an IOException too).
    private static async Task<string?> FieldAsync(HttpContext context, string name)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }
        try
        {
            return (await context.Request.ReadFormAsync(context.RequestAborted))[name];
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
        {
            return null;
        }
    }
}
