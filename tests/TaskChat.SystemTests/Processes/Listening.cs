namespace TaskChat.SystemTests.Processes;

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
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                Assert.True(!process.HasExited, $"The process exited before it listened on {url}. Output:{Environment.NewLine}{process.AllOutput}");
                await Task.Delay(200);
            }
        }
    }

    public static Uri Url(int port, string path) => new($"http://127.0.0.1:{port}{path}");
}
