using System.ComponentModel.DataAnnotations;

namespace Samskapelse.Bot.Operations;

public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>How long /health/ready waits for the store before it reports it unhealthy.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = "Health:ReadyTimeout must be between 1 ms and 1 minute.")]
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
