using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Resilience;

/// <summary>
/// Paces the bot's sends to each Teams thread (a personal chat, a group chat or a channel) under
/// Teams' per-thread limits: 7 in any second and 8 in any two seconds. Sends to one thread go one at
/// a time, in order, each waiting (on <see cref="TimeProvider"/>) until it fits in every window; sends
/// to other threads never wait for it. Replies in a channel thread count against the channel.
/// </summary>
public sealed class SendPacer
{
    private const int PruneAbove = 10_000;
    private readonly TimeProvider time;
    private readonly (int Count, TimeSpan Window)[] limits;
    private readonly int history;
    private readonly TimeSpan longestWindow;
    private readonly bool enabled;
    private readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.Ordinal);
    private readonly SizeCheck sizeCheck = new();

    public SendPacer(TimeProvider time, IOptions<ResilienceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        enabled = options.Value.PaceSends;
        limits = [(options.Value.SendsPerSecondPerThread, TimeSpan.FromSeconds(1)), (options.Value.SendsPerTwoSecondsPerThread, TimeSpan.FromSeconds(2))];
        history = limits.Max(l => l.Count);
        longestWindow = limits.Max(l => l.Window);
    }

    /// <summary>The thread a conversation id belongs to: a channel reply thread's id is the channel's plus ";messageid=…".</summary>
    public static string ThreadOf(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }

    public async Task<T> SendAsync<T>(string? conversationId, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        if (!enabled || string.IsNullOrEmpty(conversationId))
        {
            return await send().ConfigureAwait(false);
        }

        if (sizeCheck.Due() && lanes.Count > PruneAbove)
        {
            Prune();
        }

        var lane = lanes.GetOrAdd(ThreadOf(conversationId), _ => new Lane());
        await lane.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var wait = lane.WaitBefore(time.GetUtcNow(), limits); wait > TimeSpan.Zero; wait = lane.WaitBefore(time.GetUtcNow(), limits))
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            lane.Record(time.GetUtcNow(), history);
            return await send().ConfigureAwait(false);
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    /// <summary>
    /// Drops threads with no send inside the longest window. A send racing the removal may start a new
    /// lane beside the old one; both are idle by then, so at worst one window's sends are not paced together.
    /// </summary>
    private void Prune()
    {
        var idleBefore = time.GetUtcNow() - longestWindow;
        foreach (var (thread, lane) in lanes)
        {
            if (lane.IsIdleSince(idleBefore))
            {
                lanes.TryRemove(thread, out _);
            }
        }
    }

    private sealed class Lane
    {
        private readonly Queue<DateTimeOffset> recent = new();

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Called under the gate only.</summary>
        public TimeSpan WaitBefore(DateTimeOffset now, (int Count, TimeSpan Window)[] limits)
        {
            var wait = TimeSpan.Zero;
            var sends = recent.ToArray();
            foreach (var (count, window) in limits)
            {
                if (sends.Length >= count)
                {
                    // The count-th most recent send must have left the window before another may go.
                    var free = sends[^count] + window - now;
                    wait = free > wait ? free : wait;
                }
            }

            return wait;
        }

        public void Record(DateTimeOffset now, int history)
        {
            lock (recent)
            {
                recent.Enqueue(now);
                while (recent.Count > history)
                {
                    recent.Dequeue();
                }
            }
        }

        public bool IsIdleSince(DateTimeOffset before)
        {
            lock (recent)
            {
                return Gate.CurrentCount == 1 && (recent.Count == 0 || recent.Last() < before);
            }
        }
    }
}
