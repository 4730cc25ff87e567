using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Samskapelse.Bot.Operations;

/// <summary>
/// The bot's one ActivitySource and one Meter, both named <see cref="Name"/>. With no listener
/// (OpenTelemetry not configured) starting a span returns null and recording a measurement is a
/// no-op. Tags take only values from small fixed sets: never text, names or ids of users.
/// </summary>
public sealed class Telemetry
{
    public const string Name = "Samskapelse.Bot";

    public static readonly ActivitySource Source = new(Name);

    private readonly TimeProvider time;
    private readonly Counter<long> turns;
    private readonly Histogram<double> turnDuration;
    private readonly Counter<long> cardActions;
    private readonly Histogram<double> cardActionDuration;
    private readonly Histogram<double> storageDuration;
    private readonly Counter<long> storageConflicts;
    private readonly Histogram<double> aiDuration;
    private readonly Counter<long> aiTokens;

    public Telemetry(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        this.time = time;
        Meter = meters.Create(Name);
        turns = Meter.CreateCounter<long>("samskapelse.turns", "{turn}", "Turns the bot handled.");
        turnDuration = Meter.CreateHistogram<double>("samskapelse.turn.duration", "s", "How long a turn took, from the activity in to the last reply out.");
        cardActions = Meter.CreateCounter<long>("samskapelse.card_actions", "{action}", "Card buttons pressed: Action.Execute invokes and Action.Submit messages.");
        cardActionDuration = Meter.CreateHistogram<double>("samskapelse.card_action.duration", "s", "How long the turn of a card action took.");
        storageDuration = Meter.CreateHistogram<double>("samskapelse.storage.duration", "s", "How long a read, write or delete took in the store.");
        storageConflicts = Meter.CreateCounter<long>("samskapelse.storage.conflicts", "{conflict}", "Writes refused because another writer changed the item first (ETag).");
        aiDuration = Meter.CreateHistogram<double>("samskapelse.ai.duration", "s", "How long a request to the cloud assistant took, retries included.");
        aiTokens = Meter.CreateCounter<long>("samskapelse.ai.tokens", "{token}", "Tokens the cloud assistant's requests cost.");
    }

    public Meter Meter { get; }

    public long Timestamp() => time.GetTimestamp();

    public double SecondsSince(long timestamp) => time.GetElapsedTime(timestamp).TotalSeconds;

    public void Turn(double seconds, in TagList tags)
    {
        turns.Add(1, tags);
        turnDuration.Record(seconds, tags);
    }

    public void CardAction(double seconds, in TagList tags)
    {
        cardActions.Add(1, tags);
        cardActionDuration.Record(seconds, tags);
    }

    public void Storage(double seconds, in TagList tags) => storageDuration.Record(seconds, tags);

    public void StorageConflict(in TagList tags) => storageConflicts.Add(1, tags);

    public void Ai(double seconds, long tokens, in TagList tags)
    {
        aiDuration.Record(seconds, tags);
        if (tokens > 0)
        {
            aiTokens.Add(tokens, tags);
        }
    }
}

/// <summary>The tag names, for the decorators, the tests and the README.</summary>
public static class TelemetryTags
{
    public const string ActivityType = "bot.activity.type";
    public const string ConversationType = "bot.conversation.type";
    public const string CardAction = "bot.card.action";
    public const string CardVerb = "bot.card.verb";
    public const string Outcome = "outcome";
    public const string StorageOperation = "storage.operation";
    public const string StorageSystem = "storage.system";
    public const string StorageKeys = "storage.keys";
    public const string AssistantKind = "assistant.kind";
    public const string AssistantSource = "assistant.source";
    public const string AssistantTokens = "assistant.tokens";

    public const string Ok = "ok";
    public const string Error = "error";
    public const string Cancelled = "cancelled";
    public const string Conflict = "conflict";
    public const string Other = "other";
}
