using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Bench;

/// <summary>
/// A sign-in flood against the web (issue 8): 16 clients from one address hammer
/// <c>POST /api/auth/sign-in/email</c> with wrong passwords over 180 emails (a few of them real
/// accounts), while another user, from another address, signs in and asks for tokens. Prints that
/// user's latency quiet and under the flood (and their ratio), and how many of the flood's attempts
/// reached a password check (401) versus were refused (429).
/// </summary>
/// <remarks>
/// The web runs as its own process (the built dll of this configuration: run with -c Release), with
/// its default limits unless NAME=VALUE arguments set others. Two client addresses without a proxy: every 127.x.y.z address is this machine's
/// loopback on Linux, so the flood connects from 127.0.0.2 and the other user from 127.0.0.3.
/// </remarks>
internal static class AuthFloodBench
{
    private const int FloodClients = 16;
    private const int Rounds = 40;
    private const string Password = "bench password 42";
    private static readonly TimeSpan FloodLimit = TimeSpan.FromSeconds(120);

    public static async Task RunAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string> webVariables)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // The production defaults (an empty variable is its default), not the tests' roomy limits; then the caller's.
        var variables = SystemBuilder.RoomyAuthLimits.Keys.ToDictionary(name => name, _ => "");
        foreach (var (name, value) in webVariables)
        {
            variables[name] = value;
        }
        await using var system = await new SystemBuilder(database.Url).WithWeb(variables).AsProcesses().StartAsync();
        var web = system.Web.BaseAddress;

        using var user = Client(web, "127.0.0.3");
        var email = $"bench-user-{Guid.NewGuid():N}@example.test";
        await Expect(user.PostAsJsonAsync("api/auth/sign-up/email", new { email, password = Password, name = "Bench User" }), HttpStatusCode.OK);
        // A few real accounts among the flood's emails, so that some attempts check a real password hash.
        using var setup = Client(web, "127.0.0.4");
        var floodEmails = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var real = $"bench-target-{i}-{Guid.NewGuid():N}@example.test";
            using var signUp = await setup.PostAsJsonAsync("api/auth/sign-up/email", new { email = real, password = Password, name = "Target" });
            floodEmails.Add(real);
        }
        floodEmails.AddRange(Enumerable.Range(0, 175).Select(i => $"nobody-{i}@example.test"));

        // Warm-up: JIT, the connection pool, the signing key.
        for (var i = 0; i < 5; i++)
        {
            await UserRoundAsync(user, email, signIn: true);
        }

        var quiet = await MeasureUserAsync(user, email);

        using var stop = new CancellationTokenSource(FloodLimit);
        var statuses = new Dictionary<int, int>();
        var attempts = 0;
        var flood = Task.WhenAll(Enumerable.Range(0, FloodClients).Select(async n =>
        {
            using var attacker = Client(web, "127.0.0.2");
            while (!stop.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref attempts);
                try
                {
                    using var response = await attacker.PostAsJsonAsync("api/auth/sign-in/email",
                        new { email = floodEmails[i % floodEmails.Count], password = "wrong password " + i }, stop.Token);
                    lock (statuses)
                    {
                        statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    Interlocked.Decrement(ref attempts);
                }
            }
        }));
        // Let the flood take hold before measuring.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var flooded = await MeasureUserAsync(user, email);
        await stop.CancelAsync();
        await flood;

        Console.WriteLine($"| phase | sign-ins | sign-in mean ms | sign-in p95 ms | tokens | token mean ms | token p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Print("quiet", quiet);
        Print("16-client sign-in flood", flooded);
        Console.WriteLine();
        Console.WriteLine($"other user's latency under the flood / quiet: sign-in {flooded.SignIn.Average() / quiet.SignIn.Average():F1}x, token {flooded.Token.Average() / quiet.Token.Average():F1}x");
        var total = statuses.Values.Sum();
        Console.WriteLine($"flood: {total} attempts in {flooded.Elapsed.TotalSeconds + 3:F0} s; by status: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        Console.WriteLine($"flood attempts that reached a password check (401): {statuses.GetValueOrDefault(401)}; refused (429): {statuses.GetValueOrDefault(429)}");
    }

    private sealed record UserLatencies(List<double> SignIn, List<double> Token, TimeSpan Elapsed);

    /// <summary>The other user: a token each round, and a sign-in every fourth (people sign in far less often than pages ask for tokens).</summary>
    private static async Task<UserLatencies> MeasureUserAsync(HttpClient user, string email)
    {
        var latencies = new UserLatencies([], [], default);
        var total = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            var (signIn, token) = await UserRoundAsync(user, email, signIn: round % 4 == 0);
            if (signIn is { } ms)
            {
                latencies.SignIn.Add(ms);
            }
            latencies.Token.Add(token);
        }
        return latencies with { Elapsed = total.Elapsed };
    }

    private static async Task<(double? SignIn, double Token)> UserRoundAsync(HttpClient user, string email, bool signIn)
    {
        double? signInMs = null;
        if (signIn)
        {
            var started = Stopwatch.GetTimestamp();
            await Expect(user.PostAsJsonAsync("api/auth/sign-in/email", new { email, password = Password }), HttpStatusCode.OK);
            signInMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        var tokenStarted = Stopwatch.GetTimestamp();
        await Expect(user.GetAsync("api/auth/token"), HttpStatusCode.OK);
        return (signInMs, Stopwatch.GetElapsedTime(tokenStarted).TotalMilliseconds);
    }

    private static void Print(string phase, UserLatencies l) =>
        Console.WriteLine($"| {phase} | {l.SignIn.Count} | {l.SignIn.Average():F1} | {P95(l.SignIn):F1} | {l.Token.Count} | {l.Token.Average():F1} | {P95(l.Token):F1} |");

    private static double P95(List<double> values) => values.Order().ElementAt((int)(values.Count * 0.95));

    private static async Task Expect(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        using var response = await call;
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A cookie-keeping client whose connections leave from <paramref name="localAddress"/>.</summary>
    private static HttpClient Client(Uri web, string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = FloodClients,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint.Host == "localhost" ? new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port) : context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = web, Timeout = TimeSpan.FromSeconds(100) };
    }
}
