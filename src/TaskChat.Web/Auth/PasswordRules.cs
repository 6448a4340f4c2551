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

    /// <summary>The sign-up form's hint under the field.</summary>
    public const string Hint = "At least 8 characters, with a letter and a digit.";

    /// <summary>What a too-simple password is told, in the hint's words rather than Identity's one rule at a time.</summary>
    public const string TooSimpleText = "Choose a password of at least 8 characters, with a letter and a digit.";

    /// <summary>Identity's own codes (and ours) for a password that misses the hint's rules.</summary>
    private static readonly HashSet<string> HintCodes =
    [
        "PasswordTooShort", "PasswordRequiresDigit", "PasswordRequiresLetter", "PasswordRequiresLower",
        "PasswordRequiresUpper", "PasswordRequiresNonAlphanumeric", "PasswordRequiresUniqueChars",
    ];

    /// <summary>The messages for a refused password: the hint's words once for its rules, any other rule's own.</summary>
    public static string[] Describe(IEnumerable<IdentityError> errors)
    {
        var list = errors.ToList();
        List<string> messages = [];
        if (list.Any(e => HintCodes.Contains(e.Code)))
        {
            messages.Add(TooSimpleText);
        }
        messages.AddRange(list.Where(e => !HintCodes.Contains(e.Code)).Select(e => e.Description));
        return [.. messages];
    }

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
