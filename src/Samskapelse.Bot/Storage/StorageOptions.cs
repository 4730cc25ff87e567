using System.ComponentModel.DataAnnotations;

namespace Samskapelse.Bot.Storage;

/// <summary>
/// The "Storage" section. Shape:
/// <code>
/// "Storage": {
///   "Provider": "Sqlite",                  // Sqlite (default) | Blob (several instances) | Memory (tests)
///   "SqlitePath": "data/samskapelse.db",
///   "Blob": { "ConnectionString": "", "ServiceUri": "https://acct.blob.core.windows.net",
///             "ManagedIdentityClientId": "", "Container": "samskapelse" }
/// }
/// </code>
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>Sqlite (default: durable, one file, one instance), Blob (Azure Blob Storage, shared by every instance) or Memory (tests only: lost on restart).</summary>
    [Required]
    [RegularExpression("^(Sqlite|Blob|Memory)$", ErrorMessage = "Storage:Provider must be Sqlite, Blob or Memory.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file; created with its folder on first start.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/samskapelse.db";

    public BlobStorageSettings Blob { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != "Blob")
        {
            yield break;
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(Blob.ConnectionString);
        var hasServiceUri = !string.IsNullOrWhiteSpace(Blob.ServiceUri);
        if (!hasConnectionString && !hasServiceUri)
        {
            yield return new ValidationResult("Storage:Blob:ServiceUri (with a managed identity) or Storage:Blob:ConnectionString is required when Storage:Provider is Blob.", [nameof(Blob)]);
        }

        if (hasServiceUri && (!Uri.TryCreate(Blob.ServiceUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)))
        {
            yield return new ValidationResult("Storage:Blob:ServiceUri must be an https URL, e.g. https://account.blob.core.windows.net.", [nameof(Blob)]);
        }

        if (!BlobStorage.IsValidContainerName(Blob.Container))
        {
            yield return new ValidationResult("Storage:Blob:Container must be 3-63 lowercase letters, digits and single hyphens.", [nameof(Blob)]);
        }
    }
}

public sealed class BlobStorageSettings
{
    /// <summary>A storage connection string (Azurite, or an account key); ServiceUri with a managed identity is preferred in Azure.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's blob endpoint, e.g. https://account.blob.core.windows.net; signed in with a managed identity.</summary>
    public string? ServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty uses DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The container holding one blob per stored item; created on first use.</summary>
    public string Container { get; set; } = "samskapelse";
}
