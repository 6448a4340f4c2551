namespace TaskChat.Launcher.Running;

/// <summary>Asks a service's health endpoint whether it is up; never throws for a service that is down.</summary>
internal sealed class HealthProbe : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<bool> IsHealthyAsync(Uri url, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // this request's own timeout
        }
    }

    /// <returns>True once <paramref name="url"/> answers 2xx; false when <paramref name="cancellationToken"/> fires first.</returns>
    public async Task<bool> WaitUntilHealthyAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            while (!await IsHealthyAsync(url, cancellationToken))
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();
}
