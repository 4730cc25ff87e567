using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Hosting;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// The tenants the bot serves. Section "Bot":
/// <code>
/// "Bot": { "AllowedTenants": [ "00000000-0000-0000-0000-000000000000" ] }
/// </code>
/// Empty by default, which means the app's own tenant (<c>MicrosoftAppTenantId</c>).
/// </summary>
public sealed class TenantOptions
{
    public const string SectionName = "Bot";

    /// <summary>Entra tenant ids whose activities the bot accepts. Empty: the app's own tenant.</summary>
    public IList<string> AllowedTenants { get; } = new List<string>();
}

/// <summary>
/// The tenant boundary: which tenants the bot serves, which is its own, and the tenant an activity comes from.
/// Activities from any other tenant are refused at the door (<see cref="MessagesEndpoint"/>), before a turn
/// starts or anything is stored; everything stored about people and chats carries the tenant in its key
/// (<see cref="TenantKeys"/>). With authentication off (no app id: Development or an isolated test host) the
/// tenant of an activity is only what the caller wrote, so with no tenant configured every tenant passes there.
/// </summary>
public sealed class TenantBoundary
{
    private readonly HashSet<string> allowed;

    public TenantBoundary(IOptions<TenantOptions> options, IOptions<BotAuthenticationOptions> authentication)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(authentication);
        var own = authentication.Value.MicrosoftAppTenantId?.Trim();
        var configured = options.Value.AllowedTenants.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        allowed = new HashSet<string>(configured.Count > 0 ? configured : string.IsNullOrEmpty(own) ? [] : [own], StringComparer.OrdinalIgnoreCase);
        HomeTenantId = !string.IsNullOrEmpty(own) ? own : allowed.Count == 1 ? allowed.First() : null;
    }

    /// <summary>A boundary that admits every tenant (no tenant configured, authentication off).</summary>
    public static TenantBoundary Open { get; } = new(Options.Create(new TenantOptions()), Options.Create(new BotAuthenticationOptions()));

    /// <summary>The bot's own tenant: <c>MicrosoftAppTenantId</c>, else the only allowed tenant; null when neither says.</summary>
    public string? HomeTenantId { get; }

    /// <summary>The allowed tenants; empty admits every tenant (allowed only where authentication is off, see the validator).</summary>
    public IReadOnlyCollection<string> AllowedTenants => allowed;

    /// <summary>
    /// The tenant an activity comes from: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>. Null when
    /// it names none, or when the two disagree (an activity that names two tenants belongs to neither).
    /// </summary>
    public static string? TenantOf(IActivity? activity)
    {
        var fromConversation = Clean(activity?.Conversation?.TenantId);
        var fromChannelData = Clean(ChannelDataTenant(activity?.ChannelData));
        if (fromConversation is not null && fromChannelData is not null && fromConversation != fromChannelData)
        {
            return null;
        }

        return fromConversation ?? fromChannelData;
    }

    /// <summary>True when the bot serves activities from this tenant.</summary>
    public bool Admits(string? tenantId) =>
        allowed.Count == 0 || (!string.IsNullOrWhiteSpace(tenantId) && allowed.Contains(tenantId.Trim()));

    /// <summary>True when the activity comes from a tenant the bot serves.</summary>
    public bool Admits(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Admits(TenantOf(activity));
    }

    /// <summary>True for the bot's own tenant (when it has none configured: any tenant it admits).</summary>
    public bool IsHome(string? tenantId) =>
        HomeTenantId is null ? Admits(tenantId) : string.Equals(tenantId?.Trim(), HomeTenantId, StringComparison.OrdinalIgnoreCase);

    private static string? Clean(string? tenant) =>
        tenant?.Trim() is { Length: > 0 } trimmed ? trimmed.ToLowerInvariant() : null;

    private static string? ChannelDataTenant(object? channelData) => channelData switch
    {
        null => null,
        JToken token => token is JObject json && json["tenant"] is JObject tenant && tenant["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null,
        _ => JToken.FromObject(channelData) is JObject { } json && json["tenant"] is JObject tenant && tenant["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null,
    };
}

internal sealed class TenantOptionsValidator(IHostEnvironment environment, IOptions<BotAuthenticationOptions> authentication) : IValidateOptions<TenantOptions>
{
    public ValidateOptionsResult Validate(string? name, TenantOptions options)
    {
        var failures = new List<string>();
        foreach (var tenant in options.AllowedTenants)
        {
            if (!Guid.TryParse(tenant, out _))
            {
                failures.Add($"Bot:AllowedTenants contains '{tenant}', which is not an Entra tenant id (a GUID).");
            }
        }

        var appId = authentication.Value.MicrosoftAppId;
        var ownTenant = authentication.Value.MicrosoftAppTenantId;
        if (!environment.IsDevelopment() && !string.IsNullOrWhiteSpace(appId)
            && options.AllowedTenants.Count == 0 && string.IsNullOrWhiteSpace(ownTenant))
        {
            failures.Add($"Bot:AllowedTenants is empty and MicrosoftAppTenantId is not set, so the bot would serve every tenant where the app is installed; that is refused in the {environment.EnvironmentName} environment. Set MicrosoftAppTenantId (with MicrosoftAppType SingleTenant or UserAssignedMSI), or list the tenants in Bot:AllowedTenants.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
