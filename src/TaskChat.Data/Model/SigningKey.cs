namespace TaskChat.Data.Model;

/// <summary>
/// One of the web's token signing keys. Its life: created and published in the JWKS (possibly
/// before it signs), signs from <see cref="ActivatesAt"/> until <see cref="RetiresAt"/>, stays
/// published until <see cref="ExpiresAt"/> (the last token it signed has expired), then goes.
/// </summary>
public sealed class SigningKey
{
    /// <summary>The key id: the `kid` in token headers and in the JWKS.</summary>
    public required string Id { get; set; }

    /// <summary>1, 2, 3...: unique, so two replicas that race to create the next key cannot both succeed.</summary>
    public int Generation { get; set; }

    /// <summary>The JWS algorithm, e.g. ES256.</summary>
    public required string Algorithm { get; set; }

    /// <summary>The private key, protected with ASP.NET Core Data Protection (never stored in the clear).</summary>
    public required string ProtectedKey { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ActivatesAt { get; set; }
    public DateTime RetiresAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
