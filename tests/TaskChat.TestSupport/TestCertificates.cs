using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TaskChat.TestSupport;

/// <summary>A self-signed RSA certificate in a PKCS#12 file, as KEY_RING_CERTIFICATE names one; deleted on dispose.</summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(string path, string thumbprint)
    {
        Path = path;
        Thumbprint = thumbprint;
    }

    /// <summary>The .pfx file.</summary>
    public string Path { get; }

    public string Thumbprint { get; }

    /// <param name="password">The file's password; null for none.</param>
    /// <param name="withPrivateKey">False: the certificate alone, which can encrypt but never decrypt.</param>
    public static TestCertificate Create(string? password = null, bool withPrivateKey = true)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=TaskChat key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"taskchat-key-ring-{Guid.NewGuid():N}.pfx");
        var bytes = withPrivateKey
            ? certificate.Export(X509ContentType.Pkcs12, password)
            : X509CertificateLoader.LoadCertificate(certificate.RawData).Export(X509ContentType.Pkcs12, password);
        File.WriteAllBytes(path, bytes);
        return new TestCertificate(path, certificate.Thumbprint);
    }

    /// <summary>The certificate with its private key, as the web loads it.</summary>
    public X509Certificate2 Load(string? password = null) => X509CertificateLoader.LoadPkcs12FromFile(Path, password);

    public void Dispose() => File.Delete(Path);
}
