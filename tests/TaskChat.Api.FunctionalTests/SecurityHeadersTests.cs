using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace TaskChat.Api.FunctionalTests;

/// <summary>Issue 8 §4: every api response, success or error, says nosniff and sends no Referer onwards.</summary>
public sealed class SecurityHeadersTests(SqliteApiServer server) : IClassFixture<SqliteApiServer>
{
    [Theory]
    [InlineData("GET", "api/tasks", true)]
    [InlineData("GET", "api/tasks", false)]
    [InlineData("POST", "api/tasks", true)]
    [InlineData("GET", "api/tasks/999999", true)]
    [InlineData("GET", "api/conversations", true)]
    [InlineData("GET", "openapi/v1.json", false)]
    [InlineData("GET", "health", false)]
    [InlineData("GET", "health/live", false)]
    [InlineData("GET", "no-such-route", false)]
    public async Task Every_api_response_says_nosniff(string method, string path, bool withToken)
    {
        using var http = server.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (withToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Jwks.CreateToken("headers-" + Guid.NewGuid().ToString("N")[..8]));
        }
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { title = "" }); // A 422.
        }

        using var response = await http.SendAsync(request);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
