using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.SystemTests;

/// <summary>The three built services run as a deployment runs them, without the launcher, wired by SystemWiring.</summary>
public sealed class BuiltServicesTests
{
    [Fact]
    public async Task The_built_services_wired_as_the_launcher_wires_them_add_a_task_by_chat_for_a_user_who_signed_up_on_the_web()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var system = await new SystemBuilder(database.Url).WithMcp().WithApi().WithWeb().AsProcesses().StartAsync();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = system.Web.BaseAddress };
        using var signUp = await browser.PostAsJsonAsync("api/auth/sign-up/email", new { email = $"ada-{Guid.NewGuid():N}@example.test", password = "correct horse 42", name = "Ada" });
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        var token = (await browser.GetFromJsonAsync<JsonElement>("api/auth/token")).GetProperty("token").GetString();
        using var api = system.Api.CreateHttpClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var chat = await api.PostAsJsonAsync("api/chat", new { message = "add buy milk" });

        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        var reply = await chat.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("add_task", reply.GetProperty("tool_calls")[0].GetProperty("tool").GetString());
        var tasks = await api.GetFromJsonAsync<JsonElement>("api/tasks");
        Assert.Equal("Buy milk", Assert.Single(tasks.GetProperty("tasks").EnumerateArray()).GetProperty("title").GetString());
    }
}
