using TaskChat.Contract;

namespace TaskChat.Web.Api;

/// <summary>
/// The message the user last submitted in this circuit, kept until its turn is answered. The chat page
/// names each message it sends (an id it keeps while the message is unanswered), and that id is the
/// turn's Idempotency-Key: sent again after a failure, the same message goes with the same key, so the
/// api answers with the turn if it did finish and the mcp applies no write twice if the turn is run
/// again; two messages with the same words sent on purpose are two ids, so two turns. What this class
/// adds is the conversation: a retry goes exactly as the first attempt went.
/// </summary>
internal sealed class ChatRetryKeys
{
    private readonly Lock _lock = new();
    private Submission? _pending;

    private sealed record Submission(Guid MessageId, long? ConversationId, string Key)
    {
        /// <summary>The conversation the failed turn started (and the api removed again): the page may send it back.</summary>
        public long? Started { get; set; }
    }

    /// <param name="messageId">The page's id of the message: the same for every attempt at sending it.</param>
    /// <param name="conversationId">The conversation the page sends it to.</param>
    /// <returns>The key, and the conversation to send: a retry goes exactly as the first attempt went.</returns>
    public (string Key, long? ConversationId) ForSubmission(Guid messageId, long? conversationId)
    {
        lock (_lock)
        {
            if (_pending is { } retry && retry.MessageId == messageId)
            {
                if (retry.ConversationId == conversationId || (retry.Started is { } started && started == conversationId))
                {
                    return (retry.Key, retry.ConversationId);
                }
                // The same message to another conversation (the user switched meanwhile) is another
                // request: the api would refuse a key reused with a different body.
                _pending = new Submission(messageId, conversationId, Guid.NewGuid().ToString());
                return (_pending.Key, conversationId);
            }
            _pending = new Submission(messageId, conversationId, messageId.ToString());
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

    /// <summary>The turn keyed <paramref name="key"/> is answered: it is no longer pending.</summary>
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
