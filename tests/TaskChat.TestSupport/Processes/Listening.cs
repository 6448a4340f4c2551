namespace TaskChat.TestSupport.Processes;

/// <summary>Waits for a process to listen, failing with its output if it exits first.</summary>
public static class Listening
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>GETs <paramref name="url"/> once something listens there; the first answer, whatever its status.</summary>
    public static async Task<HttpResponseMessage> GetAsync(Uri url, TestProcess process)
    {
        var deadline = DateTime.UtcNow + TestProcess.Patience;
        while (true)
        {
            try
            {
                return await Http.GetAsync(url);
            }
            // A process still starting on a busy machine may take longer than the client's timeout to answer.
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The process exited before it listened on {url}. Output:{Environment.NewLine}{process.AllOutput}");
                }
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Waits until <paramref name="url"/> answers 2xx (a service's /health/ready).</summary>
    public static async Task WaitUntilOkAsync(Uri url, TestProcess process)
    {
        var deadline = DateTime.UtcNow + TestProcess.Patience;
        while (true)
        {
            using (var response = await GetAsync(url, process))
            {
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{url} did not answer 2xx within {TestProcess.Patience.TotalSeconds} s. Output:{Environment.NewLine}{process.AllOutput}");
            }
            await Task.Delay(250);
        }
    }

    public static Uri Url(int port, string path) => new($"http://127.0.0.1:{port}{path}");
}
