using System.Globalization;

namespace TaskChat.Web.Components.Pages.Chat;

/// <summary>
/// What the chat's address names: <c>/chat</c> carries on with the most recent conversation, <c>/chat/new</c> is an empty
/// new chat (a reload keeps it empty rather than opening the latest), <c>/chat/{id}</c> one conversation. Anything else
/// after <c>/chat/</c> names no conversation, and the page says so as it does for one that was deleted.
/// </summary>
/// <param name="Segment">What follows <c>/chat/</c>; null for <c>/chat</c> itself.</param>
internal sealed record ChatAddress(string? Segment)
{
    public const string Latest = "/chat";
    public const string NewChat = "/chat/new";

    private const string NewChatSegment = "new";

    public bool IsLatest => Segment is null;

    public bool IsNewChat => Segment == NewChatSegment;

    /// <summary>The conversation named, or null for /chat, /chat/new and an address that names none.</summary>
    public long? ConversationId =>
        long.TryParse(Segment, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>The address of a conversation; null: of the empty new chat.</summary>
    public static string Of(long? conversationId) =>
        conversationId is { } id ? $"{Latest}/{id.ToString(CultureInfo.InvariantCulture)}" : NewChat;

    /// <summary>
    /// Whether this address is where a turn sent to <paramref name="sentTo"/> (null: it started a conversation), now known
    /// as <paramref name="conversationId"/>, is shown: /chat carries on with it, /chat/new is the new chat it started.
    /// </summary>
    public bool Shows(long? sentTo, long? conversationId) =>
        IsLatest || (IsNewChat ? sentTo is null : ConversationId is { } id && id == conversationId);
}
