using Microsoft.AspNetCore.Identity;

namespace TaskChat.Data.Model;

/// <summary>A person who signs in to the web; its Id is the `sub` of the tokens the web issues.</summary>
public sealed class TaskChatUser : IdentityUser
{
    /// <summary>The display name given at sign-up (the token's `name`).</summary>
    public string Name { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
