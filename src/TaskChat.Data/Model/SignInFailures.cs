namespace TaskChat.Data.Model;

/// <summary>
/// Failed sign-ins for one email from one client address: the web's lockout, counted per pair so that
/// a stranger's failures lock out the stranger's address, never the owner signing in from elsewhere,
/// and kept in the database so that it holds across web replicas (<see cref="Limits.SignInLockout"/>).
/// </summary>
public sealed class SignInFailures
{
    /// <summary>SHA-256 (hex) of the normalized email and the address: no email or address is stored in the clear.</summary>
    public required string PairHash { get; set; }

    public int Failures { get; set; }

    /// <summary>The last failure: seconds since the Unix epoch. Failures older than the lockout period are forgotten.</summary>
    public long LastFailureAt { get; set; }

    /// <summary>Until when this pair is refused without a password check: seconds since the Unix epoch (0: not locked).</summary>
    public long LockedUntil { get; set; }
}
