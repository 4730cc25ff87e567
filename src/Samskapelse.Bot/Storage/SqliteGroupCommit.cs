using Microsoft.Bot.Builder;

namespace Samskapelse.Bot.Storage;

/// <summary>One caller's writes (values) or deletions (null values), waiting to be committed.</summary>
internal sealed class PendingWrite(IReadOnlyList<KeyValuePair<string, object?>> items)
{
    public IReadOnlyList<KeyValuePair<string, object?>> Items { get; } = items;

    /// <summary>Lead: this caller commits the queue now. Written: another caller committed it.</summary>
    public TaskCompletionSource<bool> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Exception? Failure { get; set; }
}

/// <summary>
/// Group commit: the writes of callers who arrive while a commit is running are committed together, in one
/// transaction, by one of them. Under load a turn's two or three writes then share their commits with other
/// turns' (a commit costs more than the rows in it), and no caller waits behind a queue of separate commits.
/// Each caller's items still succeed or fail together: its ETags are checked before any of its rows is
/// written, and an ETag conflict fails that caller only. Queued writes are committed even if their caller
/// gives up waiting.
/// </summary>
internal sealed class SqliteGroupCommit(Func<IReadOnlyList<PendingWrite>, Task> commit)
{
    private readonly Lock gate = new();
    private readonly Queue<PendingWrite> queue = new();
    private bool committing;

    public async Task WriteAsync(PendingWrite pending)
    {
        bool lead;
        lock (gate)
        {
            queue.Enqueue(pending);
            lead = !committing;
            committing = true;
        }

        if (lead || await pending.Turn.Task.ConfigureAwait(false))
        {
            await CommitQueueAsync().ConfigureAwait(false);
        }

        if (pending.Failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task CommitQueueAsync()
    {
        List<PendingWrite> batch;
        lock (gate)
        {
            batch = [.. queue];
            queue.Clear();
        }

        try
        {
            await commit(batch).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            foreach (var pending in batch)
            {
                pending.Failure ??= exception;
            }
        }

        lock (gate)
        {
            // Whoever queued meanwhile commits next; the others are done.
            if (queue.TryPeek(out var next))
            {
                next.Turn.TrySetResult(true);
            }
            else
            {
                committing = false;
            }
        }

        foreach (var pending in batch)
        {
            pending.Turn.TrySetResult(false);
        }
    }
}
