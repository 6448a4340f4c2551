using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Contract;

namespace TaskChat.Api.FunctionalTests;

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, object body) => http.PostAsJsonAsync(path, body);

    /// <summary>
    /// A 422 validation problem (application/problem+json, code "validation", a traceId) whose detail says
    /// <paramref name="expected"/>: the problem, for what else a test checks of it.
    /// </summary>
    public static async Task<JsonElement> ValidationProblemAsync(HttpResponseMessage response, string expected)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response);
        Assert.Equal(ProblemCodes.Validation, problem.GetProperty("code").GetString());
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return problem;
    }
}
