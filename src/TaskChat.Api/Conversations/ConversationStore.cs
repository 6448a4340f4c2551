using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Data.Connection;
using TaskChat.Data.Limits;
using TaskChat.Data.Model;
using TaskChat.Data.Tasks;

namespace TaskChat.Api.Conversations;

/// <summary>
/// A user's conversations and their messages. Like the task store, every query is scoped to the
/// user id it is given; another user's conversation is the same as a missing one.
/// </summary>
public sealed class ConversationStore(TaskChatDbContext db, TimeProvider clock)
{
    /// <summary>Conversation titles are the first message, shortened, or what the user renamed them to.</summary>
    public const int MaxTitleLength = 80;

    /// <summary>Every conversation of the user, the most recently used first: the export's.</summary>
    public async Task<IReadOnlyList<Conversation>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var owner = TaskRules.UserId(userId);
        return await db.Conversations.AsNoTracking().Where(c => c.UserId == owner)
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One page of the user's conversations, the most recently used first: the first <paramref name="limit"/>, or those after
    /// <paramref name="after"/> in that order; the cursor of the next page, null on the last. A user may keep
    /// MAX_CONVERSATIONS_PER_USER (1,000) of them, and the chat page reads its list on every load and after every turn.
    /// </summary>
    public async Task<(IReadOnlyList<Conversation> Conversations, ConversationCursor? Next)> ListPageAsync(
        string userId, int limit, ConversationCursor? after = null, CancellationToken cancellationToken = default)
    {
        var owner = TaskRules.UserId(userId);
        var conversations = db.Conversations.AsNoTracking().Where(c => c.UserId == owner);
        if (after is { } cursor)
        {
            var updated = cursor.Updated;
            var id = cursor.Id;
            conversations = conversations.Where(c => c.UpdatedAt < updated || (c.UpdatedAt == updated && c.Id < id));
        }
        // One more than the page, on ix_conversations_user_id_updated_at: whether there is a next page, without a count.
        var page = await conversations.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).Take(limit + 1).ToListAsync(cancellationToken);
        if (page.Count <= limit)
        {
            return (page, null);
        }
        page.RemoveAt(limit);
        return (page, new ConversationCursor(page[^1].UpdatedAt.Ticks, page[^1].Id));
    }

    /// <summary>The conversation with every message in order, or null when it is missing or another user's: the export's.</summary>
    public async Task<Conversation?> GetAsync(string userId, long conversationId, CancellationToken cancellationToken = default)
    {
        var owner = TaskRules.UserId(userId);
        return await db.Conversations.AsNoTracking()
            .Include(c => c.Messages.OrderBy(m => m.Id))
            .SingleOrDefaultAsync(c => c.Id == conversationId && c.UserId == owner, cancellationToken);
    }

    /// <summary>
    /// The conversation with one page of its messages, oldest first: the newest <paramref name="limit"/>, or the newest of
    /// those before message <paramref name="before"/>; null when it is missing or another user's. A conversation people
    /// keep chatting in grows by two messages a turn, and the page reads it again after every turn: all of it each time
    /// would grow with the conversation, the page's earlier messages are read when the user scrolls back to them.
    /// </summary>
    public async Task<ConversationPage?> GetPageAsync(string userId, long conversationId, int limit, long? before = null,
        CancellationToken cancellationToken = default)
    {
        var owner = TaskRules.UserId(userId);
        var conversation = await db.Conversations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == conversationId && c.UserId == owner, cancellationToken);
        if (conversation is null)
        {
            return null;
        }
        var messages = db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId && m.UserId == owner);
        if (before is { } first)
        {
            messages = messages.Where(m => m.Id < first);
        }
        // One more than the page, newest first, through the conversation's index: whether there are earlier ones, without a count.
        var newest = await messages.OrderByDescending(m => m.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var hasEarlier = newest.Count > limit;
        if (hasEarlier)
        {
            newest.RemoveAt(limit);
        }
        newest.Reverse();
        return new ConversationPage(conversation, newest, hasEarlier);
    }

    /// <summary>
    /// The last <paramref name="count"/> messages of the conversation, oldest first, or null when it is
    /// missing or another user's: what a chat turn sends the model (on SQLite; PostgreSQL's turn reads them in
    /// its count's command, <c>ChatTurnCounter</c>). Those messages only, read through the conversation's index.
    /// </summary>
    /// <remarks>
    /// Two short reads, the conversation's owner and then its newest messages (an empty conversation has none). As one
    /// query, the conversation with its messages' <c>Take</c>, EF Core numbered the rows of every conversation's messages
    /// (<c>ROW_NUMBER() OVER (PARTITION BY conversation_id)</c> over the whole table) and joined the one asked for: every
    /// turn of a conversation that goes on read all the messages in the database. The bench's turn in a conversation that
    /// goes on took 27 ms on SQLite against 7–8 ms for one that starts a conversation (session 45).
    /// </remarks>
    public async Task<IReadOnlyList<Message>?> LastMessagesAsync(string userId, long conversationId, int count, CancellationToken cancellationToken = default)
    {
        var owner = TaskRules.UserId(userId);
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId && c.UserId == owner, cancellationToken))
        {
            return null;
        }
        var last = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.UserId == owner)
            .OrderByDescending(m => m.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        last.Reverse();
        return last;
    }

    public async Task<bool> DeleteAsync(string userId, long conversationId, CancellationToken cancellationToken = default)
    {
        var owner = TaskRules.UserId(userId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await db.Conversations.AnyAsync(c => c.Id == conversationId && c.UserId == owner, cancellationToken);
        if (!found)
        {
            return false;
        }
        await db.Messages.Where(m => m.ConversationId == conversationId && m.UserId == owner).ExecuteDeleteAsync(cancellationToken);
        await db.Conversations.Where(c => c.Id == conversationId && c.UserId == owner).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Stores one chat turn, the user's message and the reply (with its tool calls as JSON), in one
    /// transaction: a turn is never half saved. Starts a new conversation when none is given.
    /// </summary>
    /// <remarks>
    /// A turn's write is one short transaction of few round trips: the conversation's updated_at is set
    /// by one UPDATE that also checks its owner (no SELECT first), the two messages go in one batch, and
    /// EF creates no savepoint (it would around every SaveChanges in a transaction the caller owns: three
    /// statements more for nothing, since a failure here rolls the whole transaction back anyway).
    /// </remarks>
    /// <returns>The conversation id, or null when <paramref name="conversationId"/> is missing or another user's.</returns>
    /// <param name="userId">The caller.</param>
    /// <param name="conversationId">The conversation, or null to start one (tests; the chat starts it first with <see cref="StartAsync"/>).</param>
    /// <param name="userMessage">What the user said.</param>
    /// <param name="reply">The agent's answer.</param>
    /// <param name="toolCallsJson">The turn's tool calls, or null.</param>
    /// <param name="keptUnder">The turn's Idempotency-Key and its answer as JSON: marked done with the messages, in the same transaction.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<long?> SaveTurnAsync(string userId, long? conversationId, string userMessage, string reply, string? toolCallsJson,
        (string Key, string ReplyJson)? keptUnder = null, CancellationToken cancellationToken = default)
    {
        var owner = TaskRules.UserId(userId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (conversationId is { } existing && db.Database.IsNpgsql())
        {
            return await SaveTurnOnPostgresAsync(owner, existing, now, userMessage, reply, toolCallsJson, keptUnder, cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var noSavepoints = new AutoSavepointsOff(db);
        Conversation? started = null;
        if (conversationId is { } id)
        {
            var updated = await db.Conversations.Where(c => c.Id == id && c.UserId == owner)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.UpdatedAt, now), cancellationToken);
            if (updated == 0)
            {
                return null;
            }
        }
        else
        {
            started = new Conversation { UserId = owner, Title = TitleFrom(userMessage), CreatedAt = now, UpdatedAt = now };
            db.Conversations.Add(started);
        }
        db.Messages.AddRange(
            new Message { ConversationId = conversationId ?? 0, Conversation = started, UserId = owner, Role = MessageRoles.User, Content = userMessage, CreatedAt = now },
            new Message { ConversationId = conversationId ?? 0, Conversation = started, UserId = owner, Role = MessageRoles.Assistant, Content = reply, ToolCalls = toolCallsJson, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear(); // The scope's context may save again (a retried key): nothing of this turn stays tracked.
        }
        if (keptUnder is { } kept)
        {
            await db.IdempotentChatTurns.Where(t => t.UserId == owner && t.Key == kept.Key)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Reply, kept.ReplyJson), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return started?.Id ?? conversationId;
    }

    /// <summary>
    /// A turn of an existing conversation saved in one statement instead of five round trips (BEGIN, the
    /// owner-checked UPDATE, the INSERT of both messages, the key's reply, COMMIT): PostgreSQL runs every
    /// data-modifying part of a WITH to completion in one atomic statement. Nothing is inserted or kept when
    /// the UPDATE finds no conversation of this user's (deleted meanwhile, or another user's); its row lock
    /// keeps a concurrent delete out until the statement commits. The user's message is inserted first, so
    /// its id is the lower one (the history reads by id).
    /// </summary>
    private async Task<long?> SaveTurnOnPostgresAsync(string owner, long conversationId, DateTime now, string userMessage, string reply,
        string? toolCallsJson, (string Key, string ReplyJson)? keptUnder, CancellationToken cancellationToken)
    {
        var (key, replyJson) = keptUnder ?? (null!, null!);
        // ToListAsync, not SingleAsync: composing would wrap the WITH in a subquery, where PostgreSQL refuses data-modifying parts.
        var saved = (await db.Database.SqlQuery<int>($"""
            WITH updated AS (
                UPDATE conversations SET updated_at = {now} WHERE id = {conversationId} AND user_id = {owner} RETURNING id
            ), inserted AS (
                INSERT INTO messages (conversation_id, user_id, role, content, tool_calls, created_at)
                SELECT updated.id, {owner}, m.role, m.content, m.tool_calls::jsonb, {now}
                FROM updated, (VALUES (1, {MessageRoles.User}, {userMessage}, NULL::text), (2, {MessageRoles.Assistant}, {reply}, {toolCallsJson}::text))
                    AS m (position, role, content, tool_calls)
                ORDER BY m.position
                RETURNING 1
            ), kept AS (
                UPDATE idempotent_chat_turns SET reply = {replyJson} WHERE {key}::text IS NOT NULL AND user_id = {owner} AND key = {key}
                    AND EXISTS (SELECT 1 FROM updated)
                RETURNING 1
            )
            SELECT count(*)::int AS "Value" FROM updated
            """).ToListAsync(cancellationToken)).Single();
        return saved == 1 ? conversationId : null;
    }

    /// <summary>
    /// A new, empty conversation titled after its first message (a streamed turn names it first), unless
    /// the user already has <paramref name="limit"/> conversations. Counted and added in one transaction
    /// that no other start of the same user's can interleave with (SQLite's write transaction is exclusive;
    /// on PostgreSQL a transaction-scoped advisory lock per user), so concurrent turns cannot exceed it.
    /// </summary>
    /// <returns>The new conversation's id, or null when the user is at the limit.</returns>
    public async Task<long?> StartAsync(string userId, string firstMessage, int limit, CancellationToken cancellationToken = default)
    {
        var owner = TaskRules.UserId(userId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (db.Database.IsNpgsql())
        {
            return await StartOnPostgresAsync(owner, TitleFrom(firstMessage), now, limit, cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Conversations.CountAsync(c => c.UserId == owner, cancellationToken) >= limit)
        {
            return null;
        }
        var conversation = new Conversation { UserId = owner, Title = TitleFrom(firstMessage), CreatedAt = now, UpdatedAt = now };
        db.Conversations.Add(conversation);
        using (new AutoSavepointsOff(db))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        db.Entry(conversation).State = EntityState.Detached; // The turn's save refers to it by id.
        await transaction.CommitAsync(cancellationToken);
        return conversation.Id;
    }

    /// <summary>
    /// The start in one round trip instead of five (BEGIN, lock, count, insert, COMMIT; it was about a tenth
    /// of the api's CPU in a one-tool turn): <see cref="ConversationLimitSql"/>'s lock and INSERT in one command.
    /// A new conversation's first turn usually has it started already, in its count's command
    /// (<see cref="ChatTurnCounter"/>); this start is for the rest (a key claimed on a second look).
    /// </summary>
    private async Task<long?> StartOnPostgresAsync(string owner, string title, DateTime now, int limit, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = ConversationLimitSql.Lock + ";\n" + ConversationLimitSql.Insert();
            command.AddParameter("user", owner);
            command.AddParameter("title", title);
            command.AddParameter("at", now);
            command.AddParameter("conversations", (long)limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken); // Past the lock's one row.
            return await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Removes a conversation a failed first turn left empty; one with messages stays.</summary>
    public async Task DeleteIfEmptyAsync(string userId, long conversationId, CancellationToken cancellationToken = default)
    {
        var owner = TaskRules.UserId(userId);
        await db.Conversations.Where(c => c.Id == conversationId && c.UserId == owner && !c.Messages.Any())
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Removes every user's conversations created before <paramref name="createdBefore"/> that have no message: ones
    /// whose first turn never ended, because its api died under it (a turn that fails removes its own, <see
    /// cref="DeleteIfEmptyAsync"/>). A retry of such a turn runs in a conversation of its own, so the first one would
    /// otherwise stay in the user's list, empty, and count against MAX_CONVERSATIONS_PER_USER.
    /// </summary>
    /// <returns>How many were removed.</returns>
    public Task<int> RemoveAbandonedAsync(DateTime createdBefore, CancellationToken cancellationToken = default) =>
        db.Conversations.Where(c => c.CreatedAt < createdBefore && !c.Messages.Any()).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Gives the conversation the title the user chose. Its place in the list stays (updated_at is
    /// the last turn's time): renaming is not a new message.
    /// </summary>
    /// <returns>The renamed conversation, or null when it is missing or another user's.</returns>
    public async Task<Conversation?> RenameAsync(string userId, long conversationId, string title, CancellationToken cancellationToken = default)
    {
        var owner = TaskRules.UserId(userId);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId && c.UserId == owner, cancellationToken);
        if (conversation is null)
        {
            return null;
        }
        conversation.Title = title;
        await db.SaveChangesAsync(cancellationToken);
        return conversation;
    }

    /// <summary>A title as the user typed it, made one line; an error a person can read when it cannot be one.</summary>
    public static (string? Title, string? Error) CleanTitle(string? title)
    {
        var oneLine = string.Join(' ', (title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length == 0)
        {
            return (null, "Give the conversation a title.");
        }
        if (oneLine.Any(char.IsControl))
        {
            return (null, "Titles must not contain control characters.");
        }
        if (oneLine.Length > MaxTitleLength)
        {
            return (null, $"Titles must be at most {MaxTitleLength} characters.");
        }
        return (oneLine, null);
    }

    /// <summary>A conversation's title from its first message: one line, cut at the title's limit.</summary>
    internal static string TitleFrom(string message)
    {
        var oneLine = string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length <= MaxTitleLength)
        {
            return oneLine;
        }
        // Never cut between the two halves of a surrogate pair (an emoji): PostgreSQL refuses the lone half.
        var cut = char.IsHighSurrogate(oneLine[MaxTitleLength - 2]) ? MaxTitleLength - 2 : MaxTitleLength - 1;
        return oneLine[..cut].TrimEnd() + "…";
    }
}

/// <summary>A conversation with one page of its messages (oldest first); <paramref name="HasEarlier"/>: messages before them exist.</summary>
public sealed record ConversationPage(Conversation Conversation, IReadOnlyList<Message> Messages, bool HasEarlier);

/// <summary>Where a page of the conversation list ends: its last conversation's last use and id (the list's order).</summary>
public sealed record ConversationCursor(
    [property: JsonPropertyName("u")] long UpdatedTicks,
    [property: JsonPropertyName("i")] long Id)
{
    private const int MaxEncodedLength = 200;

    [JsonIgnore]
    public DateTime Updated => new(UpdatedTicks, DateTimeKind.Utc);

    public string Encode() => PageCursor.Encode(this);

    /// <summary>The cursor, or null for anything that is not one this api wrote.</summary>
    public static ConversationCursor? Decode(string text) =>
        PageCursor.Decode<ConversationCursor>(text, MaxEncodedLength) is { Id: > 0, UpdatedTicks: >= 0 and <= PageCursor.MaxTicks } cursor ? cursor : null;
}
