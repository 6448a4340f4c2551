using System.Buffers.Text;
using System.Text.Json;

namespace TaskChat.Data;

/// <summary>
/// A page cursor's wire form, shared by every list that pages by keyset (tasks, conversations): base64url of its JSON,
/// opaque to callers. Reading one gives null for anything that is not such a text, too long or malformed; each cursor then
/// checks its own values.
/// </summary>
public static class PageCursor
{
    /// <summary>DateTime.MaxValue.Ticks, as a constant pattern: the most a cursor's ticks may be.</summary>
    public const long MaxTicks = 3155378975999999999;

    public static string Encode<T>(T cursor) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(cursor));

    /// <summary>The cursor written in <paramref name="text"/>, or null when it is not one (unchecked values aside).</summary>
    public static T? Decode<T>(string text, int maxLength) where T : class
    {
        if (text.Length > maxLength || !Base64Url.IsValid(text))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(text));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
