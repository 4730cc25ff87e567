using System.ComponentModel.DataAnnotations;

namespace Samskapelse.Bot.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Sqlite (default: durable, one file) or Memory (tests only: lost on restart).</summary>
    [Required]
    [RegularExpression("^(Sqlite|Memory)$", ErrorMessage = "Storage:Provider must be Sqlite or Memory.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file; created with its folder on first start.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/samskapelse.db";
}
