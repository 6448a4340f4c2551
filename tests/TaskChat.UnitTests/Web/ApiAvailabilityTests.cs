using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TaskChat.TestSupport;
using TaskChat.Web.Api;
using TaskChat.Web.Components.Layout;

namespace TaskChat.UnitTests.Web;

/// <summary>
/// A page that could not load while the api was down loads once it answers again (ApiAvailability polls its readiness).
/// Found by CI (ci142, an outage test at load 40–50): an api ready again but too slow for the page's first call made the
/// reload fail, which reported the api down while the poll was still running, so no poll started again and the tasks page
/// kept "couldn't be loaded" for good.
/// </summary>
public class ApiAvailabilityTests
{
    [Fact]
    public async Task A_reload_that_fails_just_after_the_api_is_back_keeps_the_poll_going_until_one_works()
    {
        var clock = new FakeTimeProvider();
        using var http = new HttpClient(new AlwaysReady()) { BaseAddress = new Uri("http://api.test/") };
        // Only its readiness probe is used here: no token, no user, no chat.
        var api = new ApiClient(http, tokens: null!, auth: null!, retryKeys: new ChatRetryKeys());
        var notices = new Notices();
        using var availability = new ApiAvailability(api, notices, clock, NullLogger<ApiAvailability>.Instance);
        var reloads = 0;
        availability.Recovered += () =>
        {
            // The first reload fails as a page's call does (reported down); the second goes through.
            if (Interlocked.Increment(ref reloads) == 1)
            {
                availability.ReportDown();
            }
            else
            {
                availability.ReportUp();
            }
            return Task.CompletedTask;
        };

        availability.ReportDown();
        await Eventually.TrueAsync(() =>
        {
            clock.Advance(ApiAvailability.PollEvery);
            return Volatile.Read(ref reloads) >= 2;
        }, "the page was not reloaded again after its first reload failed", TimeSpan.FromSeconds(10));

        Assert.Equal(2, reloads);
        Assert.False(availability.IsDown);
        Assert.DoesNotContain(notices.Items, n => n.Text == Notices.ServerDown);
    }

    private sealed class AlwaysReady : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(request.RequestUri!.AbsolutePath == "/health/ready" ? HttpStatusCode.OK : HttpStatusCode.NotFound));
    }
}
