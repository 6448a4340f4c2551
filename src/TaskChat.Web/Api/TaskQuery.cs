using System.Globalization;
using System.Text;
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
    public string ToQueryString()
    {
        var query = new StringBuilder("status=").Append(Uri.EscapeDataString(Status));
        Add(query, "due_before", DueBefore?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "due_after", DueAfter?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "overdue", Overdue ? "true" : null);
        Add(query, "search", string.IsNullOrWhiteSpace(Search) ? null : Search.Trim());
        Add(query, "sort", Sort);
        Add(query, "limit", Limit?.ToString(CultureInfo.InvariantCulture));
        Add(query, "cursor", Cursor);
        return query.ToString();
    }

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
