using Microsoft.AspNetCore.Identity;
using TaskChat.Data.Model;

namespace TaskChat.Web.Auth;

/// <summary>
/// What a password needs beyond Identity's own checks (length, a digit): a letter, and an upper
/// bound, so that a megabyte "password" does not cost a megabyte of hashing.
/// </summary>
internal sealed class PasswordRules : IPasswordValidator<TaskChatUser>
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<TaskChatUser> manager, TaskChatUser user, string? password)
    {
        if (password is { Length: > MaxLength })
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters." }));
        }
        if (password is null || !password.Any(char.IsLetter))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordRequiresLetter", Description = "Passwords must have at least one letter." }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
