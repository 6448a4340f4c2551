using TaskChat.Contract;

namespace TaskChat.Web.Api;

/// <summary>
/// The Idempotency-Key of the message the user last submitted in this circuit, kept until its turn is
/// answered. When a turn fails, the chat page gives the user their words back; sent again, the same
/// message goes with the same key, so the api answers with the turn if it did finish, and the mcp
/// applies no write twice if the turn is run again. Any other message gets a new key.
/// </summary>
internal sealed class ChatRetryKeys
{
    private readonly Lock _lock = new();
    private Submission? _pending;

    private sealed record Submission(string Message, long? ConversationId, string Key)
    {
        /// <summary>The conversation the failed turn started (and the api removed again): the page may send it back.</summary>
        public long? Started { get; set; }
    }

    /// <returns>The key, and the conversation to send: a retry goes exactly as the first attempt went.</returns>
    public (string Key, long? ConversationId) ForSubmission(string message, long? conversationId)
    {
        lock (_lock)
        {
            if (_pending is { } retry && retry.Message == message
                && (retry.ConversationId == conversationId || (retry.Started is { } started && started == conversationId)))
            {
                return (retry.Key, retry.ConversationId);
            }
            _pending = new Submission(message, conversationId, Guid.NewGuid().ToString());
            return (_pending.Key, conversationId);
        }
    }

    /// <summary>The turn keyed <paramref name="key"/> started <paramref name="conversationId"/>.</summary>
    public void Started(string key, long conversationId)
    {
        lock (_lock)
        {
            if (_pending is { ConversationId: null } submission && submission.Key == key)
            {
                submission.Started = conversationId;
            }
        }
    }

    /// <summary>The turn keyed <paramref name="key"/> is answered: the next message, even the same words, is a new one.</summary>
    public void Answered(string key)
    {
        lock (_lock)
        {
            if (_pending?.Key == key)
            {
                _pending = null;
            }
        }
    }

    /// <summary>Sets the key on a chat request.</summary>
    public static void Attach(HttpRequestMessage request, string key) => request.Headers.Add(IdempotencyKeys.Header, key);
}
