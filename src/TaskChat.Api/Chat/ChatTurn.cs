using Microsoft.Extensions.AI;
using TaskChat.Api.Authorization;

namespace TaskChat.Api.Chat;

/// <summary>A turn ready to run: its caller, its conversation (loaded or just started) and what the model will read.</summary>
public sealed record ChatTurn(Caller Caller, long ConversationId, bool IsNewConversation, string Message, IReadOnlyList<ChatMessage> History);
