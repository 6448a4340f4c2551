using Microsoft.Extensions.AI;
using TaskChat.Api.Authorization;

namespace TaskChat.Api.Chat;

/// <summary>A turn ready to run: its caller, its conversation (loaded or just started) and what the model will read.</summary>
/// <param name="Caller">Who is chatting.</param>
/// <param name="ConversationId">The conversation the turn belongs to.</param>
/// <param name="IsNewConversation">The turn started it (a failed turn removes it again).</param>
/// <param name="Message">What the user said.</param>
/// <param name="History">What the model reads: earlier turns and the message.</param>
/// <param name="Key">
/// The client's Idempotency-Key, or one made for this request: each write's MCP key is derived from it
/// and the call's position, so a retry of the turn with the same key sends the same keys.
/// </param>
/// <param name="IsClientKey">The key is the client's and was claimed: the turn marks it done or releases it.</param>
public sealed record ChatTurn(Caller Caller, long ConversationId, bool IsNewConversation, string Message, IReadOnlyList<ChatMessage> History,
    string Key, bool IsClientKey)
{
    private int _toolCalls;

    /// <summary>The position of the turn's next tool call: 0, 1, 2... in the order the agent makes them.</summary>
    public int NextToolCallPosition() => Interlocked.Increment(ref _toolCalls) - 1;
}
