using System.Web;
using Microsoft.Playwright;
using ModelContextProtocol.Authentication;

namespace TaskChat.Web.BrowserTests.OutsideClients;

/// <summary>
/// The person's browser in the authorization step: opens the authorization URL the client built in
/// a page already signed in, presses Allow (or Deny) on the consent page, and hands the client what
/// arrives at its redirect URI. Nothing listens there: the browser's request to it is intercepted,
/// as a desktop client's loopback listener would receive it.
/// </summary>
public sealed class ConsentInBrowser(IPage page, DiscoveryTranscript transcript)
{
    public bool Deny { get; init; }

    /// <summary>How many times the consent page was answered.</summary>
    public int Consents { get; private set; }

    /// <summary>For the C# SDK's ClientOAuthOptions.AuthorizationCallbackHandler.</summary>
    public async Task<AuthorizationResult?> AuthorizeAsync(AuthorizationCallbackContext context, CancellationToken cancellationToken)
    {
        var redirect = await ConsentAsync(context.AuthorizationUri, context.RedirectUri, cancellationToken);
        var query = HttpUtility.ParseQueryString(redirect.Query);
        return query["code"] is { } code
            ? new AuthorizationResult { Code = code, State = query["state"], Iss = query["iss"] }
            : null;
    }

    /// <summary>Opens the authorization URL, answers the consent page, and returns where the browser was sent back to.</summary>
    public async Task<Uri> ConsentAsync(Uri authorizationUri, Uri redirectUri, CancellationToken cancellationToken)
    {
        var redirectBase = redirectUri.GetLeftPart(UriPartial.Path);
        var arrived = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(url => url.StartsWith(redirectBase, StringComparison.Ordinal), async route =>
        {
            arrived.TrySetResult(new Uri(route.Request.Url));
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "Signed in: you can close this window." });
        });
        try
        {
            transcript.Note("browser: GET " + authorizationUri);
            await page.GotoAsync(authorizationUri.ToString());
            transcript.Note("browser: consent page for '" + await page.GetByTestId("consent-client").TextContentAsync() + "', scopes: "
                + string.Join(", ", await page.GetByTestId("consent-scope").AllTextContentsAsync()) + (Deny ? "; Deny pressed" : "; Allow pressed"));
            await page.GetByTestId(Deny ? "consent-deny" : "consent-allow").ClickAsync();
            Consents++;
            var redirect = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            transcript.Note("browser: redirected to " + redirect);
            return redirect;
        }
        finally
        {
            await page.UnrouteAllAsync();
        }
    }
}
