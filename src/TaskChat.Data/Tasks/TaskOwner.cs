namespace TaskChat.Data.Tasks;

/// <summary>
/// Whose tasks an operation works on: the user id (a validated token's subject) and the time zone
/// their dates are read in (the token's `zoneinfo`, UTC when absent or unknown).
/// </summary>
public sealed record TaskOwner(string UserId, TimeZoneInfo TimeZone)
{
    public static TaskOwner From(string userId, string? timeZoneId) => new(TaskRules.UserId(userId), TaskTime.ZoneOrUtc(timeZoneId));
}
