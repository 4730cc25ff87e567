namespace Samskapelse.Assistant;

/// <summary>
/// A sliding-window limit on cloud requests per user, in memory (per instance), timed by
/// <see cref="TimeProvider"/>. The user key stays here: it is never sent to the model.
/// A user is forgotten once their window has passed: at most once a window, the users without a request in it are
/// dropped, so memory follows the users of the last window or two, not everyone ever seen.
/// </summary>
/// <remarks>
/// Not System.Threading.RateLimiting: its limiters and its idle-partition eviction run on the real clock, which a
/// <see cref="TimeProvider"/> cannot drive in tests. Cloud requests are few (seconds each), so one lock is enough.
/// </remarks>
public sealed class AssistantRateLimiter(TimeProvider time, int permits, TimeSpan window)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> requests = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    /// <summary>The users remembered now (for tests of the bounded memory).</summary>
    internal int TrackedUsers
    {
        get
        {
            lock (gate)
            {
                return requests.Count;
            }
        }
    }

    /// <summary>Takes a permit for <paramref name="userKey"/>; false when the user has used them all in the window.</summary>
    public bool TryAcquire(string userKey, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (now >= nextSweep)
            {
                ForgetIdleUsers(now);
                nextSweep = now + window;
            }

            if (!requests.TryGetValue(userKey, out var queue))
            {
                queue = new Queue<DateTimeOffset>();
                requests.Add(userKey, queue);
            }

            DropExpired(queue, now);
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

    private void ForgetIdleUsers(DateTimeOffset now)
    {
        foreach (var (userKey, queue) in requests)
        {
            DropExpired(queue, now);
            if (queue.Count == 0)
            {
                requests.Remove(userKey);
            }
        }
    }

    private void DropExpired(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && now - queue.Peek() >= window)
        {
            queue.Dequeue();
        }
    }
}
