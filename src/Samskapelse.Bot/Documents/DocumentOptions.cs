using System.ComponentModel.DataAnnotations;

namespace Samskapelse.Bot.Documents;

/// <summary>The "Documents" section: how download links are signed and how long they work.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>
    /// The HMAC-SHA256 key of download links, at least 32 characters. Required outside Development; in
    /// Development an unset key is replaced by a random one per process (links die with the process).
    /// Changing it revokes every link handed out.
    /// </summary>
    [MinLength(32, ErrorMessage = "Documents:SigningKey must be at least 32 characters.")]
    public string? SigningKey { get; set; }

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

/// <summary>The "Bot" section: where the bot is reached from outside, for links in cards.</summary>
public sealed class BotUrlOptions
{
    public const string SectionName = "Bot";

    /// <summary>The public base URL; Teams shows card images from HTTPS addresses only.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:3978";
}
