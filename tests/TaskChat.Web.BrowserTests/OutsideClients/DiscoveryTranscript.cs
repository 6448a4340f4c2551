using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace TaskChat.Web.BrowserTests.OutsideClients;

/// <summary>
/// Records what an outside MCP client sends and receives while it discovers, registers, signs in
/// and calls: every HTTP exchange of the client, and the browser's steps, with every token, code and
/// verifier redacted. The transcript in docs/connect-mcp-clients.md is one of these.
/// </summary>
public sealed partial class DiscoveryTranscript
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();

    public void Note(string line)
    {
        lock (_gate)
        {
            _text.AppendLine(Redact(line));
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }

    /// <summary>A handler for the client's HttpClient that writes each exchange here.</summary>
    public DelegatingHandler Handler() => new RecordingHandler(this);

    public static string Redact(string text)
    {
        text = SecretParameter().Replace(text, m => m.Groups[1].Value + "[redacted]");
        text = SecretJsonMember().Replace(text, m => m.Groups[1].Value + "\"[redacted]\"");
        return BearerToken().Replace(text, "Bearer [redacted]");
    }

    [GeneratedRegex(@"((?:^|[?&\s])(?:code|code_verifier|code_challenge|refresh_token|access_token|state)=)[^&\s]+")]
    private static partial Regex SecretParameter();

    [GeneratedRegex("(\"(?:access_token|refresh_token|id_token|code)\"\\s*:\\s*)\"[^\"]*\"")]
    private static partial Regex SecretJsonMember();

    [GeneratedRegex(@"Bearer [A-Za-z0-9\-_\.]{20,}")]
    private static partial Regex BearerToken();

    private sealed class RecordingHandler(DiscoveryTranscript transcript) : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var lines = new StringBuilder();
            lines.Append("> ").Append(request.Method).Append(' ').Append(request.RequestUri).AppendLine();
            if (request.Headers.Authorization is { } authorization)
            {
                lines.Append("  Authorization: ").Append(authorization.Scheme).AppendLine(" [redacted]");
            }
            if (request.Content is not null)
            {
                var body = await request.Content.ReadAsStringAsync(cancellationToken);
                lines.Append("  ").AppendLine(Shorten(body));
            }
            var response = await base.SendAsync(request, cancellationToken);
            lines.Append("< ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase).AppendLine();
            foreach (var challenge in response.Headers.WwwAuthenticate)
            {
                lines.Append("  WWW-Authenticate: ").Append(challenge).AppendLine();
            }
            if (response.Content.Headers.ContentType is MediaTypeHeaderValue { MediaType: "application/json" })
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                lines.Append("  ").AppendLine(Shorten(await response.Content.ReadAsStringAsync(cancellationToken)));
            }
            transcript.Note(lines.ToString().TrimEnd());
            return response;
        }

        // Redacted before shortening: a cut secret would no longer match the patterns.
        private static string Shorten(string body)
        {
            body = Redact(body);
            return body.Length <= 1500 ? body : body[..1500] + " …";
        }
    }
}
