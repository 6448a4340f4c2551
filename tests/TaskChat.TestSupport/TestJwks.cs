using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TaskChat.TestSupport;

/// <summary>
/// A stand-in for the web's issuer: serves a JWKS on a loopback port and mints tokens, good ones
/// and every kind of bad one, with keys it can rotate while a service under test is running.
/// </summary>
public sealed class TestJwks : IAsyncDisposable
{
    public const string Issuer = "http://localhost:3000";
    public const string Audience = "taskchat";

    private WebApplication _app = null!;
    private readonly Lock _gate = new();
    private readonly List<SecurityKey> _published = [];
    private int _requests;

    private TestJwks()
    {
    }

    public Uri JwksUrl { get; private set; } = null!;

    /// <summary>The key new tokens are signed with.</summary>
    public SecurityKey CurrentKey { get; private set; } = null!;

    /// <summary>How many times the JWKS was fetched.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    public static async Task<TestJwks> StartAsync()
    {
        var jwks = new TestJwks();
        jwks.Rotate();
        var (app, address) = await LoopbackServer.StartAsync(app => app.MapGet("/api/auth/jwks", (HttpContext context) => jwks.Serve(context)));
        jwks._app = app;
        jwks.JwksUrl = new Uri(address, "/api/auth/jwks");
        return jwks;
    }

    /// <summary>Publishes a new key and signs with it from now on; older keys stay published.</summary>
    public SecurityKey Rotate(bool ecdsa = true)
    {
        SecurityKey key = ecdsa
            ? new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "ec-" + Guid.NewGuid().ToString("N")[..12] }
            : new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rsa-" + Guid.NewGuid().ToString("N")[..12] };
        lock (_gate)
        {
            _published.Add(key);
            CurrentKey = key;
        }
        return key;
    }

    /// <summary>A key that signs tokens but is not published: what a forger would have.</summary>
    public static SecurityKey UnpublishedKey(string keyId) =>
        new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = keyId };

    public string CreateToken(
        string userId,
        string? issuer = Issuer,
        string? audience = Audience,
        TimeSpan? lifetime = null,
        DateTime? notBefore = null,
        SecurityKey? key = null,
        IDictionary<string, object>? claims = null,
        bool withIssuedAt = true)
    {
        key ??= CurrentKey;
        var now = DateTime.UtcNow;
        var allClaims = new Dictionary<string, object> { ["email"] = userId + "@example.test", ["name"] = userId };
        if (claims is not null)
        {
            foreach (var (name, value) in claims)
            {
                allClaims[name] = value;
            }
        }
        var issuedAt = notBefore ?? now;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = withIssuedAt ? issuedAt : null,
            NotBefore = issuedAt,
            Expires = issuedAt + (lifetime ?? TimeSpan.FromMinutes(15)),
            Claims = allClaims,
            SigningCredentials = new SigningCredentials(key, key is RsaSecurityKey ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.EcdsaSha256),
        };
        if (userId.Length > 0)
        {
            descriptor.Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", userId)]);
        }
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token ("alg": "none") with otherwise valid claims.</summary>
    public static string CreateUnsignedToken(string userId)
    {
        var header = Base64Url(JsonSerializer.Serialize(new { alg = "none", typ = "JWT" }));
        return header + "." + Base64Url(ValidPayload(userId)) + ".";
    }

    /// <summary>
    /// The classic algorithm-confusion forgery: HS256 with the issuer's public key as the HMAC secret.
    /// </summary>
    public string CreateHs256TokenWithPublicKey(string userId)
    {
        var publicJwk = JsonWebKeyConverter.ConvertFromSecurityKey(PublicKey(CurrentKey));
        var secret = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(publicJwk));
        var header = Base64Url(JsonSerializer.Serialize(new { alg = "HS256", typ = "JWT", kid = CurrentKey.KeyId }));
        var payload = Base64Url(ValidPayload(userId));
        var signature = Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Serve(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        List<JsonWebKey> keys;
        lock (_gate)
        {
            keys = [.. _published.Select(k => JsonWebKeyConverter.ConvertFromSecurityKey(PublicKey(k)))];
        }
        foreach (var key in keys)
        {
            key.Use = "sig";
            key.Alg = key.Kty == "RSA" ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.EcdsaSha256;
        }
        return Results.Json(new { keys }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
    }

    private static SecurityKey PublicKey(SecurityKey key) => key switch
    {
        ECDsaSecurityKey ec => new ECDsaSecurityKey(ECDsa.Create(ec.ECDsa.ExportParameters(includePrivateParameters: false))) { KeyId = ec.KeyId },
        RsaSecurityKey rsa => new RsaSecurityKey(rsa.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = rsa.KeyId },
        _ => throw new ArgumentException("Unsupported key type.", nameof(key)),
    };

    private static string ValidPayload(string userId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = Issuer, ["aud"] = Audience, ["sub"] = userId, ["iat"] = now, ["nbf"] = now, ["exp"] = now + 900,
        });
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
