namespace TaskChat.Web.Auth;

/// <summary>
/// Where to go after signing in: the page the user was sent away from, if it is a path on this
/// site. Anything else (an absolute URL, "//evil.example", "/\evil.example", a control character)
/// would make the sign-in page an open redirect, and is replaced by the chat.
/// </summary>
public static class ReturnUrls
{
    public const string Default = "/chat";

    public static string SafeOrDefault(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048
            || returnUrl[0] != '/'
            || (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\')
            || returnUrl.Any(c => char.IsControl(c) || c == '\\'))
        {
            return Default;
        }
        return returnUrl;
    }
}
