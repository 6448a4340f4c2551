using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using TaskChat.Data.Model;

namespace TaskChat.Web.Auth;

/// <summary>
/// What a password needs beyond Identity's own checks (length, a digit): a letter; an upper bound, so
/// that a megabyte "password" does not cost a megabyte of hashing; not one of the 10,000 most common
/// passwords (the first guesses of any attacker: common-passwords.txt, from zxcvbn-ts, MIT); and not
/// built on the email's own name ("ada.lovelace1" for ada.lovelace@...).
/// </summary>
internal sealed class PasswordRules : IPasswordValidator<TaskChatUser>
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public const string CommonPasswordText = "This password is one of the most common passwords, the first an attacker tries: choose another.";
    public const string EmailPasswordText = "Passwords must not contain your email address's name: choose another.";

    /// <summary>An email name shorter than this ("al") is too common a string to forbid inside passwords.</summary>
    private const int MinLocalPartToRefuse = 3;

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadCommonPasswords);

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
            return Failed("PasswordTooLong", $"Passwords must be at most {MaxLength} characters.");
        }
        if (password is null || !password.Any(char.IsLetter))
        {
            return Failed("PasswordRequiresLetter", "Passwords must have at least one letter.");
        }
        if (IsCommon(password))
        {
            return Failed("PasswordTooCommon", CommonPasswordText);
        }
        if (ContainsEmailName(password, user.Email))
        {
            return Failed("PasswordContainsEmail", EmailPasswordText);
        }
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>Whatever its case: "Password1" is guessed as soon as "password1".</summary>
    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.Trim().ToLowerInvariant());

    public static bool ContainsEmailName(string password, string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (at < MinLocalPartToRefuse)
        {
            return false;
        }
        return password.Contains(email![..at], StringComparison.OrdinalIgnoreCase);
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("TaskChat.Web.Auth.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in the web's assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }
        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
