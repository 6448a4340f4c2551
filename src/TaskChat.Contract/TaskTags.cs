namespace TaskChat.Contract;

/// <summary>Tags across a list of tasks, as the tasks page's tags row and the chat's "what tags do I have?" say them.</summary>
public static class TaskTags
{
    /// <summary>
    /// Each tag and how many of the tasks have it (a task naming a tag twice counts once), the most used first, then by
    /// name (ordinal: tags are stored lower-case).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, int>> Count(IEnumerable<IEnumerable<string>?> tagsOfEachTask) =>
        [.. tagsOfEachTask.SelectMany(tags => (tags ?? []).Distinct(StringComparer.Ordinal))
            .CountBy(tag => tag, StringComparer.Ordinal)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)];
}
