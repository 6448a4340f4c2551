using System.Buffers.Text;
using System.Text;

namespace TaskChat.Web.Auth;

/// <summary>
/// The one parameter of a link the web mails (<c>?token=</c>: a password reset, an email confirmation): the account's id
/// and Identity's token for it, base64url, so the link needs no escaping and names its account without a lookup by email.
/// </summary>
internal static class MailedLinkTokens
{
    /// <summary>No token the web makes is near this long; a longer one is refused before it is decoded.</summary>
    private const int MaxTokenLength = 2048;

    /// <summary>The link's one parameter: the account's id and Identity's token, base64url (no characters a URL must escape).</summary>
    public static string Pack(string userId, string identityToken) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{userId}\n{identityToken}"));

    public static (string UserId, string Token)? Unpack(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !Base64Url.IsValid(token))
        {
            return null;
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline > 0 && newline < text.Length - 1 && !text.Any(c => char.IsControl(c) && c != '\n')
            ? (text[..newline], text[(newline + 1)..])
            : null;
    }
}
