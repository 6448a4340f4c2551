using System.Net.Http.Json;
using System.Text.Json;

namespace TaskChat.Api.FunctionalTests;

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, object body) => http.PostAsJsonAsync(path, body);
}
