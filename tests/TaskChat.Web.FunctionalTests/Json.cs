using System.Net;
using System.Text.Json;

namespace TaskChat.Web.FunctionalTests;

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>A problem answer as a client reads it: its status, its <c>code</c> and the sentence shown to the person.</summary>
    public static async Task AssertProblemAsync(HttpStatusCode status, string code, string detail, HttpResponseMessage response)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await ReadAsync(response);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(detail, body.GetProperty("detail").GetString());
    }
}
