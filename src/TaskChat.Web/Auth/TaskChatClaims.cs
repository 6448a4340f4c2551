using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TaskChat.Data.Model;

namespace TaskChat.Web.Auth;

/// <summary>Puts the display name in the session cookie, so that the header shows it without a database read.</summary>
internal sealed class TaskChatClaims(UserManager<TaskChatUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TaskChatUser>(users, options)
{
    public const string Name = "name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TaskChatUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Name, user.Name));
        return identity;
    }
}
