using System.Collections.Concurrent;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Bot.Resilience;

/// <summary>What a user sent in a turn the storage could not keep: typed text or a card's submitted values.</summary>
public sealed record PendingAnswer(string? Text, JToken? Value, DateTimeOffset Expires)
{
    public bool Matches(IActivity activity) =>
        activity is IMessageActivity message
        && string.Equals(message.Text, Text, StringComparison.Ordinal)
        && JToken.DeepEquals(message.Value is null ? null : JToken.FromObject(message.Value), Value);
}

/// <summary>
/// Answers kept in memory after a storage fault, one per user and conversation, until the user writes
/// "retry", sends the same answer again, or the lifetime passes. Kept in the process rather than in
/// the conversation state: the storage is what failed. They do not survive a restart of the bot.
/// </summary>
public sealed class PendingAnswers(TimeProvider time, IOptions<ResilienceOptions> options)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, PendingAnswer> answers = new(StringComparer.Ordinal);
    private readonly SizeCheck sizeCheck = new();
    private readonly TimeSpan lifetime = options.Value.PendingAnswerLifetime;

    public static string KeyOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelId + "/" + activity.Conversation?.Id + "/" + activity.From?.Id;
    }

    /// <summary>The answer a message carries, or null when it carries none.</summary>
    public PendingAnswer? AnswerIn(IActivity activity) =>
        activity is IMessageActivity message && (!string.IsNullOrWhiteSpace(message.Text) || message.Value is not null)
            ? new PendingAnswer(message.Text, message.Value is null ? null : JToken.FromObject(message.Value), time.GetUtcNow() + lifetime)
            : null;

    public void Keep(string key, PendingAnswer answer)
    {
        if (sizeCheck.Due() && answers.Count > PruneAbove)
        {
            var now = time.GetUtcNow();
            foreach (var (stale, kept) in answers)
            {
                if (kept.Expires <= now)
                {
                    answers.TryRemove(stale, out _);
                }
            }
        }

        answers[key] = answer;
    }

    public PendingAnswer? Peek(string key) =>
        answers.TryGetValue(key, out var answer) && answer.Expires > time.GetUtcNow() ? answer : null;

    public PendingAnswer? Take(string key) =>
        answers.TryRemove(key, out var answer) && answer.Expires > time.GetUtcNow() ? answer : null;

    public void Forget(string key) => answers.TryRemove(key, out _);

    /// <summary>Drops every answer kept for this user, in any conversation (their data was deleted).</summary>
    public int ForgetPerson(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var forgotten = 0;
        foreach (var key in answers.Keys)
        {
            if (key.EndsWith("/" + userId, StringComparison.Ordinal) && answers.TryRemove(key, out _))
            {
                forgotten++;
            }
        }

        return forgotten;
    }
}
