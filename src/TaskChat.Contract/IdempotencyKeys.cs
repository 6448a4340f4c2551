namespace TaskChat.Contract;

/// <summary>
/// Idempotency keys on the wire: the <c>Idempotency-Key</c> header of a chat turn (POST /api/chat and
/// /api/chat/stream) and the <c>_meta.idempotency_key</c> of an MCP tool call that writes. A key names
/// one attempt at something, chosen by the caller and sent again with a retry of the same thing, so
/// the retry is answered with the first outcome instead of doing it twice. Keys are per user.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The chat endpoints' request header.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>Set to "true" on an answer replayed from a stored turn (as Stripe does).</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The member of an MCP request's <c>_meta</c> that carries a tool call's key.</summary>
    public const string MetaName = "idempotency_key";

    /// <summary>A chat turn's key: room for a UUID or a ULID with a prefix, and for the tool-call keys derived from it.</summary>
    public const int MaxChatKeyLength = 128;

    /// <summary>A tool call's key (the api sends the turn's key, a colon and the call's position).</summary>
    public const int MaxToolCallKeyLength = 200;

    /// <summary>The tool-call key of the call at <paramref name="position"/> (0, 1, ...) of the turn keyed <paramref name="turnKey"/>.</summary>
    public static string ForToolCall(string turnKey, int position) =>
        $"{turnKey}:{position.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Why <paramref name="key"/> cannot be a key, for the caller to read; null when it can. A key is
    /// 1 to <paramref name="maxLength"/> characters among letters, digits and <c>- _ . : ~ +</c>
    /// (a UUID, a ULID, base64url): nothing a log line, a header or a URL would have to escape.
    /// </summary>
    public static string? Problem(string? key, int maxLength, string what = Header)
    {
        if (string.IsNullOrEmpty(key))
        {
            return $"{what} cannot be empty.";
        }
        if (key.Length > maxLength)
        {
            return $"{what} must be at most {maxLength} characters.";
        }
        foreach (var c in key)
        {
            if (!IsAllowed(c))
            {
                return $"{what} may contain only letters, digits and - _ . : ~ + (a UUID is a good key).";
            }
        }
        return null;
    }

    private static bool IsAllowed(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or ':' or '~' or '+';
}
