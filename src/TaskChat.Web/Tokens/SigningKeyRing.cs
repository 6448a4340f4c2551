using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using TaskChat.Data;
using TaskChat.Data.Model;

namespace TaskChat.Web.Tokens;

/// <summary>
/// The keys as of one moment: the one that signs, every published key (what validates), and the JWKS
/// (their public parts).
/// </summary>
internal sealed record KeyRing(SecurityKey SigningKey, IReadOnlyList<SecurityKey> PublishedKeys, string JwksJson, DateTimeOffset FreshUntil)
{
    public bool IsFreshAt(DateTimeOffset now) => now < FreshUntil;
}

/// <summary>
/// The web's signing keys, kept in the database (signing_keys) so that every replica signs with the
/// same key and publishes the same JWKS. Private keys are stored protected by Data Protection,
/// whose own keys are in the database too. Keys are created on the <see cref="KeySchedule"/>: a
/// unique generation number makes two replicas racing to create the next key end with one key. The
/// ring is cached for a minute at most, and never past the next scheduled change.
/// </summary>
internal sealed class SigningKeyRing(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    KeySchedule schedule,
    TimeProvider clock,
    ILogger<SigningKeyRing> logger) : IDisposable
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(1);

    /// <summary>Expired keys are deleted this long after they left the JWKS.</summary>
    private static readonly TimeSpan KeepExpired = TimeSpan.FromDays(1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("TaskChat.Web.SigningKeys.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KeyRing? _current;

    public async Task<KeyRing> GetAsync(CancellationToken cancellationToken)
    {
        var ring = _current;
        if (ring is not null && ring.IsFreshAt(clock.GetUtcNow()))
        {
            return ring;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            ring = _current;
            if (ring is null || !ring.IsFreshAt(now))
            {
                ring = await LoadAsync(now, cancellationToken);
                _current = ring;
            }
            return ring;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<KeyRing> LoadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>();
        var newest = await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.Generation).FirstOrDefaultAsync(cancellationToken);
        if (schedule.NextKey(newest is null ? null : WindowOf(newest), now) is { } window)
        {
            await CreateAsync(db, window, (newest?.Generation ?? 0) + 1, now, cancellationToken);
            newest = await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.Generation).FirstAsync(cancellationToken);
        }

        var cutoff = now.UtcDateTime;
        var rows = await db.SigningKeys.AsNoTracking().Where(k => k.ExpiresAt > cutoff).OrderBy(k => k.Generation).ToListAsync(cancellationToken);
        var published = new List<(SigningKey Row, ECDsa Key)>();
        foreach (var row in rows)
        {
            if (Unprotect(row) is { } key)
            {
                published.Add((row, key));
            }
        }
        var signing = published.Where(p => WindowOf(p.Row).SignsAt(now)).MaxBy(p => p.Row.Generation);
        if (signing.Key is null)
        {
            throw new InvalidOperationException("No usable signing key: see the errors logged above.");
        }

        // The next moment the answer changes: a key activates, retires or expires, or a successor is due.
        var changes = rows.SelectMany(r => new[] { AsUtc(r.ActivatesAt), AsUtc(r.RetiresAt), AsUtc(r.ExpiresAt) })
            .Append(schedule.SuccessorDueAt(WindowOf(newest!)))
            .Where(t => t > now);
        var freshUntil = changes.Append(now + CacheDuration).Min();
        IReadOnlyList<SecurityKey> publishedKeys = [.. published.Select(p => new ECDsaSecurityKey(p.Key) { KeyId = p.Row.Id })];
        return new KeyRing(new ECDsaSecurityKey(signing.Key) { KeyId = signing.Row.Id }, publishedKeys, Jwks(published), freshUntil);
    }

    private async Task CreateAsync(TaskChatDbContext db, KeyWindow window, int generation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        db.SigningKeys.Add(new SigningKey
        {
            Id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12)),
            Generation = generation,
            Algorithm = Algorithm,
            ProtectedKey = _protector.Protect(Convert.ToBase64String(key.ExportPkcs8PrivateKey())),
            CreatedAt = now.UtcDateTime,
            ActivatesAt = window.ActivatesAt.UtcDateTime,
            RetiresAt = window.RetiresAt.UtcDateTime,
            ExpiresAt = window.ExpiresAt.UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created signing key generation {Generation}, signing from {ActivatesAt:O}", generation, window.ActivatesAt);
            var expired = (now - KeepExpired).UtcDateTime;
            await db.SigningKeys.Where(k => k.ExpiresAt < expired && k.Generation < generation).ExecuteDeleteAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique generation: another replica created this key first. Use theirs.
            logger.LogDebug("Signing key generation {Generation} was created by another replica", generation);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private ECDsa? Unprotect(SigningKey row)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(row.ProtectedKey)), out _);
            return key;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            key.Dispose();
            // Its Data Protection key is gone (another application name, a wiped table): it can neither sign nor be published.
            logger.LogError("Signing key generation {Generation} cannot be read ({Reason}): left out of the JWKS", row.Generation, e.GetType().Name);
            return null;
        }
    }

    private static string Jwks(List<(SigningKey Row, ECDsa Key)> published) => JsonSerializer.Serialize(new
    {
        keys = published.Select(p =>
        {
            var point = p.Key.ExportParameters(includePrivateParameters: false).Q;
            return new Dictionary<string, string>
            {
                ["kty"] = "EC",
                ["crv"] = "P-256",
                ["x"] = Base64UrlEncoder.Encode(point.X),
                ["y"] = Base64UrlEncoder.Encode(point.Y),
                ["kid"] = p.Row.Id,
                ["use"] = "sig",
                ["alg"] = Algorithm,
            };
        }),
    });

    private static KeyWindow WindowOf(SigningKey row) => new(AsUtc(row.ActivatesAt), AsUtc(row.RetiresAt), AsUtc(row.ExpiresAt));

    private static DateTimeOffset AsUtc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
