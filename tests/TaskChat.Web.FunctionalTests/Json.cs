using System.Text.Json;

namespace TaskChat.Web.FunctionalTests;

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
