using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Hosting;

/// <summary>
/// The Bot Framework authentication keys, read from the configuration root under the names
/// ConfigurationBotFrameworkAuthentication uses, checked at start so a bad deployment stops with
/// a message naming the key rather than failing on the first Teams message.
/// </summary>
public sealed class BotAuthenticationOptions
{
    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The bot's Entra app (client) id. Empty turns authentication off: local runs only.</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>The issuer of the channel's tokens in the parameterised (private cloud, test) mode; else the public or government cloud's.</summary>
    public string? ToBotFromChannelTokenIssuer { get; set; }

    /// <summary>The government cloud's channel service URL selects that cloud; empty means the public cloud.</summary>
    public string? ChannelService { get; set; }

    /// <summary>
    /// Lets the bot run with no app id outside the Development environment, accepting unsigned requests.
    /// As in Development, only callers on this machine (loopback) are answered; forwarded headers are not
    /// trusted. Only for an isolated test environment.
    /// </summary>
    public bool DangerouslyAllowUnauthenticatedRequests { get; set; }
}

internal sealed class BotAuthenticationOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        var failures = new List<string>();
        var type = string.IsNullOrWhiteSpace(options.MicrosoftAppType) ? "MultiTenant" : options.MicrosoftAppType.Trim();
        var knownType = type.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase)
            || type.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase)
            || type.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        if (!knownType)
        {
            failures.Add($"MicrosoftAppType '{type}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        if (string.IsNullOrWhiteSpace(options.MicrosoftAppId))
        {
            if (!environment.IsDevelopment() && !options.DangerouslyAllowUnauthenticatedRequests)
            {
                failures.Add($"MicrosoftAppId is empty, which turns off Bot Framework authentication; that is refused in the {environment.EnvironmentName} environment. Set MicrosoftAppId (and its credentials), or set DangerouslyAllowUnauthenticatedRequests=true for an isolated test environment.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("MicrosoftAppId must be the bot's app (client) id, a GUID.");
        }

        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        if (hasTenant && !Guid.TryParse(options.MicrosoftAppTenantId, out _))
        {
            failures.Add("MicrosoftAppTenantId must be a tenant id (GUID).");
        }

        if (type.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
        {
            if (hasPassword)
            {
                failures.Add("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI: the managed identity has no password.");
            }

            if (!hasTenant)
            {
                failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.");
            }
        }
        else if (knownType)
        {
            if (!hasPassword)
            {
                failures.Add($"MicrosoftAppPassword is required when MicrosoftAppType is {type}.");
            }

            if (type.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase) && !hasTenant)
            {
                failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
