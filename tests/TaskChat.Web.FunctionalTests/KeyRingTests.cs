using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// The Data Protection key ring (which protects the session cookies and the signing keys) is stored
/// encrypted with KEY_RING_CERTIFICATE, a secret that is not in the database: whoever reads the
/// database can neither forge a session nor take a signing key to mint tokens.
/// </summary>
public abstract class KeyRingTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task WithTheCertificateTheStoredKeysAreEncryptedXmlWithoutAMasterKeyInTheClear()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var certificate = TestCertificate.Create();
        await using (var web = await StartAsync(database, certificate))
        {
            await SignUpAsync(web);
        }

        await using var db = database.CreateDbContext();
        var rows = db.DataProtectionKeys.ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.Contains("<EncryptedData", row.Xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedXmlDecryptor", row.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", row.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", row.Xml, StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task ADumpOfTheDatabaseCannotUnprotectTheSigningKeysWithoutTheCertificate()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var certificate = TestCertificate.Create();
        await using (var web = await StartAsync(database, certificate))
        {
            await WebServers.TokenAsync(await SignUpAsync(web)); // A signing key exists.
        }

        // What a forger with a copy of the database has: the key ring's rows and the protected signing key.
        await using var db = database.CreateDbContext();
        var dump = db.DataProtectionKeys.Select(k => k.Xml!).ToList();
        var signingKey = db.SigningKeys.OrderByDescending(k => k.Generation).First().ProtectedKey;

        Assert.ThrowsAny<CryptographicException>(() => SigningKeyProtector(dump).Unprotect(signingKey));
        // The same dump opens with the certificate: the refusal above is the encryption's doing.
        Assert.NotEmpty(SigningKeyProtector(dump, certificate).Unprotect(signingKey));
    }

    [SkippableFact]
    public async Task AWebWithoutTheCertificateCannotReadTheSessionCookies()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var certificate = TestCertificate.Create();
        await using var web = await StartAsync(database, certificate);
        var cookie = await SignUpForCookieAsync(web);
        await using var withoutCertificate = await StartAsync(database, certificate: null);

        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(web, cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(withoutCertificate, cookie));
    }

    [SkippableFact]
    public async Task KeysWrittenUnderAPreviousCertificateStayReadableWhileItIsListed()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var previous = TestCertificate.Create();
        using var current = TestCertificate.Create();
        string cookie;
        await using (var before = await StartAsync(database, previous))
        {
            cookie = await SignUpForCookieAsync(before);
        }

        await using (var rotated = await StartAsync(database, current, previous))
        {
            Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(rotated, cookie));
        }
        await using var previousDropped = await StartAsync(database, current);
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(previousDropped, cookie));
    }

    /// <summary>A web over <paramref name="database"/>, its key ring encrypted with <paramref name="certificate"/> (none: development's unencrypted one).</summary>
    private static async Task<RunningService> StartAsync(TestDatabase database, TestCertificate? certificate, TestCertificate? previous = null)
    {
        var variables = new Dictionary<string, string>();
        if (certificate is not null)
        {
            variables["KEY_RING_CERTIFICATE"] = certificate.Path;
        }
        if (previous is not null)
        {
            variables["KEY_RING_PREVIOUS_CERTIFICATES"] = previous.Path;
        }
        return (await new SystemBuilder(database.Url).WithWeb(variables).Wired(wiring => wiring with { Issuer = WebServers.Issuer }).StartAsync()).Web;
    }

    private static async Task<HttpClient> SignUpAsync(RunningService web)
    {
        var browser = WebServers.Browser(web);
        await WebServers.SignUpAsync(browser);
        return browser;
    }

    private static async Task<string> SignUpForCookieAsync(RunningService web)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var signUp = await http.PostAsJsonAsync(new Uri(web.BaseAddress, "api/auth/sign-up/email"), new { email = WebServers.NewEmail(), password = WebServers.Password, name = "Ada" });
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        return signUp.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("taskchat.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpStatusCode> TokenStatusAsync(RunningService web, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(web.BaseAddress, "api/auth/token"));
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Data Protection as the web sets it up, over the dumped key ring only (nothing new is created).</summary>
    private static IDataProtector SigningKeyProtector(List<string> dump, TestCertificate? certificate = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var builder = services.AddDataProtection().SetApplicationName("TaskChat");
        if (certificate is not null)
        {
            builder.UnprotectKeysWithAnyCertificate(certificate.Load());
        }
        services.Configure<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new DumpedKeys(dump);
            options.AutoGenerateKeys = false;
        });
        return services.BuildServiceProvider().GetDataProtector("TaskChat.Web.SigningKeys.v1");
    }

    private sealed class DumpedKeys(List<string> xml) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => [.. xml.Select(x => XElement.Parse(x))];

        public void StoreElement(XElement element, string friendlyName) => throw new InvalidOperationException("A dump is read-only.");
    }
}

public sealed class SqliteKeyRingTests() : KeyRingTests(DatabaseProvider.Sqlite);

public sealed class PostgresKeyRingTests() : KeyRingTests(DatabaseProvider.Postgres);
