using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using TaskChat.Web.Live;

namespace TaskChat.Web.Components.Live;

/// <summary>
/// A component that hears the signed-in user's events (<see cref="UserEventHub"/>) while its page is
/// open. It subscribes only once interactive: the prerendered pass has no circuit to push to.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private UserEventHub Hub { get; set; } = default!;

    /// <summary>The signed-in user's id, once known (null before, and for nobody signed in).</summary>
    protected string? UserId { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is null)
        {
            return;
        }
        UserId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (UserId is not null && RendererInfo.IsInteractive)
        {
            _subscription = Hub.Subscribe(UserId, live => InvokeAsync(() => OnLiveEventAsync(live)));
        }
        await OnUserKnownAsync();
    }

    /// <summary>After <see cref="UserId"/> is set: load what the component shows.</summary>
    protected virtual Task OnUserKnownAsync() => Task.CompletedTask;

    /// <summary>Runs on the component's own dispatcher (renders are safe); StateHasChanged is up to it.</summary>
    protected abstract Task OnLiveEventAsync(LiveEvent live);

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
