using System.Text;

namespace TaskChat.TestSupport;

/// <summary>
/// A request whose JSON body is over a server's limit, sent the one way such a test can rely on: with a
/// known length (StringContent; JsonContent and PostAsJsonAsync send chunked) and Expect: 100-continue.
/// Kestrel then refuses on the Content-Length before it asks for the body, so the client never writes it.
/// Chunked, Kestrel asks for the body, stops reading at the limit and closes the connection, and a client
/// still writing megabytes meets a broken pipe instead of the 413 (seen in CI, in three tests). Over a real socket,
/// send it with <see cref="Client"/>.
/// </summary>
public static class OversizedRequests
{
    /// <summary>
    /// A client for such a request to a server over a socket: it waits a minute for "100 Continue" or the refusal. By
    /// default it waits one second and then writes the body anyway, and on a busy machine Kestrel's 413 came later than
    /// that, so the client met the closed connection (ci122: the mcp's oversized-body test).
    /// </summary>
    public static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = baseAddress };

    public static HttpRequestMessage Json(HttpMethod method, string path, string json) => new(method, path)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
        Headers = { ExpectContinue = true },
    };
}
