using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TaskChat.Mcp.FunctionalTests;

/// <summary>
/// The commands and savepoints EF sends for one user's calls to the in-process mcp, read from EF's
/// diagnostic events (the mcp's services cannot take a test interceptor). Other tests run meanwhile: a
/// command is one user's when a parameter is that user's id, and a savepoint when it is made on the
/// connection (one per request's DbContext) of such a command.
/// </summary>
internal sealed class EfCommandLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _userId;
    private readonly IDisposable _allListeners;
    private readonly ConcurrentQueue<IDisposable> _subscriptions = new();
    private readonly ConcurrentQueue<(Guid Connection, string Text)> _events = new();

    public EfCommandLog(string userId)
    {
        _userId = userId;
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The user's commands' texts, and "SAVEPOINT" for each savepoint on their connections, in order.</summary>
    public IReadOnlyList<string> Commands()
    {
        var events = _events.ToList();
        var connections = events.Where(e => e.Text != "SAVEPOINT").Select(e => e.Connection).ToHashSet();
        return [.. events.Where(e => connections.Contains(e.Connection)).Select(e => e.Text)];
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Enqueue(listener.Subscribe(this));
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData command)
        {
            if (command.Command.Parameters.Cast<System.Data.Common.DbParameter>().Any(p => Equals(p.Value, _userId)))
            {
                _events.Enqueue((command.ConnectionId, command.Command.CommandText));
            }
        }
        else if (value.Key == RelationalEventId.CreatingTransactionSavepoint.Name && value.Value is TransactionEventData savepoint)
        {
            _events.Enqueue((savepoint.ConnectionId, "SAVEPOINT"));
        }
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        while (_subscriptions.TryDequeue(out var subscription))
        {
            subscription.Dispose();
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }

    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }
}
