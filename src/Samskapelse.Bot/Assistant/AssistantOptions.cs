using System.ComponentModel.DataAnnotations;
using Samskapelse.Assistant;

namespace Samskapelse.Bot.Assistant;

/// <summary>
/// The "Assistant" section. Shape:
/// <code>
/// "Assistant": {
///   "Provider": "Offline",                     // Offline (default) | AzureOpenAI | Disabled
///   "AzureOpenAI": { "Endpoint": "https://….openai.azure.com/", "Deployment": "gpt-4o-mini",
///                    "ApiKey": "", "UseManagedIdentity": true },
///   "OverallTimeout": "00:00:25", "CallTimeout": "00:00:12", "MaxRetries": 2,
///   "MaxRetryAfter": "00:00:10", "RetryDelay": "00:00:01",
///   "TokenBudgetPerPlan": 50000, "MaxOutputTokens": 800,
///   "RequestsPerUser": 20, "RateLimitWindow": "01:00:00"
/// }
/// </code>
/// </summary>
public sealed class AssistantOptions : IValidatableObject
{
    public const string SectionName = "Assistant";

    /// <summary>Offline (built in, the default), AzureOpenAI, or Disabled (no assistant anywhere in the deployment).</summary>
    [Required]
    [RegularExpression("^(Offline|AzureOpenAI|Disabled)$", ErrorMessage = "Assistant:Provider must be Offline, AzureOpenAI or Disabled.")]
    public string Provider { get; set; } = nameof(AssistantMode.Offline);

    public AzureOpenAISettings AzureOpenAI { get; set; } = new();

    /// <summary>The longest a user waits for the cloud, retries included, before the offline answer (default 25 s).</summary>
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>The longest one HTTP call may take (default 12 s).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Retries after a 429, a 5xx, a per-call timeout or a refused connection (default 2).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>A 429 asking to wait longer than this is not retried: the offline answer is shown at once (default 10 s).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first back-off when the service gives no Retry-After; doubled on each retry (default 1 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 100_000_000)]
    public int TokenBudgetPerPlan { get; set; } = 50_000;

    [Range(64, 16_000)]
    public int MaxOutputTokens { get; set; } = 800;

    [Range(1, 10_000)]
    public int RequestsPerUser { get; set; } = 20;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The provider as a mode; an unknown name (refused by validation) reads as Disabled.</summary>
    public AssistantMode Mode => Enum.TryParse<AssistantMode>(Provider, ignoreCase: false, out var mode) ? mode : AssistantMode.Disabled;

    public AssistantSettings ToSettings() => new()
    {
        Mode = Mode,
        OverallTimeout = OverallTimeout,
        TokenBudgetPerPlan = TokenBudgetPerPlan,
        RequestsPerUser = RequestsPerUser,
        RateLimitWindow = RateLimitWindow,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OverallTimeout <= TimeSpan.Zero || CallTimeout <= TimeSpan.Zero || RateLimitWindow <= TimeSpan.Zero || RetryDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            yield return new ValidationResult("Assistant timeouts and windows must be positive.");
        }

        if (Provider != nameof(AssistantMode.AzureOpenAI))
        {
            yield break;
        }

        if (!Uri.TryCreate(AzureOpenAI.Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && !endpoint.IsLoopback))
        {
            yield return new ValidationResult("Assistant:AzureOpenAI:Endpoint must be an https URL.", [nameof(AzureOpenAI)]);
        }

        if (string.IsNullOrWhiteSpace(AzureOpenAI.Deployment))
        {
            yield return new ValidationResult("Assistant:AzureOpenAI:Deployment is required.", [nameof(AzureOpenAI)]);
        }

        if (!AzureOpenAI.UseManagedIdentity && string.IsNullOrWhiteSpace(AzureOpenAI.ApiKey))
        {
            yield return new ValidationResult("Set Assistant:AzureOpenAI:ApiKey, or Assistant:AzureOpenAI:UseManagedIdentity to true.", [nameof(AzureOpenAI)]);
        }
    }
}

public sealed class AzureOpenAISettings
{
    /// <summary>The resource endpoint, e.g. https://my-resource.openai.azure.com/.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model deployment's name; it becomes part of the request path.</summary>
    public string? Deployment { get; set; }

    /// <summary>A key; keep it in user secrets or app settings, never in appsettings.json.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Sign in with DefaultAzureCredential (the App Service's managed identity) instead of a key.</summary>
    public bool UseManagedIdentity { get; set; }
}
