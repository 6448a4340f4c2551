namespace TaskChat.Web.Api;

/// <summary>
/// A response body read with a limit on silence: a read that gets nothing for <paramref name="idleLimit"/> fails with an
/// <see cref="IOException"/>, as a connection that broke off does. For the chat stream, whose api sends a keep-alive
/// while a turn is quiet, so that only a gone api is this quiet (<see cref="ApiClient.ChatStreamIdleLimit"/>).
/// </summary>
internal sealed class IdleLimitedStream(Stream inner, TimeSpan idleLimit) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        reading.CancelAfter(idleLimit);
        try
        {
            return await inner.ReadAsync(buffer, reading.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"The api sent nothing for {idleLimit.TotalSeconds:0.#} s.", e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The chat stream is only read asynchronously; a blocking read could not be given up on.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
