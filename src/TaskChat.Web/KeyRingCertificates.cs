using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TaskChat.ServiceDefaults.Configuration;

namespace TaskChat.Web;

/// <summary>
/// The certificates that encrypt the Data Protection key ring in the database (which protects the
/// session cookies and the signing keys), so that a copy of the database alone opens nothing. They
/// are secrets mounted as files: KEY_RING_CERTIFICATE encrypts new keys and reads them;
/// KEY_RING_PREVIOUS_CERTIFICATES only read the keys written before a rotation.
/// </summary>
public sealed record KeyRingCertificates(X509Certificate2 Current, IReadOnlyList<X509Certificate2> Previous)
{
    public const string Variable = "KEY_RING_CERTIFICATE";
    public const string PasswordVariable = "KEY_RING_CERTIFICATE_PASSWORD";
    public const string PreviousVariable = "KEY_RING_PREVIOUS_CERTIFICATES";

    /// <summary>
    /// The certificates, or null when none is set: allowed in development only (the key ring then stays
    /// unencrypted), refused in production. Each file must be a PKCS#12 file that opens with
    /// KEY_RING_CERTIFICATE_PASSWORD (or none) and holds an RSA private key.
    /// </summary>
    public static KeyRingCertificates? Read(SettingsReader reader)
    {
        var path = reader.Raw(Variable)?.Trim();
        var password = reader.Raw(PasswordVariable);
        if (string.IsNullOrEmpty(path))
        {
            if (reader.IsProduction)
            {
                reader.Problem(Variable, "is required in production: the path to a PKCS#12 (.pfx) certificate with its private key that encrypts the keys stored in the database (docs/deploy.md, \"The key ring certificate\").");
            }
            return null;
        }
        var current = Load(reader, Variable, path, password);
        var previous = (reader.Raw(PreviousVariable) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(file => Load(reader, PreviousVariable, file, password))
            .OfType<X509Certificate2>()
            .ToList();
        return current is null ? null : new KeyRingCertificates(current, previous);
    }

    /// <summary>What the start-up line says about it: the thumbprints, never a password.</summary>
    public static string Summary(KeyRingCertificates? certificates) => certificates is null
        ? "key_ring=unencrypted"
        : $"key_ring=certificate:{certificates.Current.Thumbprint}" + (certificates.Previous.Count > 0 ? $" key_ring_previous={string.Join(',', certificates.Previous.Select(c => c.Thumbprint))}" : "");

    private static X509Certificate2? Load(SettingsReader reader, string variable, string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            var bytes = File.ReadAllBytes(path);
            certificate = X509CertificateLoader.LoadPkcs12(bytes, string.IsNullOrEmpty(password) ? null : password);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reader.Problem(variable, $"names '{path}', which cannot be read ({e.GetType().Name}): mount the certificate file there.");
            return null;
        }
        catch (CryptographicException)
        {
            // The message never says which of the two, nor echoes the password.
            reader.Problem(variable, $"names '{path}', which does not open as a PKCS#12 (.pfx) file with {PasswordVariable}: check the file and the password.");
            return null;
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is not { } key)
        {
            reader.Problem(variable, $"names '{path}', which holds no RSA private key: export the certificate with its RSA key (openssl pkcs12 -export -inkey ...).");
            certificate.Dispose();
            return null;
        }
        key.Dispose();
        return certificate;
    }
}
