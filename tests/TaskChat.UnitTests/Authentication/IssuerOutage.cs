using System.Net;
using System.Text;

namespace TaskChat.UnitTests.Authentication;

public enum OutageKind
{
    Unreachable,
    ServerError,
    NotJson,
    NotAKeySet,
}

/// <summary>Sits between the key cache and the test issuer; while an outage is on, the issuer is never reached.</summary>
internal sealed class IssuerOutage() : DelegatingHandler(new HttpClientHandler())
{
    private int _attempts;

    public OutageKind? Kind { get; set; }

    /// <summary>While set, a request waits for it (an issuer too busy to answer yet), or for its caller to leave.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Every request the cache made, answered or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }
        return await (Kind switch
        {
            null => base.SendAsync(request, cancellationToken),
            OutageKind.Unreachable => throw new HttpRequestException("Connection refused", null, HttpStatusCode.ServiceUnavailable),
            OutageKind.ServerError => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)),
            OutageKind.NotJson => Task.FromResult(Answer("<html>Bad gateway</html>")),
            OutageKind.NotAKeySet => Task.FromResult(Answer("[1, 2, 3]")),
            _ => throw new InvalidOperationException(),
        });
    }

    private static HttpResponseMessage Answer(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
