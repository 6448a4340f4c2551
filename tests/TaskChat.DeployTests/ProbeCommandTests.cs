using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using TaskChat.Data.Operations;

namespace TaskChat.DeployTests;

/// <summary>`dotnet TaskChat.Api.dll probe URL`: a container health check without curl.</summary>
public sealed class ProbeCommandTests : IAsyncLifetime
{
    private WebApplication? _app;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/health/ready", () => Results.Ok());
        _app.MapGet("/unhealthy", () => Results.StatusCode(503));
        _app.MapGet("/slow", async () => { await Task.Delay(5000); return Results.Ok(); });
        await _app.StartAsync();
        _baseUrl = _app.Urls.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/health/ready", 0)]
    [InlineData("/unhealthy", 1)]
    [InlineData("/missing", 1)]
    public async Task Exits_0_only_for_a_2xx_answer(string path, int expected)
    {
        Assert.Equal(expected, await ProbeAsync(_baseUrl + path));
    }

    [Fact]
    public async Task A_service_that_does_not_answer_in_time_is_unhealthy()
    {
        Assert.Equal(1, await ProbeAsync(_baseUrl + "/slow", "--timeout", "1"));
    }

    [Fact]
    public async Task A_closed_port_is_unhealthy_and_a_bad_url_is_a_usage_error()
    {
        Assert.Equal(1, await ProbeAsync("http://127.0.0.1:1/health/ready"));
        Assert.Equal(2, await ProbeAsync("not-a-url"));
        Assert.Equal(2, await ServiceCommands.RunAsync(["probe"], _ => null, TextWriter.Null, TextWriter.Null));
    }

    private static Task<int> ProbeAsync(params string[] args) =>
        ServiceCommands.RunAsync(["probe", .. args], _ => null, TextWriter.Null, TextWriter.Null);
}
