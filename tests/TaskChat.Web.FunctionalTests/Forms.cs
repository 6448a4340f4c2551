using System.Net;
using System.Text.RegularExpressions;

namespace TaskChat.Web.FunctionalTests;

/// <summary>Posting a server-rendered form as a browser does: load the page (antiforgery cookie and field), then post to it.</summary>
public static partial class Forms
{
    /// <summary><paramref name="formName"/>: the form's name on a page with several (the page's name otherwise).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, Dictionary<string, string> fields, Action<HttpRequestMessage>? prepare = null, string? formName = null)
    {
        using var formPage = new HttpRequestMessage(HttpMethod.Get, page);
        prepare?.Invoke(formPage);
        using var form = await browser.SendAsync(formPage);
        fields["__RequestVerificationToken"] = AntiforgeryToken(await form.Content.ReadAsStringAsync());
        fields["_handler"] = formName ?? page;
        var post = new HttpRequestMessage(HttpMethod.Post, page) { Content = new FormUrlEncodedContent(fields) };
        prepare?.Invoke(post);
        return await browser.SendAsync(post);
    }

    public static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(TokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery field in the page."));

    /// <summary>The form's error line, as a person reads it.</summary>
    public static string? Error(string html) =>
        ErrorLine().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("data-testid=\"form-error\"[^>]*>([^<]*)<")]
    private static partial Regex ErrorLine();
}
