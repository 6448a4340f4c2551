using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Api.Chat;
using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Api.FunctionalTests;

/// <summary>
/// POST /api/tasks/parse over real HTTP: a quick-add line read in the caller's zone on the chat's clock (fixed at
/// Wednesday 2 December 2026, 09:00 UTC), nothing stored, and every bad body a problem, never a 500.
/// </summary>
public sealed class TaskParsingApiTests(ParsingApiServer server) : IClassFixture<ParsingApiServer>
{
    private static readonly string[] KeepDue = [TaskLineParts.Due];
    private static readonly string[] KeepBills = ["#bills"];

    private static string NewUser() => "parse-" + Guid.NewGuid().ToString("N")[..10];

    private HttpClient ClientIn(string? zone) =>
        server.Running.ClientFor(NewUser(), claims: zone is null ? null : new Dictionary<string, object> { ["zoneinfo"] = zone });

    [SkippableFact]
    public async Task ALineIsReadIntoTaskFieldsAndItsPartsWithoutAddingATask()
    {
        using var http = ClientIn(null);

        using var response = await http.PostAsJsonAsync("api/tasks/parse", new { text = "pay rent friday 9am #home !high" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parsed = await Json.ReadAsync(response);
        Assert.Equal(["title", "due", "due_text", "priority", "tags", "recurrence", "repeat_text", "reminders", "parts"], parsed.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Pay rent", parsed.GetProperty("title").GetString());
        Assert.Equal("2026-12-04T09:00:00+00:00", parsed.GetProperty("due").GetString());
        Assert.Equal("high", parsed.GetProperty("priority").GetString());
        Assert.Equal(["home"], parsed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["due 9 10 friday 9am", "tags 20 5 #home", "priority 26 5 !high"], parsed.GetProperty("parts").EnumerateArray()
            .Select(p => $"{p.GetProperty("kind").GetString()} {p.GetProperty("start").GetInt32()} {p.GetProperty("length").GetInt32()} {p.GetProperty("text").GetString()}"));
        Assert.Equal(0, (await Json.ReadAsync(await http.GetAsync("api/tasks"))).GetProperty("count").GetInt32());
    }

    [SkippableFact]
    public async Task TheLineIsReadInTheCallersTimeZone()
    {
        using var paris = ClientIn("Europe/Paris");
        using var tokyo = ClientIn("Asia/Tokyo");
        var body = new { text = "call mom tomorrow at 6pm every week" };

        var inParis = await Json.ReadAsync(await paris.PostAsJsonAsync("api/tasks/parse", body));
        var inTokyo = await Json.ReadAsync(await tokyo.PostAsJsonAsync("api/tasks/parse", body));

        Assert.Equal("2026-12-03T18:00:00+01:00", inParis.GetProperty("due").GetString());
        Assert.Equal("2026-12-03T18:00:00+09:00", inTokyo.GetProperty("due").GetString());
        Assert.Equal("FREQ=WEEKLY", inParis.GetProperty("recurrence").GetString());
        Assert.Equal("every week", inParis.GetProperty("repeat_text").GetString());
    }

    [SkippableFact]
    public async Task KeptPartsStayInTheTitleAsTyped()
    {
        using var http = ClientIn(null);

        var parsed = await Json.ReadAsync(await http.PostAsJsonAsync("api/tasks/parse", new { text = "Read Friday", keep = KeepDue }));

        Assert.Equal("Read Friday", parsed.GetProperty("title").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, parsed.GetProperty("due").ValueKind);
        Assert.Equal(0, parsed.GetProperty("parts").GetArrayLength());
    }

    [SkippableFact]
    public async Task OneTagKeptAsTypedLeavesTheOthersRead()
    {
        using var http = ClientIn(null);

        var parsed = await Json.ReadAsync(await http.PostAsJsonAsync("api/tasks/parse", new { text = "pay rent #home #bills", keep = KeepBills }));

        Assert.Equal("Pay rent #bills", parsed.GetProperty("title").GetString());
        Assert.Equal(["home"], parsed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["tags 9 5 #home"], parsed.GetProperty("parts").EnumerateArray()
            .Select(p => $"{p.GetProperty("kind").GetString()} {p.GetProperty("start").GetInt32()} {p.GetProperty("length").GetInt32()} {p.GetProperty("text").GetString()}"));
    }

    [SkippableFact]
    public async Task WhatWasReadIsWhatCreateTakes()
    {
        using var http = ClientIn("Europe/Paris");
        var parsed = await Json.ReadAsync(await http.PostAsJsonAsync("api/tasks/parse", new { text = "dentist monday at 3pm #health and remind me the day before" }));

        using var created = await http.PostAsJsonAsync("api/tasks", new
        {
            title = parsed.GetProperty("title").GetString(),
            due = parsed.GetProperty("due").GetString(),
            tags = parsed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray(),
            reminders = parsed.GetProperty("reminders").EnumerateArray().Select(t => t.GetString()).ToArray(),
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = await Json.ReadAsync(created);
        Assert.Equal("Dentist", task.GetProperty("title").GetString());
        Assert.Equal("2026-12-07T15:00:00+01:00", task.GetProperty("due").GetString());
        Assert.Equal(["health"], task.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["P1D"], task.GetProperty("reminders").EnumerateArray().Select(t => t.GetString()));
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{}""", "text is required" },
        { """{"text":null}""", "text is required" },
        { """{"text":""}""", "text cannot be empty" },
        { """{"text":"  \t "}""", "text cannot be empty" },
        { $$"""{"text":"{{new string('a', 501)}}"}""", "at most 500 characters (it has 501)" },
        { """{"text":"pay rent\u0000 friday"}""", "not allowed" },
        { """{"text":"pay rent","keep":["dates"]}""", "keep may only name due, repeat, priority, tags, reminders" },
        { """{"text":"pay rent","keep":[null]}""", "keep may only name" },
        { """{"text":"pay rent","keep":["#"]}""", "or a tag" },
        { """{"text":"pay rent","keep":["#home bills"]}""", "or a tag" },
    };

    [SkippableTheory]
    [MemberData(nameof(InvalidBodies))]
    public async Task ALineThatBreaksARuleIsA422ProblemSayingWhy(string body, string expected)
    {
        using var http = ClientIn(null);

        using var response = await http.PostAsync("api/tasks/parse", new StringContent(body, Encoding.UTF8, "application/json"));

        await Json.ValidationProblemAsync(response, expected);
    }

    [SkippableTheory]
    [InlineData("{not json")]
    [InlineData("""{"text":42}""")]
    [InlineData("""{"text":["pay rent"]}""")]
    [InlineData("""["text"]""")]
    [InlineData("""{"text":"pay rent","keep":"due"}""")]
    [InlineData("")]
    [InlineData("""{"text":"broken \ud800 half"}""")]
    public async Task ABodyThatCannotBeReadIsA400Problem(string body)
    {
        using var http = ClientIn(null);

        using var response = await http.PostAsync("api/tasks/parse", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileLines => new()
    {
        string.Concat(Enumerable.Repeat("every ", 83)),
        string.Concat(Enumerable.Repeat("at 5 ", 100)),
        string.Concat(Enumerable.Repeat("#a ", 166)),
        string.Concat(Enumerable.Repeat("!! ", 166)),
        string.Concat(Enumerable.Repeat("tomorrow ", 55)),
        string.Concat(Enumerable.Repeat("remind me the day before ", 20)),
        "<script>alert('x')</script> friday 9am #<b>home</b> !high",
        "'; DROP TABLE tasks; -- tomorrow",
        "👩‍👩‍👧 birthday 🎂 friday #family",
        "\u202Eevil\u202C friday",
        new string('9', 500),
        "water the plants every 2147483648 days",
        "water the plants every 99999999999 weeks on friday",
    };

    [SkippableTheory]
    [MemberData(nameof(HostileLines))]
    public async Task AHostileLineIsReadAsTextAndItsPartsLieInsideIt(string text)
    {
        using var http = ClientIn("Europe/Paris");

        using var response = await http.PostAsJsonAsync("api/tasks/parse", new { text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parsed = await Json.ReadAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(parsed.GetProperty("title").GetString()));
        Assert.All(parsed.GetProperty("parts").EnumerateArray(), part =>
            Assert.Equal(part.GetProperty("text").GetString(), text.Substring(part.GetProperty("start").GetInt32(), part.GetProperty("length").GetInt32())));
    }
}

/// <summary>An api (no mcp: reading a line needs none) whose chat clock is fixed, so "friday" is always the same day.</summary>
public sealed class ParsingApiServer() : SystemFixture(DatabaseProvider.Sqlite)
{
    public SettableClock Clock { get; } = new();

    protected override SystemBuilder Describe(SystemBuilder system) =>
        system.WithApi(new Dictionary<string, string>(), services => services.AddSingleton(new ChatClock(Clock)));
}
