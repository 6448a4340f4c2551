using Microsoft.AspNetCore.Identity;

namespace TaskChat.Data.Model;

/// <summary>A person who signs in to the web; its Id is the `sub` of the tokens the web issues.</summary>
public sealed class TaskChatUser : IdentityUser
{
    /// <summary>The display name given at sign-up (the token's `name`).</summary>
    public string Name { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The user's IANA time zone (e.g. "Europe/Paris"): due dates and "today" are read in it. It
    /// travels in the tokens the web issues as the standard `zoneinfo` claim, so the api and the
    /// mcp need no database read to know it.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Whether a reminder that no open page showed goes to the user's email a short while after it went off (on by
    /// default, and for the accounts made before it existed: a reminder is something the user asked for). Changed on /account.
    /// </summary>
    public bool EmailReminders { get; set; } = true;
}
