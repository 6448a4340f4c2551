using TaskChat.Contract;
using TaskChat.Data.Connection;
using TaskChat.TestSupport;
using TaskChat.Web.Api;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// What the chat page reads for an address that names a conversation (/chat/{id}), through the pages' ApiClient against a
/// real api and mcp: the user's own conversation, and nothing of another user's, which is "not found" exactly as a
/// conversation that never was (the page then says it isn't there, ChatPageTests). The address is typed by anyone: only
/// the api's per-user query stands between it and another user's messages.
/// </summary>
public sealed class ConversationAddressTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private RunningSystem _system = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _system = await new SystemBuilder(_database.Url).WithMcp().WithApi().WithWeb().StartAsync();
    }

    [Fact]
    public async Task AConversationsAddressReadsItForItsOwnerAndForNobodyElse()
    {
        var owner = await WebServers.ApiClientForNewUserAsync(_system.Web, _system.Api.BaseAddress);
        var other = await WebServers.ApiClientForNewUserAsync(_system.Web, _system.Api.BaseAddress);
        var id = await StartAConversationAsync(owner, "add buy milk");

        var read = await owner.GetConversationAsync(id);
        var theirs = await Assert.ThrowsAsync<ApiException>(() => other.GetConversationAsync(id));
        var never = await Assert.ThrowsAsync<ApiException>(() => other.GetConversationAsync(id + 1_000_000));
        var renamed = await Assert.ThrowsAsync<ApiException>(() => other.RenameConversationAsync(id, "Mine now"));
        var deleted = await Assert.ThrowsAsync<ApiException>(() => other.DeleteConversationAsync(id));

        Assert.Equal(["add buy milk"], read.Messages.Where(m => m.Role == MessageRoles.User).Select(m => m.Content));
        Assert.Equal([404, 404, 404, 404], new[] { theirs.Status, never.Status, renamed.Status, deleted.Status });
        Assert.Empty((await other.GetConversationsAsync()).Conversations);
        // Still there, unchanged, for its owner.
        var after = await owner.GetConversationAsync(id);
        Assert.Equal(read.Title, after.Title);
        Assert.Equal(read.Messages.Count, after.Messages.Count);
    }

    /// <summary>Runs one turn that starts a conversation and returns its id, as the page learns it from the stream.</summary>
    private static async Task<long> StartAConversationAsync(ApiClient api, string message)
    {
        long? id = null;
        await foreach (var e in api.StreamChatAsync(message, null, Guid.NewGuid()))
        {
            switch (e)
            {
                case ConversationStarted started:
                    id = started.ConversationId;
                    break;
                case TurnFailed failed:
                    Assert.Fail($"The turn failed: {failed.Detail}");
                    break;
            }
        }
        return id ?? throw new InvalidOperationException("The stream named no conversation.");
    }

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _database.DisposeAsync();
    }
}
