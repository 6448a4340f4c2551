namespace TaskChat.Api.Chat.Offline;

/// <summary>What a user's message asks for, as the offline agent understood it.</summary>
internal abstract record Intent;

/// <summary>Add one task per entry ("add eggs, bread and milk" gives three).</summary>
internal sealed record AddIntent(IReadOnlyList<NewTask> Tasks) : Intent;

internal sealed record NewTask(string Title, string? Description = null);

/// <summary>List tasks; Status is the list_tasks argument: all, pending or completed.</summary>
internal sealed record ListIntent(string Status) : Intent;

/// <summary>Complete, delete or update tasks named by id or by words of their title.</summary>
internal sealed record ActIntent(TaskAction Action, TaskTarget Target, string? NewTitle = null, string? NewDescription = null) : Intent;

internal enum TaskAction
{
    Complete,
    Delete,
    Update,
}

/// <summary>
/// The tasks a message points at: ids when it gave numbers ("3", "#3", "tasks 2 and 4"), otherwise the
/// meaningful words of a title ("the milk one" gives "milk"), which need a list_tasks lookup first.
/// </summary>
internal sealed record TaskTarget(IReadOnlyList<long> Ids, IReadOnlyList<string> Words)
{
    public bool ByWords => Ids.Count == 0;

    public string Phrase => string.Join(' ', Words);
}

/// <summary>A message answered in words alone, without a tool call.</summary>
internal sealed record NoToolIntent(NoToolReason Reason, string? Detail = null, TaskAction? Action = null) : Intent;

internal enum NoToolReason
{
    Greeting,
    Help,
    Thanks,
    Unknown,
    MissingTitle,
    MissingTarget,
    MissingChange,
    ReopenUnsupported,
    BulkUnsupported,
    BareTaskNumber,
}
