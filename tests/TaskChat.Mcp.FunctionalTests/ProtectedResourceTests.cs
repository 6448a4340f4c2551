using System.Net;
using System.Text.Json;
using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>
/// An mcp whose public URL (MCP_PUBLIC_URL) is not the loopback address the tests reach it on, as
/// behind a proxy: the metadata and the challenges must name the public one, never the request's.
/// </summary>
public abstract class OAuthMcpServerFixture(DatabaseProvider provider) : McpServerFixture(provider)
{
    public const string PublicUrl = "https://tasks.example.test/mcp";
    public const string MetadataUrl = "https://tasks.example.test/.well-known/oauth-protected-resource/mcp";

    protected override SystemBuilder Describe(SystemBuilder system) =>
        system.WithMcp(new Dictionary<string, string> { ["MCP_PUBLIC_URL"] = PublicUrl });

    /// <summary>A token the web would issue to an outside client for the mcp, with the scopes the person allowed.</summary>
    public string OAuthToken(string userId, string scope, string audience = PublicUrl) =>
        Jwks.CreateToken(userId, audience: audience, claims: new Dictionary<string, object> { ["scope"] = scope, ["client_id"] = "https://client.example.test/metadata.json" });
}

public sealed class SqliteOAuthMcpServer() : OAuthMcpServerFixture(DatabaseProvider.Sqlite);

public sealed class PostgresOAuthMcpServer() : OAuthMcpServerFixture(DatabaseProvider.Postgres);

/// <summary>
/// The mcp as an OAuth protected resource (RFC 9728, RFC 6750, RFC 8707): its metadata, its
/// challenges, the two audiences it accepts and the scopes it checks per tool, over real HTTP with
/// the official C# MCP client.
/// </summary>
public abstract class ProtectedResourceTests(OAuthMcpServerFixture server)
{
    private const string BothScopes = "tasks:read tasks:write";

    private static readonly string[] BothScopesAsArray = ["tasks:read", "tasks:write"];

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource/mcp")]
    [InlineData("/.well-known/oauth-protected-resource")]
    [InlineData("/.well-known/oauth-protected-resource/mcp/")]
    public async Task TheMetadataNamesTheCanonicalResourceTheWebAndTheScopes(string path)
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var metadata = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(OAuthMcpServerFixture.PublicUrl, metadata.GetProperty("resource").GetString());
        Assert.Equal([TestJwks.Issuer], metadata.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["tasks:read", "tasks:write"], metadata.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["header"], metadata.GetProperty("bearer_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("TaskChat tasks", metadata.GetProperty("resource_name").GetString());
    }

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource/other")]
    [InlineData("/.well-known/oauth-protected-resource/mcp/extra")]
    [InlineData("/.well-known/oauth-protected-resource/..%2Fmcp")]
    public async Task NoMetadataIsServedForAResourceThatDoesNotExist(string path)
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheMetadataIsReadableFromABrowserOnAnotherOriginWhileMcpCallsFromItAreNot()
    {
        using var http = server.Server.CreateHttpClient();
        using var metadataRequest = new HttpRequestMessage(HttpMethod.Get, ".well-known/oauth-protected-resource/mcp");
        metadataRequest.Headers.Add("Origin", "https://inspector.example.test");
        using var call = RawMcpRequests.Post(RawMcpRequests.ToolsList, server.OAuthToken("alice", BothScopes));
        call.Headers.Add("Origin", "https://inspector.example.test");

        using var metadata = await http.SendAsync(metadataRequest);
        using var refused = await http.SendAsync(call);

        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task ARequestWithoutATokenIsChallengedWithTheMetadataUrlAndTheScopes()
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            $"Bearer resource_metadata=\"{OAuthMcpServerFixture.MetadataUrl}\", scope=\"{BothScopes}\"",
            Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
    }

    [Fact]
    public async Task AnInvalidTokenIsChallengedWithInvalidTokenAndTheMetadataUrl()
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, server.Jwks.CreateToken("alice", issuer: "https://evil.example")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            $"Bearer error=\"invalid_token\", error_description=\"The token is invalid\", resource_metadata=\"{OAuthMcpServerFixture.MetadataUrl}\", scope=\"{BothScopes}\"",
            Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
    }

    public static TheoryData<string, string> ForeignAudiences => new()
    {
        { "another resource on another host", "https://other.example.test/mcp" },
        { "another resource on the same host", "https://tasks.example.test/admin" },
        { "the canonical URL with a trailing slash", OAuthMcpServerFixture.PublicUrl + "/" },
        { "the canonical URL in another case", "https://TASKS.example.test/MCP" },
        { "the canonical URL over http", "http://tasks.example.test/mcp" },
        { "the web itself", TestJwks.Issuer },
        { "no audience at all", "" },
    };

