using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Resilience;

/// <summary>What the flood limit says about one incoming turn.</summary>
public enum FloodVerdict
{
    Allowed,

    /// <summary>The first turn over the limit: the bot says once that it slows down.</summary>
    FirstRefused,

    /// <summary>Later turns over the limit, until the allowance refills: ignored.</summary>
    Refused,
}

/// <summary>
/// A token bucket per person in a conversation, timed by <see cref="TimeProvider"/>: a conversation may send a burst
/// of turns, then as many as refill per minute. Buckets of quiet conversations are full and dropped
/// once many are kept, so memory stays bounded.
/// </summary>
public sealed class ConversationRateLimiter(TimeProvider time, IOptions<ResilienceOptions> options)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private readonly SizeCheck sizeCheck = new();
    private readonly int capacity = options.Value.TurnsPerPerson;
    private readonly double refillPerSecond = options.Value.TurnsRefillPerMinute / 60.0;

    public FloodVerdict TryTake(string conversationKey)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        var now = time.GetUtcNow();
        if (sizeCheck.Due() && buckets.Count > PruneAbove)
        {
            foreach (var (key, idle) in buckets)
            {
                if (idle.IsFull(now, capacity, refillPerSecond))
                {
                    buckets.TryRemove(key, out _);
                }
            }
        }

        return buckets.GetOrAdd(conversationKey, _ => new Bucket(capacity, now)).Take(now, capacity, refillPerSecond);
    }

    private sealed class Bucket(double tokens, DateTimeOffset updated)
    {
        private readonly Lock gate = new();
        private double tokens = tokens;
        private DateTimeOffset updated = updated;
        private bool warned;

        public FloodVerdict Take(DateTimeOffset now, int capacity, double refillPerSecond)
        {
            lock (gate)
            {
                Refill(now, capacity, refillPerSecond);
                if (tokens >= 1)
                {
                    tokens -= 1;
                    warned = false;
                    return FloodVerdict.Allowed;
                }

                if (warned)
                {
                    return FloodVerdict.Refused;
                }

                warned = true;
                return FloodVerdict.FirstRefused;
            }
        }

        public bool IsFull(DateTimeOffset now, int capacity, double refillPerSecond)
        {
            lock (gate)
            {
                Refill(now, capacity, refillPerSecond);
                return tokens >= capacity;
            }
        }

        private void Refill(DateTimeOffset now, int capacity, double refillPerSecond)
        {
            var elapsed = (now - updated).TotalSeconds;
            if (elapsed > 0)
            {
                tokens = Math.Min(capacity, tokens + (elapsed * refillPerSecond));
                updated = now;
            }
        }
    }
}
