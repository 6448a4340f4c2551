using TaskChat.Web.Components.Pages.Chat;

namespace TaskChat.UnitTests.Web;

/// <summary>What the chat's address names, and where a running turn shows.</summary>
public sealed class ChatAddressTests
{
    [Fact]
    public void ChatAloneCarriesOnWithTheLatestAndNewIsTheEmptyNewChat()
    {
        var latest = new ChatAddress(null);
        var fresh = new ChatAddress("new");

        Assert.True(latest.IsLatest);
        Assert.False(latest.IsNewChat);
        Assert.Null(latest.ConversationId);
        Assert.True(fresh.IsNewChat);
        Assert.False(fresh.IsLatest);
        Assert.Null(fresh.ConversationId);
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("0", null)]
    [InlineData("-3", null)]
    [InlineData("+3", null)]
    [InlineData(" 3", null)]
    [InlineData("3.0", null)]
    [InlineData("99999999999999999999", null)]
    [InlineData("abc", null)]
    [InlineData("NEW", null)]
    public void OnlyAPositiveWholeNumberNamesAConversation(string segment, long? id)
    {
        var address = new ChatAddress(segment);

        Assert.Equal(id, address.ConversationId);
        Assert.False(address.IsLatest);
        Assert.False(address.IsNewChat);
    }

    [Fact]
    public void AConversationsAddressIsItsIdAndNoneIsTheNewChats()
    {
        Assert.Equal("/chat/42", ChatAddress.Of(42));
        Assert.Equal("/chat/new", ChatAddress.Of(null));
        Assert.Equal(42, new ChatAddress(ChatAddress.Of(42)["/chat/".Length..]).ConversationId);
        Assert.True(new ChatAddress(ChatAddress.Of(null)["/chat/".Length..]).IsNewChat);
    }

    [Fact]
    public void ARunningTurnShowsAtChatInItsConversationAndAtNewForTheOneItStarted()
    {
        // Sent to conversation 5.
        Assert.True(new ChatAddress(null).Shows(5, 5));
        Assert.True(new ChatAddress("5").Shows(5, 5));
        Assert.False(new ChatAddress("6").Shows(5, 5));
        Assert.False(new ChatAddress("new").Shows(5, 5));

        // Started conversation 9 (named by the api) or one not named yet.
        Assert.True(new ChatAddress("new").Shows(null, 9));
        Assert.True(new ChatAddress("new").Shows(null, null));
        Assert.True(new ChatAddress("9").Shows(null, 9));
        Assert.False(new ChatAddress("5").Shows(null, null));
        Assert.False(new ChatAddress("abc").Shows(null, null));
    }
}
