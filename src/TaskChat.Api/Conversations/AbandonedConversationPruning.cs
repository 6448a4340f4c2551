using TaskChat.Data.Hosting;

namespace TaskChat.Api.Conversations;

/// <summary>
/// Every hour, removes the conversations that a turn cut short left empty (<see cref="ConversationStore.RemoveAbandonedAsync"/>).
/// Several replicas may run it at once: deleting the same rows twice is harmless.
/// </summary>
public sealed class AbandonedConversationPruning(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AbandonedConversationPruning> logger)
    : PeriodicDatabaseJob(Interval, scopes, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>
    /// How old an empty conversation must be: far longer than any turn (8 tool rounds, each bounded by the mcp's and the
    /// model's timeouts), so a turn still running never loses the conversation it is about to save into.
    /// </summary>
    public static readonly TimeSpan Age = TimeSpan.FromHours(1);

    protected override string Description => "remove the conversations that turns cut short left empty";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var removed = await services.GetRequiredService<ConversationStore>().RemoveAbandonedAsync(Clock.GetUtcNow().UtcDateTime - Age, cancellationToken);
        if (removed > 0)
        {
            Logger.LogInformation("Removed {Count} empty conversations left by turns that never ended", removed);
        }
    }
}