    [Theory]
    [MemberData(nameof(ForeignAudiences))]
    public async Task ATokenIssuedForAnotherResourceIsRefused(string why, string audience)
    {
        using var http = server.Server.CreateHttpClient();
        var token = server.OAuthToken("alice", BothScopes, audience: audience.Length == 0 ? null! : audience);

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, token));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {response.StatusCode}");
        Assert.Contains("error=\"invalid_token\"", response.Headers.GetValues("WWW-Authenticate").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATokenForTheLoopbackAddressTheServerHappensToBeReachedOnIsRefused()
    {
        // The resource is MCP_PUBLIC_URL, never derived from the request: a client that connected to
        // another address and asked for a token for that address gets nothing from it.
        using var http = server.Server.CreateHttpClient();
        var token = server.OAuthToken("alice", BothScopes, audience: new Uri(server.Server.BaseAddress, "mcp").ToString());

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ATokenForTheMcpWithBothScopesListsAndWritesAsItsPerson()
    {
        var user = NewUser();
        await using var client = await TestMcpClients.ConnectAsync(server.Server.BaseAddress, server.OAuthToken(user, BothScopes));

        var tools = await client.ListToolsAsync();
        var added = await client.CallToolAsync(ToolNames.AddTask, new Dictionary<string, object?> { ["title"] = "Water the plants" });
        var listed = await client.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?>());

        Assert.Equal(ToolNames.All.Order(), tools.Select(t => t.Name).Order());
        Assert.NotEqual(true, added.IsError);
        Assert.Equal(["Water the plants"], Titles(listed));
    }

    [Fact]
    public async Task AReadOnlyTokenListsTheToolsAndTasksButAWriteIsForbiddenWithInsufficientScope()
    {
        var user = NewUser();
        await using (var owner = await server.ClientForAsync(user))
        {
            await owner.CallToolAsync(ToolNames.AddTask, new Dictionary<string, object?> { ["title"] = "Call the bank" });
        }
        var readOnly = server.OAuthToken(user, "tasks:read");
        await using var client = await TestMcpClients.ConnectAsync(server.Server.BaseAddress, readOnly);

        var tools = await client.ListToolsAsync();
        var listed = await client.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?>());
        using var http = server.Server.CreateHttpClient();
        using var write = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsCall(ToolNames.AddTask, """{"title":"Sneaked in"}"""), readOnly));

        // tools/list shows every tool: a client learns what exists and asks for more when it needs it.
        Assert.Equal(ToolNames.All.Count, tools.Count);
        Assert.Equal(["Call the bank"], Titles(listed));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(
            $"Bearer error=\"insufficient_scope\", resource_metadata=\"{OAuthMcpServerFixture.MetadataUrl}\", scope=\"{BothScopes}\", error_description=\"This call needs the tasks:write scope\"",
            Assert.Single(write.Headers.GetValues("WWW-Authenticate")));
        var problem = JsonDocument.Parse(await write.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ProblemCodes.InsufficientScope, problem.GetProperty("code").GetString());
        Assert.Equal(["Call the bank"], Titles(await client.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?>())));
    }

    [Theory]
    [InlineData(ToolNames.AddTask, """{"title":"x"}""")]
    [InlineData(ToolNames.CompleteTask, """{"task_id":1}""")]
    [InlineData(ToolNames.ReopenTask, """{"task_id":1}""")]
    [InlineData(ToolNames.UpdateTask, """{"task_id":1,"title":"y"}""")]
    [InlineData(ToolNames.DeleteTask, """{"task_id":1}""")]
    [InlineData(ToolNames.RestoreTask, """{"task_id":1}""")]
    [InlineData("a_tool_added_later", "{}")]
    [InlineData("", "{}")]
    public async Task EveryToolButTheReadOnlyOnesNeedsTheWriteScope(string tool, string arguments)
    {
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsCall(tool, arguments), server.OAuthToken(NewUser(), "tasks:read")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AWriteOnlyTokenWritesButCannotList()
    {
        var token = server.OAuthToken(NewUser(), "tasks:write");
        using var http = server.Server.CreateHttpClient();

        using var add = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsCall(ToolNames.AddTask, """{"title":"Book flights"}"""), token));
        using var list = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsCall(ToolNames.ListTasks, "{}"), token));

        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains($"scope=\"{BothScopes}\"", list.Headers.GetValues("WWW-Authenticate").Single(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ScopesThatGrantNothing => new()
    {
        { "no scope claim", "" },
        { "scopes of another service", "calendar:read calendar:write" },
        { "our scopes run together", "tasks:readtasks:write" },
        { "our scopes in another case", "TASKS:READ TASKS:WRITE" },
        { "a prefix of our scope", "tasks" },
        { "comma-separated instead of space-separated", "tasks:read,tasks:write" },
    };

    [Theory]
    [MemberData(nameof(ScopesThatGrantNothing))]
    public async Task AnMcpTokenWithoutTaskChatScopesReachesNothingNotEvenTheToolList(string why, string scope)
    {
        using var http = server.Server.CreateHttpClient();
        var token = scope.Length == 0 ? server.Jwks.CreateToken(NewUser(), audience: OAuthMcpServerFixture.PublicUrl) : server.OAuthToken(NewUser(), scope);

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsList, token));

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{why}: {response.StatusCode}");
        Assert.Contains("error=\"insufficient_scope\"", response.Headers.GetValues("WWW-Authenticate").Single(), StringComparison.Ordinal);
        Assert.Contains("scope=\"tasks:read\"", response.Headers.GetValues("WWW-Authenticate").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScopesGivenAsAJsonArrayAreReadToo()
    {
        var token = server.Jwks.CreateToken(NewUser(), audience: OAuthMcpServerFixture.PublicUrl,
            claims: new Dictionary<string, object> { ["scope"] = BothScopesAsArray });
        using var http = server.Server.CreateHttpClient();

        using var add = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsCall(ToolNames.AddTask, """{"title":"Array scopes"}"""), token));

        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
    }

    [Fact]
    public async Task AFirstPartyTokenWithoutScopesKeepsFullAccess()
    {
        // The api's tokens: audience AUTH_AUDIENCE, no scope claim. They stand for the person in
        // TaskChat itself, so the agent can still do everything.
        var user = NewUser();
        await using var client = await TestMcpClients.ConnectAsync(server.Server.BaseAddress, server.Jwks.CreateToken(user));

        var added = await client.CallToolAsync(ToolNames.AddTask, new Dictionary<string, object?> { ["title"] = "First party" });
        var listed = await client.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?>());

        Assert.NotEqual(true, added.IsError);
        Assert.Equal(["First party"], Titles(listed));
    }

    [Fact]
    public async Task AWriteHiddenInABatchBehindAReadIsForbidden()
    {
        var batch = "[" + RawMcpRequests.ToolsCall(ToolNames.ListTasks, "{}") + "," + RawMcpRequests.ToolsCall(ToolNames.DeleteTask, """{"task_id":1}""") + "]";
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(batch, server.OAuthToken(NewUser(), "tasks:read")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public static TheoryData<string> HostileBodies => new()
    {
        "{not json",
        "",
        "null",
        "[]",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":"add_task"}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":42}}""",
        "[" + string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000)) + "]",
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task AMalformedMessageFromAReadOnlyTokenIsACallersErrorNotAServerErrorNorAWrite(string body)
    {
        var user = NewUser();
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(body, server.OAuthToken(user, "tasks:read")));

        Assert.True((int)response.StatusCode is >= 200 and < 500, $"{response.StatusCode}");
        await using var owner = await server.ClientForAsync(user);
        Assert.Empty(Titles(await owner.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?>())));
    }

    [Fact]
    public async Task AnOversizedWriteFromAReadOnlyTokenIsForbiddenWithoutBeingRun()
    {
        var user = NewUser();
        var title = new string('x', 1_000_000);
        using var http = server.Server.CreateHttpClient();

        using var response = await http.SendAsync(RawMcpRequests.Post(RawMcpRequests.ToolsCall(ToolNames.AddTask, $$"""{"title":"{{title}}"}"""), server.OAuthToken(user, "tasks:read")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnOAuthTokenSeesOnlyItsOwnPersonsTasks()
    {
        var alice = NewUser();
        var bob = NewUser();
        await using (var aliceClient = await TestMcpClients.ConnectAsync(server.Server.BaseAddress, server.OAuthToken(alice, BothScopes)))
        {
            await aliceClient.CallToolAsync(ToolNames.AddTask, new Dictionary<string, object?> { ["title"] = "Alice's secret" });
        }
        await using var bobClient = await TestMcpClients.ConnectAsync(server.Server.BaseAddress, server.OAuthToken(bob, BothScopes));

        var listed = await bobClient.CallToolAsync(ToolNames.ListTasks, new Dictionary<string, object?>());
        var deleted = await bobClient.CallToolAsync(ToolNames.DeleteTask, new Dictionary<string, object?> { ["task_id"] = 1 });

        Assert.Empty(Titles(listed));
        Assert.True(deleted.IsError);
    }

    private static string NewUser() => "oauth-" + Guid.NewGuid().ToString("N");

    private static List<string> Titles(ModelContextProtocol.Protocol.CallToolResult result)
    {
        Assert.NotEqual(true, result.IsError);
        var data = ToolReply.From(result).Data;
        return [.. data.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()!)];
    }
}

public sealed class SqliteProtectedResourceTests(SqliteOAuthMcpServer server) : ProtectedResourceTests(server), IClassFixture<SqliteOAuthMcpServer>;

public sealed class PostgresProtectedResourceTests(PostgresOAuthMcpServer server) : ProtectedResourceTests(server), IClassFixture<PostgresOAuthMcpServer>;
