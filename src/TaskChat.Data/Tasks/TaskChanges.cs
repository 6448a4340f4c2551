namespace TaskChat.Data.Tasks;

/// <summary>The fields an update sets; null means "leave as it is".</summary>
public sealed record TaskChanges(string? Title = null, string? Description = null, bool? Completed = null);
