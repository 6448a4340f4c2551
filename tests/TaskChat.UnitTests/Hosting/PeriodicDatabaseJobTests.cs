using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Data.Hosting;
using TaskChat.TestSupport;

namespace TaskChat.UnitTests.Hosting;

/// <summary>
/// The base of the hourly clean-ups: runs on the clock it is given, each run in a scope of its own,
/// and a failed run is a log line and another try, never a crashed host.
/// </summary>
public sealed class PeriodicDatabaseJobTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ItRunsOnceAnIntervalOnTheGivenClockNotAtStart()
    {
        var clock = new FakeTimeProvider();
        using var services = new ServiceCollection().AddScoped<Marker>().BuildServiceProvider();
        using var job = new RecordingJob(services, clock, new CapturedLogs(), runsAtStart: false);
        await job.StartAsync(CancellationToken.None);

        await AdvanceUntilAsync(clock, () => job.Runs.Count >= 2);
        await job.StopAsync(CancellationToken.None);

        // Each run had a scope of its own (a fresh DbContext in the real jobs).
        Assert.Equal(job.Runs.Count, job.Runs.Select(run => run.Scoped).Distinct().Count());
        Assert.True(job.Runs.First().At - job.StartedAt >= Interval, "the first run came one interval after start, not at start");
    }

    [Fact]
    public async Task AJobThatRunsAtStartRunsBeforeTheClockMoves()
    {
        var clock = new FakeTimeProvider();
        using var services = new ServiceCollection().AddScoped<Marker>().BuildServiceProvider();
        using var job = new RecordingJob(services, clock, new CapturedLogs(), runsAtStart: true);
        await job.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => !job.Runs.IsEmpty, "the job did not run at start", Patience);
        await job.StopAsync(CancellationToken.None);

        Assert.Equal(job.StartedAt, job.Runs.First().At);
    }

    [Fact]
    public async Task ADatabaseOutageIsOneQuietWarningAndTheNextTickTriesAgain()
    {
        var clock = new FakeTimeProvider();
        var logs = new CapturedLogs();
        using var services = new ServiceCollection().AddScoped<Marker>().BuildServiceProvider();
        using var job = new RecordingJob(services, clock, logs, runsAtStart: true) { Failure = () => new TimeoutException("db host 10.0.0.5 did not answer") };
        await job.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => !logs.Entries.IsEmpty, "the failed first run was not logged", Patience);
        job.Failure = null;
        await AdvanceUntilAsync(clock, () => job.Runs.Count >= 2);
        await job.StopAsync(CancellationToken.None);

        var line = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Null(line.Exception);
        Assert.Equal("Could not record a run: timeout; trying again in 01:00:00.", line.Message);
        Assert.DoesNotContain("10.0.0.5", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABugIsAnErrorWithItsStackAndTheHostKeepsRunningTheJob()
    {
        var clock = new FakeTimeProvider();
        var logs = new CapturedLogs();
        using var services = new ServiceCollection().AddScoped<Marker>().BuildServiceProvider();
        using var job = new RecordingJob(services, clock, logs, runsAtStart: true) { Failure = () => new InvalidOperationException("a bug") };
        await job.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => !logs.Entries.IsEmpty, "the failed first run was not logged", Patience);
        job.Failure = null;
        await AdvanceUntilAsync(clock, () => job.Runs.Count >= 2);
        await job.StopAsync(CancellationToken.None);

        var line = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.IsType<InvalidOperationException>(line.Exception);
        Assert.False(job.ExecuteTask!.IsFaulted);
    }

    [Fact]
    public async Task StoppingTheHostEndsTheJobWithoutALogLine()
    {
        var clock = new FakeTimeProvider();
        var logs = new CapturedLogs();
        using var services = new ServiceCollection().AddScoped<Marker>().BuildServiceProvider();
        using var job = new RecordingJob(services, clock, logs, runsAtStart: false);
        await job.StartAsync(CancellationToken.None);

        await job.StopAsync(CancellationToken.None);

        Assert.True(job.ExecuteTask!.IsCompleted);
        Assert.Empty(logs.Entries);
    }

    /// <summary>Moves the fake clock one interval at a time until <paramref name="done"/>: the job's timer may not exist yet on the first advances.</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the job did not run on the advancing clock");
            clock.Advance(Interval);
            await Task.Delay(20);
        }
    }

    private sealed class Marker;

    private sealed class RecordingJob : PeriodicDatabaseJob
    {
        private readonly bool _runsAtStart;

        public RecordingJob(IServiceProvider services, FakeTimeProvider clock, CapturedLogs logs, bool runsAtStart)
            : base(Interval, services.GetRequiredService<IServiceScopeFactory>(), clock, new LoggerFactory([logs]).CreateLogger("job"))
        {
            _runsAtStart = runsAtStart;
            StartedAt = clock.GetUtcNow();
        }

        public DateTimeOffset StartedAt { get; }

        public ConcurrentQueue<(Marker Scoped, DateTimeOffset At)> Runs { get; } = new();

        public Func<Exception>? Failure { get; set; }

        protected override string Description => "record a run";

        protected override bool RunsAtStart => _runsAtStart;

        protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            if (Failure is { } failure)
            {
                throw failure();
            }
            Runs.Enqueue((services.GetRequiredService<Marker>(), Clock.GetUtcNow()));
            return Task.CompletedTask;
        }
    }
}
