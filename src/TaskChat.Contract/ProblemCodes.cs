namespace TaskChat.Contract;

/// <summary>
/// The <c>code</c> of an HTTP problem details answer (RFC 9457), in every service. Each status has a
/// general code; some answers name their cause more precisely.
/// </summary>
public static class ProblemCodes
{
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Validation = "validation";
    public const string RateLimited = "rate_limited";
    public const string Unavailable = "unavailable";
    public const string Timeout = "timeout";
    public const string Internal = "internal";

    /// <summary>Any other status.</summary>
    public const string Error = "error";

    /// <summary>Any service: the database cannot be reached or used (503, with Retry-After).</summary>
    public const string DatabaseUnavailable = "database_unavailable";

    /// <summary>The tasks api: the user keeps as many tasks as TASKS_PER_USER_MAX allows (409).</summary>
    public const string TaskLimitReached = "task_limit_reached";

    /// <summary>The api and the mcp: the token's account was deleted; a token minted before that may not write (401).</summary>
    public const string AccountDeleted = "account_deleted";

    /// <summary>The tasks api: a restore of a task that is not deleted (409).</summary>
    public const string TaskNotDeleted = "task_not_deleted";

    /// <summary>The mcp: the OAuth token's scopes do not cover the call (403, with a WWW-Authenticate that names the scope).</summary>
    public const string InsufficientScope = "insufficient_scope";

    /// <summary>
    /// The api and the mcp: the token could not be checked because the issuer's signing keys (AUTH_JWKS_URL) could not be
    /// fetched (503, with Retry-After). Not a 401: the token may well be valid, and a client should not sign out for it.
    /// </summary>
    public const string IssuerUnavailable = "issuer_unavailable";

    /// <summary>The api's chat: the mcp cannot be reached (503).</summary>
    public const string McpUnavailable = "mcp_unavailable";

    /// <summary>The api's chat: an MCP request outlived MCP_TIMEOUT_SECONDS (504).</summary>
    public const string McpTimeout = "mcp_timeout";

    /// <summary>The api's chat: the model's server cannot be reached or refused the request (503).</summary>
    public const string LlmUnavailable = "llm_unavailable";

    /// <summary>The api's chat: the Idempotency-Key header is empty, too long or has characters keys may not have (400).</summary>
    public const string InvalidIdempotencyKey = "invalid_idempotency_key";

    /// <summary>The api's chat: the turn under this Idempotency-Key is still running (409, with Retry-After).</summary>
    public const string IdempotencyKeyInUse = "idempotency_key_in_use";

    /// <summary>The api's chat: the Idempotency-Key was used for another message or conversation (422).</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    /// <summary>The api's chat: the user has MAX_CONVERSATIONS_PER_USER conversations; a new one is refused (409).</summary>
    public const string ConversationLimitReached = "conversation_limit_reached";

    /// <summary>The mcp: a browser page of another host (403).</summary>
    public const string ForbiddenOrigin = "forbidden_origin";

    /// <summary>The web's sign-in: wrong email or password (401).</summary>
    public const string InvalidCredentials = "invalid_credentials";

    /// <summary>The web's sign-in: too many failures, the account is locked for a while (429).</summary>
    public const string LockedOut = "locked_out";

    /// <summary>The web's change-password: the current password given is wrong (403).</summary>
    public const string WrongPassword = "wrong_password";

    /// <summary>The web's sign-up: the email has an account (409).</summary>
    public const string UserAlreadyExists = "user_already_exists";

    /// <summary>The web's CSRF check: a cookie endpoint called from another site (403).</summary>
    public const string CrossOrigin = "cross_origin";

    /// <summary>The web's reset-password: the link's token is expired, used already, or not one the web made (400).</summary>
    public const string InvalidToken = "invalid_token";

    /// <summary>The web's request-password-reset: this server has no way to send mail (SMTP_URL is off) (503).</summary>
    public const string PasswordResetUnavailable = "password_reset_unavailable";

    /// <summary>The web's send-verification-email: this server has no way to send mail (SMTP_URL is off) (503).</summary>
    public const string EmailConfirmationUnavailable = "email_confirmation_unavailable";

    /// <summary>The web's verify-email: the account changed while its email was being confirmed (409): open the link again.</summary>
    public const string AccountChanged = "account_changed";
}
