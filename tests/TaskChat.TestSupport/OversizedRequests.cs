using System.Text;

namespace TaskChat.TestSupport;

/// <summary>
/// A request whose JSON body is over a server's limit, sent the one way such a test can rely on: with a
/// known length (StringContent; JsonContent and PostAsJsonAsync send chunked) and Expect: 100-continue.
/// Kestrel then refuses on the Content-Length before it asks for the body, so the client never writes it.
/// Chunked, Kestrel asks for the body, stops reading at the limit and closes the connection, and a client
/// still writing megabytes meets a broken pipe instead of the 413 (seen in CI, in three tests).
/// </summary>
public static class OversizedRequests
{
    public static HttpRequestMessage Json(HttpMethod method, string path, string json) => new(method, path)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
        Headers = { ExpectContinue = true },
    };
}
