using System.Text.RegularExpressions;

namespace TaskChat.ServiceDefaults.Logging;

/// <summary>
/// Masks credentials in text bound for a log: passwords in URLs and connection strings, bearer
/// tokens, JWTs, API keys and Data Protection key XML. The last line of defence: code should not log secrets in the first
/// place, but a driver's exception message or a library's debug line can carry one.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "***";

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        text = KeyXml().Replace(text, "<${tag}${attributes}>" + Mask + "</${tag}>");
        text = UriCredentials().Replace(text, "${prefix}" + Mask + "@");
        text = KeyValueSecret().Replace(text, "${key}${sep}" + Mask);
        text = JsonSecret().Replace(text, "${key}\"" + Mask + "\"");
        text = BearerToken().Replace(text, "${scheme} " + Mask);
        text = Jwt().Replace(text, Mask);
        text = ApiKey().Replace(text, Mask);
        return text;
    }

    // Data Protection key XML: the master key (and its <value>), and whatever an encryptor made of it.
    [GeneratedRegex(@"<(?<tag>masterKey|value|encryptedSecret|EncryptedData|CipherValue|encryptedKey)\b(?<attributes>[^>]*)>.*?</\k<tag>\s*>",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex KeyXml();

    // scheme://user:password@  ->  scheme://user:***@ (up to the last '@': a pasted password may hold one unencoded)
    [GeneratedRegex(@"(?<prefix>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@\s]*:)[^\s/]+@")]
    private static partial Regex UriCredentials();

    // A name that says its value is a secret, also as part of a longer name (DB_PASSWORD, OPENAI_API_KEY, client_secret).
    private const string SecretName = @"\w*?(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?token|refresh[_-]?token|token)";

    // Password=...; pwd=...; api_key=...; secret: ...; quoted as connection string builders quote: Password="a b"
    [GeneratedRegex(@"(?<key>\b" + SecretName + @"\b)(?<sep>\s*[=:]\s*)(?!\*\*\*)(?:""(?:[^""]|"""")*""|'(?:[^']|'')*'|[^;&,\s""']+)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValueSecret();

    // "password": "..."
    [GeneratedRegex(@"(?<key>""" + SecretName + @"""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase)]
    private static partial Regex JsonSecret();

    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Basic))\s+[A-Za-z0-9\-._~+/]{12,}=*", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    // OpenAI-style and similar provider keys.
    [GeneratedRegex(@"\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}")]
    private static partial Regex ApiKey();
}
