using Microsoft.Extensions.Configuration;
using TaskChat.Data.Events;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.Web;
using TaskChat.Web.Live;

namespace TaskChat.UnitTests.Live;

/// <summary>The event channel's payloads (anything else is ignored, never thrown) and the poll variables.</summary>
public sealed class LiveUpdateRulesTests
{
    [Fact]
    public void AMessageRoundTripsThroughItsPayloadWithIdsAndNoContent()
    {
        var message = new UserEventMessage("user-1", UserEventKind.Reminder, [3, 4]);

        var payload = message.ToPayload();

        Assert.Equal("""{"u":"user-1","k":"reminder","n":[3,4]}""", payload);
        var parsed = UserEventMessage.Parse(payload)!;
        Assert.Equal((message.UserId, message.Kind), (parsed.UserId, parsed.Kind));
        Assert.Equal([3L, 4L], parsed.NotificationIds!);
        Assert.Equal("""{"u":"user-1","k":"tasks_changed"}""", UserEventMessage.TasksChanged("user-1").ToPayload());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"u":"","k":"tasks_changed"}""")]
    [InlineData("""{"u":"user-1","k":"drop_tables"}""")]
    [InlineData("""{"u":"user-1","k":7}""")]
    [InlineData("""{"u":42,"k":"tasks_changed"}""")]
    [InlineData("""{"u":"user-1","k":"reminder","n":"1,2"}""")]
    public void AnythingButAMessageIsIgnored(string? payload) => Assert.Null(UserEventMessage.Parse(payload));

    [Fact]
    public void AnOversizedPayloadOrUserIdIsIgnored()
    {
        Assert.Null(UserEventMessage.Parse($$"""{"u":"{{new string('a', 256)}}","k":"tasks_changed"}"""));
        Assert.Null(UserEventMessage.Parse($$"""{"u":"user-1","k":"reminder","n":[{{string.Join(',', Enumerable.Repeat(1, 5000))}}]}"""));
    }

    [Fact]
    public void RemindersArePolledEverySecondByDefault()
    {
        var (web, problems) = Read(new Dictionary<string, string?>());

        Assert.Empty(problems);
        Assert.Equal(LiveSettings.Default, web.Live);
        Assert.Equal(TimeSpan.FromSeconds(1), web.Live.ReminderPollInterval);
        Assert.Contains("reminder_poll_seconds=1 task_changes_poll_seconds=1", web.Summary(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("REMINDER_POLL_SECONDS", "0", "1 to 5")]
    [InlineData("REMINDER_POLL_SECONDS", "6", "1 to 5")]
    [InlineData("REMINDER_POLL_SECONDS", "soon", "1 to 5")]
    [InlineData("TASK_CHANGES_POLL_SECONDS", "0", "1 to 30")]
    [InlineData("TASK_CHANGES_POLL_SECONDS", "31", "1 to 30")]
    public void APollIntervalOutsideItsRangeIsRefused(string variable, string value, string range)
    {
        var (_, problems) = Read(new Dictionary<string, string?> { [variable] = value });

        Assert.Contains(problems, p => p.StartsWith($"{variable} must be a whole number from {range}", StringComparison.Ordinal));
    }

    private static (WebSettings Web, IReadOnlyList<string> Problems) Read(IDictionary<string, string?> variables)
    {
        var reader = new SettingsReader(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        reader.ReadShared(ServiceInfo.Of(TaskChatService.Web));
        var web = WebSettings.Read(reader);
        var error = Record.Exception(reader.ThrowIfInvalid);
        return (web, error is InvalidConfigurationException invalid ? invalid.Problems : []);
    }
}
