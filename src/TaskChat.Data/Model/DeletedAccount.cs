namespace TaskChat.Data.Model;

/// <summary>
/// An account that was deleted: its id, kept after everything else of the user is gone, because the web's tokens
/// are checked against the JWKS only and one minted before the deletion stays valid for its last minutes. The
/// writes that create a user's rows (a task's number, a chat turn's count) refuse an id listed here
/// (<see cref="Accounts.DeletedAccounts"/>), so such a token reads nothing (everything is gone) and recreates nothing.
/// </summary>
public sealed class DeletedAccount
{
    /// <summary>The deleted user's id (a random GUID that Identity never hands out again): nothing that says who they were.</summary>
    public required string UserId { get; set; }

    public DateTime DeletedAt { get; set; }
}
