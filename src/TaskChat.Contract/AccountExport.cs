using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>
/// GET /api/export: everything the caller keeps in TaskChat, in the REST api's own shapes. <see cref="Tasks"/> are the
/// pending and completed ones (not those deleted and waiting for undo) as GET /api/tasks shows them, by number;
/// <see cref="Conversations"/> as GET /api/conversations/{id} shows each, newest first.
/// </summary>
public sealed record AccountExport(
    [property: JsonPropertyName("exported_at")] DateTime ExportedAt,
    [property: JsonPropertyName("tasks")] IReadOnlyList<TaskView> Tasks,
    [property: JsonPropertyName("conversations")] IReadOnlyList<ConversationDetail> Conversations);
