using Microsoft.AspNetCore.Components;
using TaskChat.Web.Api;
using TaskChat.Web.Components.Layout;

namespace TaskChat.Web.Components.Pages;

/// <summary>
/// A page (or part of one) that calls the api: one place turns the api's failures into what the
/// user sees, and reloads what could not be loaded once a down api answers again.
/// </summary>
public abstract class ApiPage : ComponentBase, IDisposable
{
    [Inject]
    internal ApiClient Api { get; set; } = default!;

    [Inject]
    internal ApiAvailability Availability { get; set; } = default!;

    [Inject]
    protected Notices Notices { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized() => Availability.Recovered += OnRecoveredAsync;

    /// <summary>
    /// Runs <paramref name="call"/>; false when it failed (and the user has been told, or sent to sign
    /// in). <paramref name="failed"/> says what was not saved, in place of the api's own words.
    /// </summary>
    protected Task<bool> CallAsync(Func<Task> call, string? failed = null) => CallAsync(call, failed, invalid: null);

    /// <summary>
    /// As <see cref="CallAsync(Func{Task}, string?)"/>, but a refusal of what was sent (422, 409: the
    /// api's own words) goes to <paramref name="invalid"/>, to be shown next to the field, not as a notice.
    /// </summary>
    protected async Task<bool> CallAsync(Func<Task> call, string? failed, Action<string>? invalid)
    {
        try
        {
            await call();
            Availability.ReportUp();
            return true;
        }
        catch (ApiException e) when (invalid is not null && e.Status is StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict or StatusCodes.Status422UnprocessableEntity)
        {
            Availability.ReportUp();
            invalid(e.Message);
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status401Unauthorized)
        {
            // The session is gone (signed out elsewhere, account removed): a full load re-checks the cookie.
            Navigation.NavigateTo("/sign-in", forceLoad: true);
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status503ServiceUnavailable)
        {
            Notices.Show(failed ?? Notices.Unavailable);
        }
        catch (ApiException e)
        {
            Notices.Show(failed is null ? e.Message : $"{failed} {e.Message}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // Refused, or a response that broke off (the api died while answering: a reset connection, or
            // HttpIOException for a response that ended early): the api is not answering.
            Availability.ReportDown();
            if (failed is not null)
            {
                Notices.Show(failed);
            }
        }
        return false;
    }

    /// <summary>The api answers again after it was down: load what the page could not.</summary>
    protected virtual Task OnApiRecoveredAsync() => Task.CompletedTask;

    private Task OnRecoveredAsync() => InvokeAsync(async () =>
    {
        await OnApiRecoveredAsync();
        StateHasChanged();
    });

    public virtual void Dispose()
    {
        Availability.Recovered -= OnRecoveredAsync;
        GC.SuppressFinalize(this);
    }
}
