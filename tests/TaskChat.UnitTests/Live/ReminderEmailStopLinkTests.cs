using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using TaskChat.Web.Live;

namespace TaskChat.UnitTests.Live;

/// <summary>The token of the "stop these emails" link: its user, for 90 days, and nothing from anywhere else.</summary>
public class ReminderEmailStopLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_names_its_user_for_ninety_days_and_then_nobody()
    {
        var clock = new FakeTimeProvider(Now);
        var stop = new ReminderEmailStop(new EphemeralDataProtectionProvider(), clock);
        var token = stop.TokenFor("user-1");

        clock.Advance(TimeSpan.FromDays(90));
        var lastDay = stop.UserIdOf(token);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("user-1", lastDay);
        Assert.Null(stop.UserIdOf(token));
        var link = new Uri(stop.LinkFor("https://tasks.example.com", "user-1"));
        Assert.Equal("https://tasks.example.com/api/reminder-emails/stop", link.GetLeftPart(UriPartial.Path));
        Assert.Equal("user-1", stop.UserIdOf(link.Query["?token=".Length..]));
    }

    [Fact]
    public void A_token_another_key_ring_made_or_one_altered_names_nobody()
    {
        var clock = new FakeTimeProvider(Now);
        var stop = new ReminderEmailStop(new EphemeralDataProtectionProvider(), clock);
        var elsewhere = new ReminderEmailStop(new EphemeralDataProtectionProvider(), clock).TokenFor("user-1");
        var token = stop.TokenFor("user-1");
        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        Assert.Null(stop.UserIdOf(elsewhere));
        Assert.Null(stop.UserIdOf(altered));
        Assert.Null(stop.UserIdOf(new string('A', 5000)));
        Assert.Null(stop.UserIdOf("not base64url!"));
        Assert.Null(stop.UserIdOf(null));
    }
}
