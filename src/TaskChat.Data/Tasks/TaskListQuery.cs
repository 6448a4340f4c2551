using System.Text.Json.Serialization;
using TaskChat.Contract;
using TaskChat.Data.Model;

namespace TaskChat.Data.Tasks;

/// <summary>
/// list_tasks' arguments and GET /api/tasks' query, as given (text, unchecked). <see cref="TaskIds"/> is
/// list_tasks' only: null when not given, so an empty list can be refused rather than read as "every task".
/// </summary>
public sealed record TaskListRequest(
    string? Status = null,
    string? DueBefore = null,
    string? DueAfter = null,
    bool? Overdue = null,
    string? Priority = null,
    string? Tag = null,
    string? Search = null,
    string? Sort = null,
    int? Limit = null,
    string? Cursor = null,
    IReadOnlyList<long>? TaskIds = null);

/// <summary>A checked list request: what <see cref="TaskStore.ListAsync"/> runs. No <see cref="TaskIds"/>: tasks of any number.</summary>
public sealed partial record TaskListQuery(
    TaskStatusFilter Status,
    DateTime? DueBefore,
    DateTime? DueAfter,
    bool Overdue,
    TaskPriority? Priority,
    string? Tag,
    IReadOnlyList<string> SearchWords,
    string Sort,
    int Limit,
    TaskCursor? After,
    IReadOnlyList<long> TaskIds)
{
    public static TaskListQuery Default { get; } = new(TaskStatusFilter.All, null, null, false, null, null, [], TaskSorts.Created, FieldLimits.TaskPageDefault, null, []);

    /// <summary>Checks every argument; dates without an offset are read in <paramref name="zone"/>.</summary>
    public static RuleResult<TaskListQuery> From(TaskListRequest request, TimeZoneInfo zone)
    {
        var status = TaskRules.StatusFilter(request.Status);
        if (!status.IsValid)
        {
            return Invalid(status.Error);
        }
        DateTime? before = null, after = null;
        if (!string.IsNullOrWhiteSpace(request.DueBefore))
        {
            var due = TaskFieldRules.Due(request.DueBefore, zone, "due_before");
            if (!due.IsValid)
            {
                return Invalid(due.Error);
            }
            before = due.Value.At;
        }
        if (!string.IsNullOrWhiteSpace(request.DueAfter))
        {
            var due = TaskFieldRules.Due(request.DueAfter, zone, "due_after");
            if (!due.IsValid)
            {
                return Invalid(due.Error);
            }
            after = due.Value.At;
        }
        TaskPriority? priority = null;
        if (!string.IsNullOrWhiteSpace(request.Priority))
        {
            var parsed = TaskFieldRules.Priority(request.Priority);
            if (!parsed.IsValid)
            {
                return Invalid(parsed.Error);
            }
            priority = parsed.Value;
        }
        string? tag = null;
        if (request.Tag is not null)
        {
            var parsed = TaskFieldRules.Tag(request.Tag);
            if (!parsed.IsValid)
            {
                return Invalid(parsed.Error!.Replace("a tag", "tag", StringComparison.Ordinal));
            }
            tag = parsed.Value;
        }
        var words = ParseSearch(request.Search);
        if (!words.IsValid)
        {
            return Invalid(words.Error);
        }
        var taskIds = ParseTaskIds(request.TaskIds);
        if (!taskIds.IsValid)
        {
            return Invalid(taskIds.Error);
        }
        var sort = request.Sort?.Trim().ToLowerInvariant() is { Length: > 0 } s ? s : TaskSorts.Created;
        if (!TaskSorts.All.Contains(sort))
        {
            return Invalid($"sort must be one of: {string.Join(", ", TaskSorts.All)}.");
        }
        var limit = request.Limit ?? FieldLimits.TaskPageDefault;
        if (limit is < 1 or > FieldLimits.TaskPageMax)
        {
            return Invalid($"limit must be a whole number from 1 to {FieldLimits.TaskPageMax} (the default is {FieldLimits.TaskPageDefault}).");
        }
        TaskCursor? cursor = null;
        if (!string.IsNullOrEmpty(request.Cursor))
        {
            cursor = TaskCursor.Decode(request.Cursor);
            if (cursor is null)
            {
                return Invalid("cursor is not valid: pass next_cursor from the previous page exactly as it was, or leave it out for the first page.");
            }
            if (cursor.Sort != sort)
            {
                return Invalid($"cursor belongs to a list sorted by {cursor.Sort}: keep the same sort for every page, or leave the cursor out to start again.");
            }
        }
        return RuleResult.Valid(new TaskListQuery(status.Value, before, after, request.Overdue == true, priority, tag, words.Value, sort, limit, cursor, taskIds.Value));
    }

    /// <summary>The distinct numbers asked for; none when not given (no filter).</summary>
    private static RuleResult<IReadOnlyList<long>> ParseTaskIds(IReadOnlyList<long>? taskIds)
    {
        if (taskIds is null)
        {
            return RuleResult.Valid<IReadOnlyList<long>>([]);
        }
        if (taskIds.Count == 0)
        {
            return RuleResult.Invalid<IReadOnlyList<long>>("task_ids must hold at least one task number, e.g. [3, 12]; leave it out to list tasks of any number.");
        }
        if (taskIds.Count > FieldLimits.TaskIdsMax)
        {
            return RuleResult.Invalid<IReadOnlyList<long>>(
                $"task_ids must hold at most {FieldLimits.TaskIdsMax} task numbers (got {taskIds.Count}): ask for the others in another call.");
        }
        if (taskIds.Any(id => id < 1))
        {
            return RuleResult.Invalid<IReadOnlyList<long>>(
                $"task_ids must hold task numbers, positive whole numbers such as 3 (got {taskIds.First(id => id < 1)}).");
        }
        return RuleResult.Valid<IReadOnlyList<long>>([.. taskIds.Distinct()]);
    }

    private static RuleResult<IReadOnlyList<string>> ParseSearch(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return RuleResult.Valid<IReadOnlyList<string>>([]);
        }
        if (!TaskRules.IsStorable(search) || search.Length > FieldLimits.TaskSearch)
        {
            return RuleResult.Invalid<IReadOnlyList<string>>($"search must be words of a title or description, at most {FieldLimits.TaskSearch} characters, without control characters.");
        }
        // "#home" (or #"side project", a tag with a space) is that tag exactly, as a task app's search reads it and as a
        // tag on the tasks page links to it: kept with its "#", which no word has. One that is not a valid tag is words.
        var tags = new List<string>();
        var rest = TagTerm().Replace(search, term =>
        {
            if (TaskFieldRules.Tag(term.Groups["tag"].Value) is { IsValid: true } tag)
            {
                tags.Add("#" + tag.Value);
                return " ";
            }
            return term.Value;
        });
        // Letters and digits only: the words are matched, never interpreted (no LIKE wildcards, no tsquery operators).
        var words = tags.Concat(WordSplitter().Split(rest).Select(w => w.ToLowerInvariant()).Where(w => w.Length > 0))
            .Distinct().Take(10).ToList();
        return words.Count == 0
            ? RuleResult.Invalid<IReadOnlyList<string>>("search must hold at least one word (letters or digits), e.g. \"milk\" or \"tax return\".")
            : RuleResult.Valid<IReadOnlyList<string>>(words);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial System.Text.RegularExpressions.Regex WordSplitter();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^|\s)#(?:""(?<tag>[^""]{1,64})""|(?<tag>[^\s""#]{1,64}))(?=\s|$)")]
    private static partial System.Text.RegularExpressions.Regex TagTerm();

    private static RuleResult<TaskListQuery> Invalid(string? error) => RuleResult.Invalid<TaskListQuery>(error ?? "Invalid list request.");
}

