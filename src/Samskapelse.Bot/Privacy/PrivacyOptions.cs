using System.ComponentModel.DataAnnotations;

namespace Samskapelse.Bot.Privacy;

/// <summary>The "Privacy" section: how long plans nobody touches are kept.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Plans whose last write is older than this many days are removed by a daily sweep.
    /// 0 (the default) keeps plans forever.
    /// </summary>
    [Range(0, 3650, ErrorMessage = "Privacy:RetentionDays must be between 0 (keep forever) and 3650.")]
    public int RetentionDays { get; set; }
}
