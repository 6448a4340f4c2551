using Microsoft.AspNetCore.Components;
using TaskChat.Web.Api;
using TaskChat.Web.Components.Layout;

namespace TaskChat.Web.Components.Pages;

/// <summary>A page that calls the api: one place turns the api's failures into what the user sees.</summary>
public abstract class ApiPage : ComponentBase
{
    [Inject]
    internal ApiClient Api { get; set; } = default!;

    [Inject]
    protected Notices Notices { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>Runs <paramref name="call"/>; false when it failed (and the user has been told, or sent to sign in).</summary>
    protected async Task<bool> CallAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status401Unauthorized)
        {
            // The session is gone (signed out elsewhere, account removed): a full load re-checks the cookie.
            Navigation.NavigateTo("/sign-in", forceLoad: true);
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status503ServiceUnavailable)
        {
            Notices.Show(Notices.Unavailable);
        }
        catch (ApiException e)
        {
            Notices.Show(e.Message);
        }
        catch (HttpRequestException)
        {
            Notices.Show(Notices.NoConnection);
        }
        return false;
    }
}
