using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Coaching;

/// <summary>
/// Who HR is, and how often the reminder service looks for due reminders. Section "Coaching":
/// <code>
/// "Coaching": {
///   "HrUserAadObjectIds": [ "00000000-0000-0000-0000-000000000000" ],
///   "HrGroupId": "00000000-0000-0000-0000-000000000000",
///   "HrRosterMaxAge": "1.00:00:00",
///   "ReminderCheckInterval": "00:05:00"
/// }
/// </code>
/// </summary>
public sealed class CoachingOptions
{
    public const string SectionName = "Coaching";

    /// <summary>Entra object ids of the HR staff who may start coaching. Empty by default: nobody may.</summary>
    public IList<string> HrUserAadObjectIds { get; } = new List<string>();

    /// <summary>
    /// Optional: the Entra group (the Microsoft 365 group of the HR team in Teams) whose members are HR too.
    /// Members are learned from the roster events and messages the bot receives in that team, and each is
    /// confirmed against the team roster (the Bot Connector's member lookup, no Graph) before it counts: only
    /// members of the bot's own tenant who are not guests. Configured object ids stay the first way.
    /// </summary>
    public string? HrGroupId { get; set; }

    /// <summary>How long a confirmed HR team member counts before the roster is asked again (default 24 hours; 5 minutes to 7 days).</summary>
    public TimeSpan HrRosterMaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the reminder service looks for due reminders (default 5 minutes; 1 minute to 1 hour).</summary>
    public TimeSpan ReminderCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsHrUser(string? aadObjectId) =>
        !string.IsNullOrWhiteSpace(aadObjectId) && HrUserAadObjectIds.Any(id => string.Equals(id.Trim(), aadObjectId.Trim(), StringComparison.OrdinalIgnoreCase));
}

internal sealed class CoachingOptionsValidator : IValidateOptions<CoachingOptions>
{
    public ValidateOptionsResult Validate(string? name, CoachingOptions options)
    {
        var failures = new List<string>();
        foreach (var id in options.HrUserAadObjectIds)
        {
            if (!Guid.TryParse(id, out _))
            {
                failures.Add($"Coaching:HrUserAadObjectIds contains '{id}', which is not an Entra object id (a GUID).");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.HrGroupId) && !Guid.TryParse(options.HrGroupId, out _))
        {
            failures.Add($"Coaching:HrGroupId '{options.HrGroupId}' is not an Entra group id (a GUID).");
        }

        if (options.HrRosterMaxAge < TimeSpan.FromMinutes(5) || options.HrRosterMaxAge > TimeSpan.FromDays(7))
        {
            failures.Add($"Coaching:HrRosterMaxAge {options.HrRosterMaxAge} must be between 00:05:00 and 7.00:00:00.");
        }

        if (options.ReminderCheckInterval < TimeSpan.FromMinutes(1) || options.ReminderCheckInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"Coaching:ReminderCheckInterval {options.ReminderCheckInterval} must be between 00:01:00 and 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
