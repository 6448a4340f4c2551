namespace TaskChat.Web.Auth;

/// <summary>
/// Where to go after signing in: the page the user was sent away from, if it is a path on this
/// site. Anything else (an absolute URL, "//evil.example", "/\evil.example", a control character)
/// would make the sign-in page an open redirect, and is replaced by the chat. An outside app's
/// authorization request (/oauth/authorize?client_id=...) is such a path, and may be longer.
/// </summary>
public static class ReturnUrls
{
    public const string Default = "/chat";

    /// <summary>Most return URLs are a page's path; an OAuth authorization request (/oauth/authorize?...) may be longer.</summary>
    public const int MaxLength = 2048;
    public const int MaxAuthorizeLength = 8192;

    public static string SafeOrDefault(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl)
            || returnUrl.Length > (returnUrl.StartsWith(OAuth.OAuthPaths.Authorize + "?", StringComparison.Ordinal) ? MaxAuthorizeLength : MaxLength)
            || returnUrl[0] != '/'
            || (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\')
            || returnUrl.Any(c => char.IsControl(c) || c == '\\'))
        {
            return Default;
        }
        return returnUrl;
    }
}
