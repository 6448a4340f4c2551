namespace TaskChat.Web.Sessions;

/// <summary>
/// "Firefox on Windows" from a User-Agent header: enough for a person to tell their sessions apart on
/// the account page, without a user-agent database. Order matters: Edge and Opera also say Chrome,
/// Chrome also says Safari, Android also says Linux, iOS also says Mac OS X.
/// </summary>
public static class DeviceNames
{
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"),
        ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"), ("curl/", "curl"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Windows", "Windows"), ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (not null, not null) => $"{browser} on {system}",
            (not null, null) => browser,
            (null, not null) => $"A browser on {system}",
            // Neither: a script or another client; its own first word says more than "unknown".
            _ => FirstWord(userAgent),
        };
    }

    private static string FirstWord(string userAgent)
    {
        var word = userAgent.Trim().Split([' ', '/', ';', '('], 2)[0];
        return word.Length is > 0 and <= 40 ? word : "Unknown device";
    }
}
