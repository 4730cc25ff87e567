using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Documents;

/// <summary>The "Documents" section: how download links are signed and how long they work.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>
    /// The HMAC-SHA256 key of download links: at least 32 random bytes in base64 (`openssl rand -base64 32`),
    /// with the key id <see cref="DocumentSigningKey.DefaultId"/>. Use it or <see cref="SigningKeys"/>, not both.
    /// Required outside Development; in Development an unset key is replaced by a random one per process
    /// (links die with the process). Changing it revokes every link handed out; rotate with <see cref="SigningKeys"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Keys with ids, for rotation without breaking live links: the first signs, every one listed verifies
    /// the links that name its id. Rotate by putting a new key first and removing the old one once its
    /// links have expired (<see cref="ImageLinkLifetime"/>).
    /// </summary>
    public IList<DocumentSigningKeyOptions> SigningKeys { get; } = [];

    /// <summary>How long a Word or Markdown link works: one hour by default, so a forwarded link soon dies.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the map on a card shows: a day by default, as Teams fetches the image again when the chat is reopened.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ImageLinkLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often one link may be fetched in a minute; more gets 429. A map shown in a busy chat is fetched by each viewer's client.</summary>
    [Range(1, 100_000)]
    public int RequestsPerLinkPerMinute { get; set; } = 30;

    /// <summary>How many document requests one client address may make in a minute, over all links; more gets 429.</summary>
    [Range(1, 100_000)]
    public int RequestsPerAddressPerMinute { get; set; } = 120;

    /// <summary>Memory for rendered documents kept for the next request of the same plan version (bytes): 64 MB by default.</summary>
    [Range(0, long.MaxValue)]
    public long RenderCacheBytes { get; set; } = 64L * 1024 * 1024;
}

/// <summary>One entry of Documents:SigningKeys.</summary>
public sealed class DocumentSigningKeyOptions
{
    /// <summary>Carried in every link the key signs: 1 to 32 letters, digits, '-' or '_', e.g. 2026-11.</summary>
    public string? Id { get; set; }

    /// <summary>At least 32 random bytes in base64; from Key Vault in Azure.</summary>
    public string? Key { get; set; }
}

/// <summary>Checks the signing keys at start, so a weak, sample or missing key stops the bot with a message naming the key.</summary>
public sealed partial class DocumentOptionsValidator(IHostEnvironment environment) : IValidateOptions<DocumentOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasSingle = !string.IsNullOrWhiteSpace(options.SigningKey);
        if (hasSingle && options.SigningKeys.Count > 0)
        {
            failures.Add("Documents:SigningKey and Documents:SigningKeys are both set: use one of them (SigningKeys to rotate keys).");
        }
        else if (!hasSingle && options.SigningKeys.Count == 0 && !environment.IsDevelopment())
        {
            failures.Add($"Documents:SigningKey must be set outside Development: it signs the download links. {SigningKeyText.Advice}");
        }

        if (hasSingle && SigningKeyText.Problem(options.SigningKey, out _) is { } problem)
        {
            failures.Add($"Documents:SigningKey {problem}. {SigningKeyText.Advice}");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            var entry = options.SigningKeys[i];
            if (entry.Id is null || !KeyId().IsMatch(entry.Id))
            {
                failures.Add($"Documents:SigningKeys:{i}:Id must be 1 to 32 letters, digits, '-' or '_'.");
            }
            else if (!ids.Add(entry.Id))
            {
                failures.Add($"Documents:SigningKeys:{i}:Id '{entry.Id}' is listed twice.");
            }

            if (SigningKeyText.Problem(entry.Key, out _) is { } keyProblem)
            {
                failures.Add($"Documents:SigningKeys:{i}:Key {keyProblem}. {SigningKeyText.Advice}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    internal static partial Regex KeyId();
}

/// <summary>The "Bot" section: where the bot is reached from outside, for links in cards.</summary>
public sealed class BotUrlOptions
{
    public const string SectionName = "Bot";

    /// <summary>The public base URL; Teams shows card images from HTTPS addresses only.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:3978";
}
