using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskChat.Data.Events;

/// <summary>What happened to a user's data that open pages should hear about.</summary>
public enum UserEventKind
{
    /// <summary>A task was added, changed, completed or deleted (by the chat, the mcp, REST or a page).</summary>
    TasksChanged,

    /// <summary>Reminders went off: new notifications (their ids) to show.</summary>
    Reminder,

    /// <summary>Notifications were read or dismissed in one tab: the others update their unread count.</summary>
    NotificationsChanged,
}

/// <summary>
/// One event as it travels between processes (PostgreSQL NOTIFY on <see cref="UserEventChannel.Name"/>):
/// whose, what kind, and the ids of new notifications. Never a title or any other content: a listener
/// reads what it shows from the database, scoped to the user, so the channel carries nothing worth stealing.
/// </summary>
public sealed record UserEventMessage(
    [property: JsonPropertyName("u")] string UserId,
    [property: JsonPropertyName("k")] UserEventKind Kind,
    [property: JsonPropertyName("n")] IReadOnlyList<long>? NotificationIds = null)
{
    private static readonly JsonSerializerOptions Wire = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static UserEventMessage TasksChanged(string userId) => new(userId, UserEventKind.TasksChanged);

    public string ToPayload() => JsonSerializer.Serialize(this, Wire);

    /// <summary>The message in a payload, or null for anything else (another sender's format, garbage): ignored, never thrown.</summary>
    public static UserEventMessage? Parse(string? payload)
    {
        if (string.IsNullOrEmpty(payload) || payload.Length > UserEventChannel.MaxPayloadLength)
        {
            return null;
        }
        try
        {
            var message = JsonSerializer.Deserialize<UserEventMessage>(payload, Wire);
            return message is { UserId.Length: > 0 and <= FieldLimits.UserId } && Enum.IsDefined(message.Kind) ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