/// <summary>
/// Where a page ended, in the page's sort: the last task's sort key and number. Opaque to callers
/// (base64url JSON); the next page starts strictly after it, so added or deleted tasks never shift
/// what the next page shows (no skipped, no repeated task).
/// </summary>
public sealed record TaskCursor(
    [property: JsonPropertyName("s")] string Sort,
    [property: JsonPropertyName("n")] long Number,
    [property: JsonPropertyName("d")] long? DueTicks = null,
    [property: JsonPropertyName("p")] int? Priority = null,
    [property: JsonPropertyName("t")] string? Title = null,
    [property: JsonPropertyName("u")] long? UpdatedTicks = null)
{
    private const int MaxEncodedLength = 1024;

    public static TaskCursor After(TaskItem last, string sort) => sort switch
    {
        TaskSorts.Due => new TaskCursor(sort, last.Number, last.DueAt?.Ticks),
        TaskSorts.Priority => new TaskCursor(sort, last.Number, last.DueAt?.Ticks, (int)last.Priority),
        TaskSorts.Title => new TaskCursor(sort, last.Number, Title: last.Title),
        TaskSorts.Updated => new TaskCursor(sort, last.Number, UpdatedTicks: last.UpdatedAt.Ticks),
        _ => new TaskCursor(sort, last.Number),
    };

    [JsonIgnore]
    public DateTime? Due => DueTicks is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;

    [JsonIgnore]
    public DateTime? Updated => UpdatedTicks is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;

    public string Encode() => PageCursor.Encode(this);

    /// <summary>The cursor, or null for anything that is not one this service wrote.</summary>
    public static TaskCursor? Decode(string text) =>
        PageCursor.Decode<TaskCursor>(text, MaxEncodedLength) is { Number: > 0 } cursor && TaskSorts.All.Contains(cursor.Sort)
        && cursor.DueTicks is null or (>= 0 and <= PageCursor.MaxTicks)
        && cursor.UpdatedTicks is null or (>= 0 and <= PageCursor.MaxTicks)
        && (cursor.Sort != TaskSorts.Updated || cursor.UpdatedTicks is not null)
        && (cursor.Sort != TaskSorts.Title || cursor.Title is not null)
        && (cursor.Sort != TaskSorts.Priority || cursor.Priority is >= 0 and <= 3)
            ? cursor
            : null;
}
