using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using TaskChat.Contract;

namespace TaskChat.Web.Api;

/// <summary>
/// GET /api/tasks' query as the tasks page asks it: dates are days ("2026-12-05"), which the api reads
/// in the token's time zone (due_after inclusive, due_before exclusive).
/// </summary>
internal sealed record TaskQuery(
    string Status = ListStatus.All,
    DateOnly? DueBefore = null,
    DateOnly? DueAfter = null,
    bool Overdue = false,
    string? Search = null,
    string? Sort = null,
    int? Limit = null,
    string? Cursor = null)
{
    /// <summary>GET /api/tasks with this query (a value left null is left out).</summary>
    public string ToUri() => QueryHelpers.AddQueryString("api/tasks", new Dictionary<string, string?>
    {
        ["status"] = Status,
        ["due_before"] = DueBefore?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["due_after"] = DueAfter?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["overdue"] = Overdue ? "true" : null,
        ["search"] = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        ["sort"] = Sort,
        ["limit"] = Limit?.ToString(CultureInfo.InvariantCulture),
        ["cursor"] = Cursor,
    });
}
