namespace Samskapelse.Assistant;

public enum AssistantMode
{
    /// <summary>The built-in assistant only: no network, no cost. The embedded default.</summary>
    Offline,

    /// <summary>Azure OpenAI, with the offline assistant standing in whenever a call fails or a limit is reached.</summary>
    AzureOpenAI,

    /// <summary>No assistant at all: no buttons, no suggestions.</summary>
    Disabled,
}

/// <summary>What the assistant's core needs to know of the configuration (the bot binds it from the "Assistant" section).</summary>
public sealed record AssistantSettings
{
    public AssistantMode Mode { get; init; } = AssistantMode.Offline;

    /// <summary>The longest the user waits for the cloud assistant, retries included, before the offline answer is shown.</summary>
    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>Tokens one plan may spend in total; past it the offline assistant answers.</summary>
    public int TokenBudgetPerPlan { get; init; } = 50_000;

    /// <summary>Cloud requests one user may make per <see cref="RateLimitWindow"/>.</summary>
    public int RequestsPerUser { get; init; } = 20;

    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Open suggestion batches kept per plan; older ones are dropped.</summary>
    public int BatchesKept { get; init; } = 5;
}
