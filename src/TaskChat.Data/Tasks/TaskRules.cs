using System.Globalization;
using System.Text;

namespace TaskChat.Data.Tasks;

/// <summary>
/// The rules every way in (REST, MCP, chat) applies to a task, so that they agree on what is valid.
/// Lengths count Unicode characters (code points), as PostgreSQL's varchar does.
/// </summary>
public static class TaskRules
{
    // ServiceDefaults checks a token's subject against it; the number lives in FieldLimits.
    public const int MaxUserIdLength = FieldLimits.UserId;

    /// <summary>Trims and collapses runs of whitespace (line breaks included) to one space.</summary>
    public static RuleResult<string> Title(string? title)
    {
        if (title is null)
        {
            return RuleResult.Invalid<string>("title is required.");
        }
        if (HasInvalidText(title, allowLineBreaks: true))
        {
            return RuleResult.Invalid<string>("title contains characters that are not allowed (control characters or broken Unicode).");
        }
        var normalized = CollapseWhitespace(title);
        if (normalized.Length == 0)
        {
            return RuleResult.Invalid<string>("title cannot be empty.");
        }
        var length = CountCharacters(normalized);
        if (length > FieldLimits.TaskTitle)
        {
            return RuleResult.Invalid<string>($"title must be at most {FieldLimits.TaskTitle} characters (it has {length}).");
        }
        return RuleResult.Valid<string>(normalized);
    }

    /// <summary>Trims; an empty description means "no description" (null).</summary>
    public static RuleResult<string?> Description(string? description)
    {
        if (description is null)
        {
            return RuleResult.Valid<string?>(null);
        }
        if (HasInvalidText(description, allowLineBreaks: true))
        {
            return RuleResult.Invalid<string?>("description contains characters that are not allowed (control characters or broken Unicode).");
        }
        var trimmed = description.Trim();
        var length = CountCharacters(trimmed);
        if (length > FieldLimits.TaskDescription)
        {
            return RuleResult.Invalid<string?>($"description must be at most {FieldLimits.TaskDescription} characters (it has {length}).");
        }
        return RuleResult.Valid<string?>(trimmed.Length == 0 ? null : trimmed);
    }

    public static RuleResult<long> TaskId(long taskId) =>
        taskId > 0 ? RuleResult.Valid<long>(taskId) : RuleResult.Invalid<long>("task_id must be a positive whole number.");

    /// <summary>The user id comes from a validated token's subject; anything else is a caller bug.</summary>
    public static string UserId(string? userId)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > FieldLimits.UserId)
        {
            throw new ArgumentException($"A user id is 1 to {FieldLimits.UserId} characters.", nameof(userId));
        }
        return userId;
    }

    public static RuleResult<TaskStatusFilter> StatusFilter(string? status) =>
        status?.Trim().ToLowerInvariant() switch
        {
            null or "" or "all" => RuleResult.Valid<TaskStatusFilter>(TaskStatusFilter.All),
            "pending" => RuleResult.Valid<TaskStatusFilter>(TaskStatusFilter.Pending),
            "completed" => RuleResult.Valid<TaskStatusFilter>(TaskStatusFilter.Completed),
            _ => RuleResult.Invalid<TaskStatusFilter>("status must be one of: all, pending, completed."),
        };

    private static int CountCharacters(string text) => text.EnumerateRunes().Count();

    /// <summary>
    /// Whether text can be stored as given by both databases: no control characters but tab and
    /// line breaks, no broken Unicode. Chat messages use it too.
    /// </summary>
    public static bool IsStorable(string text) => !HasInvalidText(text, allowLineBreaks: true);

    // Control characters (NUL above all: PostgreSQL refuses it) and lone surrogates cannot be stored
    // faithfully; tabs and line breaks can.
    private static bool HasInvalidText(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return true;
            }
            if (char.IsLowSurrogate(c))
            {
                return true;
            }
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            {
                return true;
            }
        }
        return false;
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format && rune.Value == 0xFEFF)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }
}
