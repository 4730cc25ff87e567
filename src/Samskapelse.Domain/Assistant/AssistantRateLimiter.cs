using System.Collections.Concurrent;

namespace Samskapelse.Assistant;

/// <summary>
/// A sliding-window limit on cloud requests per user, in memory (per instance), timed by
/// <see cref="TimeProvider"/>. The user key stays here: it is never sent to the model.
/// </summary>
public sealed class AssistantRateLimiter(TimeProvider time, int permits, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> requests = new(StringComparer.Ordinal);

    /// <summary>Takes a permit for <paramref name="userKey"/>; false when the user has used them all in the window.</summary>
    public bool TryAcquire(string userKey, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var queue = requests.GetOrAdd(userKey, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= window)
            {
                queue.Dequeue();
            }

            if (queue.Count >= permits)
            {
                retryAfter = window - (now - queue.Peek());
                return false;
            }

            queue.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
