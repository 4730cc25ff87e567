using System.ComponentModel.DataAnnotations;

namespace Samskapelse.Bot.Resilience;

/// <summary>
/// The "Resilience" section: retries of calls to the Bot Connector, the flood limit per conversation,
/// the pace of sends per Teams thread, and how long an answer kept after a storage fault waits for a retry.
/// <code>
/// "Resilience": {
///   "Connector": { "MaxRetries": 3, "BaseDelay": "00:00:00.500", "MaxRetryAfter": "00:00:10",
///                  "AttemptTimeout": "00:00:10", "TotalTimeout": "00:00:30" },
///   "TurnsPerPerson": 30, "TurnsRefillPerMinute": 120,
///   "SendsPerSecondPerThread": 7, "SendsPerTwoSecondsPerThread": 8,
///   "PendingAnswerLifetime": "01:00:00"
/// }
/// </code>
/// </summary>
public sealed class ResilienceOptions : IValidatableObject
{
    public const string SectionName = "Resilience";

    public ConnectorRetryOptions Connector { get; set; } = new();

    /// <summary>
    /// The burst of turns one person may send in one conversation before the bot slows them down (default 30).
    /// Per person, not per chat: a whole channel acting on a shared card at once is not a flood.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Resilience:TurnsPerPerson must be between 1 and 10000.")]
    public int TurnsPerPerson { get; set; } = 30;

    /// <summary>How many turns per minute refill a person's allowance (default 120: two a second, faster than anyone types or clicks).</summary>
    [Range(1, 60_000, ErrorMessage = "Resilience:TurnsRefillPerMinute must be between 1 and 60000.")]
    public int TurnsRefillPerMinute { get; set; } = 120;

    /// <summary>
    /// Hold sends to each thread under Teams' limits (default true). Only the benchmark's loopback Bot Connector
    /// stub turns it off: there the pacing would measure Teams' limit, not the bot's cost.
    /// </summary>
    public bool PaceSends { get; set; } = true;

    /// <summary>Teams allows a bot 7 sends per second to one thread (chat or channel).</summary>
    [Range(1, 7, ErrorMessage = "Resilience:SendsPerSecondPerThread must be between 1 and 7 (Teams' limit).")]
    public int SendsPerSecondPerThread { get; set; } = 7;

    /// <summary>And 8 sends in any 2 seconds to one thread.</summary>
    [Range(1, 8, ErrorMessage = "Resilience:SendsPerTwoSecondsPerThread must be between 1 and 8 (Teams' limit).")]
    public int SendsPerTwoSecondsPerThread { get; set; } = 8;

    /// <summary>How long an answer that could not be stored is kept in memory for "retry" (default 1 h).</summary>
    public TimeSpan PendingAnswerLifetime { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PendingAnswerLifetime <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Resilience:PendingAnswerLifetime must be positive.", [nameof(PendingAnswerLifetime)]);
        }

        var connector = Connector;
        if (connector.MaxRetries is < 0 or > 10)
        {
            yield return new ValidationResult("Resilience:Connector:MaxRetries must be between 0 and 10.", [nameof(Connector)]);
        }

        if (connector.BaseDelay <= TimeSpan.Zero || connector.MaxRetryAfter < TimeSpan.Zero)
        {
            yield return new ValidationResult("Resilience:Connector:BaseDelay must be positive and MaxRetryAfter not negative.", [nameof(Connector)]);
        }

        // Polly's own bounds for its timeout strategy: 10 ms to 24 h.
        if (connector.AttemptTimeout < TimeSpan.FromMilliseconds(10) || connector.TotalTimeout > TimeSpan.FromHours(24) || connector.TotalTimeout < connector.AttemptTimeout)
        {
            yield return new ValidationResult("Resilience:Connector:AttemptTimeout must be at least 10 ms, and TotalTimeout at least AttemptTimeout (at most 24 h).", [nameof(Connector)]);
        }
    }
}

/// <summary>Retries of calls to the Bot Connector (Teams' REST API for sending and updating messages).</summary>
public sealed class ConnectorRetryOptions
{
    /// <summary>Retries after the first attempt (default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off when Teams gives no Retry-After; doubled each retry, with jitter (default 0.5 s).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A Retry-After longer than this is not waited for: the call fails at once (default 10 s).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest one HTTP attempt may take (default 10 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest a call may take, retries and waits included (default 30 s).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
