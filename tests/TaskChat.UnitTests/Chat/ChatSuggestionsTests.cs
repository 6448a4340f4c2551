using TaskChat.Web.Components.Pages.Chat;

namespace TaskChat.UnitTests.Chat;

/// <summary>The empty chat's suggestions are messages the offline agent understands with today's tools.</summary>
public class ChatSuggestionsTests
{
    public static TheoryData<string> Suggestions() => [.. ChatSuggestions.Suggestions];

    [Theory]
    [MemberData(nameof(Suggestions))]
    public async Task EachSuggestionIsUnderstoodWithTodaysTools(string suggestion)
    {
        var tools = new FakeTaskTools();
        var turns = new OfflineTurns(tools.Today);
        await turns.TurnAsync("add buy milk");

        var reply = await turns.TurnAsync(suggestion);

        Assert.DoesNotContain("didn't quite get that", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("I can't", reply, StringComparison.Ordinal);
        Assert.NotEmpty(reply);
    }
}
