using System.Threading.RateLimiting;

namespace TaskChat.Web.Auth.Throttling;

/// <summary>
/// The sign-in and sign-up budgets (<see cref="AuthLimits"/>), asked by <see cref="Accounts"/> for the
/// JSON endpoints and the forms alike: per client address, and per email once the email is known. Token
/// buckets: a client may spend its whole budget at once (a person retyping a password), then gets one
/// attempt back every window / limit. A refusal costs no database read and no password hash, which is
/// what keeps a flood from slowing everyone else down.
/// </summary>
public sealed class AuthThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _signInsByAddress;
    private readonly PartitionedRateLimiter<string> _signInsByEmail;
    private readonly PartitionedRateLimiter<string> _signUpsByAddress;
    private readonly PartitionedRateLimiter<string> _resetsByAddress;
    private readonly PartitionedRateLimiter<string> _resetsByEmail;
    private readonly PartitionedRateLimiter<string> _confirmationsByEmail;

    public AuthThrottle(WebSettings settings)
    {
        var limits = settings.AuthLimits;
        _signInsByAddress = Buckets(limits.SignInsPerAddressPerMinute, TimeSpan.FromMinutes(1));
        _signInsByEmail = Buckets(limits.SignInsPerEmailPerMinute, TimeSpan.FromMinutes(1));
        _signUpsByAddress = Buckets(limits.SignUpsPerAddressPerHour, TimeSpan.FromHours(1));
        _resetsByAddress = Buckets(limits.PasswordResetsPerAddressPerHour, TimeSpan.FromHours(1));
        _resetsByEmail = Buckets(limits.PasswordResetsPerEmailPerHour, TimeSpan.FromHours(1));
        _confirmationsByEmail = Buckets(limits.EmailConfirmationsPerEmailPerHour, TimeSpan.FromHours(1));
    }

    /// <returns>Null when the attempt may go on, else how long to wait.</returns>
    public TimeSpan? SignInFromAddress(string address) => Take(_signInsByAddress, address);

    /// <returns>Null when the attempt may go on, else how long to wait.</returns>
    public TimeSpan? SignInToEmail(string email) => Take(_signInsByEmail, email.Trim().ToUpperInvariant());

    /// <returns>Null when the attempt may go on, else how long to wait.</returns>
    public TimeSpan? SignUpFromAddress(string address) => Take(_signUpsByAddress, address);

    /// <returns>Null when a password-reset mail may be asked for from this address, else how long to wait.</returns>
    public TimeSpan? PasswordResetFromAddress(string address) => Take(_resetsByAddress, address);

    /// <returns>Null when a password-reset mail may go to this email, else how long to wait.</returns>
    public TimeSpan? PasswordResetToEmail(string email) => Take(_resetsByEmail, email.Trim().ToUpperInvariant());

    /// <returns>Null when a link to confirm this email may be sent again, else how long to wait.</returns>
    public TimeSpan? EmailConfirmationTo(string email) => Take(_confirmationsByEmail, email.Trim().ToUpperInvariant());

    /// <summary>A token bucket per key: <paramref name="limit"/> at once, then one more every window / limit.</summary>
    public static TokenBucketRateLimiterOptions Bucket(int limit, TimeSpan window) => new()
    {
        TokenLimit = limit,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = window / limit,
        AutoReplenishment = true,
        QueueLimit = 0,
    };

    public void Dispose()
    {
        _signInsByAddress.Dispose();
        _signInsByEmail.Dispose();
        _signUpsByAddress.Dispose();
        _resetsByAddress.Dispose();
        _resetsByEmail.Dispose();
        _confirmationsByEmail.Dispose();
    }

    private static PartitionedRateLimiter<string> Buckets(int limit, TimeSpan window)
    {
        var options = Bucket(limit, window);
        return PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => options));
    }

    private static TimeSpan? Take(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1);
    }
}
