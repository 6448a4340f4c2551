using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using TaskChat.Contract;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;

namespace TaskChat.Web.BrowserTests.OutsideClients;

/// <summary>
/// An outside MCP client against TaskChat as its one command starts it: the official C# SDK's
/// client with ClientOAuthOptions discovers the web from the mcp's 401, registers, sends the person
/// to sign in and consent (a headless Chromium presses Allow), exchanges the code with PKCE for a
/// token for the mcp's resource, and calls the tools as that person and only that person.
/// </summary>
[Collection(OutageProduct.Name)] // Its lane (Stacks.cs); its own stack, away from the outages.
public sealed class OutsideMcpClientTests(RunningTaskChat stack) : BrowserTest(stack), IClassFixture<RunningTaskChat>
{
    private string McpEndpoint => Stack.Running.UrlOf(TaskChatService.Mcp) + "/mcp";

    [Fact]
    public Task TheCSharpClientRegistersSignsInWithConsentAndCallsToolsAsThatPersonOnly() => RunAsync(nameof(TheCSharpClientRegistersSignsInWithConsentAndCallsToolsAsThatPersonOnly), async () =>
    {
        var other = await NewPageAsync();
        await SignUpAsync(other, "Grace");
        using var otherApi = await ApiAsAsync(other);
        (await otherApi.PostAsJsonAsync("/api/tasks", new { title = "Grace's private task" })).EnsureSuccessStatusCode();
        var person = await NewPageAsync();
        await SignUpAsync(person, "Ada");
        var transcript = new DiscoveryTranscript();
        var browser = new ConsentInBrowser(person, transcript);

        await using var client = await ConnectAsync(browser, transcript, "TaskChat end-to-end (DCR)");
        var tools = await client.ListToolsAsync();
        var added = await client.CallToolAsync(ToolNames.AddTask, new Dictionary<string, object?> { ["title"] = "Added from an outside client" });
        var listed = await client.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?>());

        Assert.Equal(ToolNames.All.Order(), tools.Select(t => t.Name).Order());
        Assert.NotEqual(true, added.IsError);
        Assert.Equal(["Added from an outside client"], Titles(listed));
        Assert.Equal(1, browser.Consents);
        // The person's own tasks (through the api, as the web's pages read them) have it; the other person's do not.
        using var personApi = await ApiAsAsync(person);
        Assert.Contains("Added from an outside client", await personApi.GetStringAsync("/api/tasks"), StringComparison.Ordinal);
        var othersTasks = await otherApi.GetStringAsync("/api/tasks");
        Assert.Contains("Grace's private task", othersTasks, StringComparison.Ordinal);
        Assert.DoesNotContain("Added from an outside client", othersTasks, StringComparison.Ordinal);
        Assert.DoesNotContain("Grace's private task", string.Join(",", Titles(listed)), StringComparison.Ordinal);

        var text = transcript.ToString();
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "transcripts"));
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "transcripts", "mcp-oauth-discovery.txt"), text);
        // The discovery steps, in the order the specification gives them.
        var steps = new[]
        {
            "< 401", "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-authorization-server",
            "/oauth/register", "browser: GET " + Stack.WebUrl + "/oauth/authorize", "/oauth/token", "> POST " + McpEndpoint,
        };
        var at = 0;
        foreach (var step in steps)
        {
            var found = text.IndexOf(step, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{step}' missing after position {at} in:\n{text}");
            at = found;
        }
        Assert.DoesNotMatch(new Regex(@"eyJ[A-Za-z0-9_-]{10,}\."), text);
        Assert.DoesNotMatch(new Regex("\"refresh_token\"\\s*:\\s*\"(?!\\[redacted\\])"), text);
    });

    [Fact]
    public Task AReadOnlyGrantIsRefusedAWriteUntilThePersonAllowsMore() => RunAsync(nameof(AReadOnlyGrantIsRefusedAWriteUntilThePersonAllowsMore), async () =>
    {
        var person = await NewPageAsync();
        await SignUpAsync(person, "Lin");
        var transcript = new DiscoveryTranscript();
        var browser = new ConsentInBrowser(person, transcript);

        // The client first asks for tasks:read only (as a cautious client would); the write is then
        // refused with 403 insufficient_scope, the SDK asks again for both scopes (step-up), the
        // person allows, and the write goes through.
        // The SDK asks the selector for the registration's scope and again for each authorization
        // request: read-only until the person has answered once.
        await using var client = await ConnectAsync(browser, transcript, "TaskChat end-to-end (read first)",
            scopes => browser.Consents == 0 ? [McpScopes.TasksRead] : scopes);
        var listed = await client.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?>());
        var added = await client.CallToolAsync(ToolNames.AddTask, new Dictionary<string, object?> { ["title"] = "After step-up" });

        Assert.Empty(Titles(listed));
        Assert.NotEqual(true, added.IsError);
        Assert.Equal(2, browser.Consents);
        Assert.Contains("error=\"insufficient_scope\"", transcript.ToString(), StringComparison.Ordinal);
        Assert.Equal(["After step-up"], Titles(await client.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?>())));
    });

    [Fact]
    public Task APersonWhoDeniesGivesTheClientNothing() => RunAsync(nameof(APersonWhoDeniesGivesTheClientNothing), async () =>
    {
        var person = await NewPageAsync();
        await SignUpAsync(person, "Noor");
        var browser = new ConsentInBrowser(person, new DiscoveryTranscript()) { Deny = true };

        var refused = await Record.ExceptionAsync(() => ConnectAsync(browser, new DiscoveryTranscript(), "TaskChat end-to-end (denied)"));

        Assert.NotNull(refused);
        Assert.Equal(1, browser.Consents);
    });

    [Fact]
    public Task TheTypeScriptSdkClientCompletesTheSameFlowIndependently() => RunAsync(nameof(TheTypeScriptSdkClientCompletesTheSameFlowIndependently), async () =>
    {
        var person = await NewPageAsync();
        await SignUpAsync(person, "Tomas");
        var transcript = new DiscoveryTranscript();
        var browser = new ConsentInBrowser(person, transcript);
        var redirectUri = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/callback");
        await using var node = await TypeScriptClient.StartAsync(McpEndpoint, redirectUri, "Added by the TypeScript SDK");

        var authorizationUri = new Uri(await node.ReadAsync("AUTHORIZE ", TimeSpan.FromMinutes(6)));
        var redirect = await browser.ConsentAsync(authorizationUri, redirectUri, CancellationToken.None);
        await node.AnswerAsync(redirect.ToString());
        var result = JsonDocument.Parse(await node.ReadAsync("RESULT ", TimeSpan.FromMinutes(2))).RootElement;

        Assert.Equal(ToolNames.All.Order(), result.GetProperty("tools").EnumerateArray().Select(t => t.GetString()!));
        Assert.False(result.GetProperty("added_is_error").GetBoolean(), node.Output);
        Assert.Equal(["Added by the TypeScript SDK"], result.GetProperty("titles").EnumerateArray().Select(t => t.GetString()!));
        Assert.Contains("REGISTERED ", node.Output, StringComparison.Ordinal);
        Assert.Contains("scope=tasks:read tasks:write", node.Output, StringComparison.Ordinal);
    });

    private async Task<McpClient> ConnectAsync(ConsentInBrowser browser, DiscoveryTranscript transcript, string clientName, Func<IReadOnlyList<string>, IReadOnlyList<string>>? chooseScopes = null)
    {
        var http = new HttpClient(transcript.Handler()) { Timeout = TimeSpan.FromMinutes(2) };
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(McpEndpoint),
            TransportMode = HttpTransportMode.StreamableHttp,
            OAuth = new ClientOAuthOptions
            {
                RedirectUri = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/callback"),
                DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = clientName },
                AuthorizationCallbackHandler = browser.AuthorizeAsync,
                ScopeSelector = chooseScopes is null ? null : scopes => chooseScopes([.. scopes ?? []]),
            },
        }, http, ownsHttpClient: true);
        // An outside client, but one the tests rely on: no server/discover probe limit (TestMcpClients.Options).
        return await McpClient.CreateAsync(transport, TestMcpClients.Options());
    }

    private static List<string> Titles(CallToolResult result)
    {
        Assert.NotEqual(true, result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("data").GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()!)];
    }
}
