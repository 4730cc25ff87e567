using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Teams;

/// <summary>The "Auth" section: what the bot accepts beyond the Bot Framework channel's own tokens, and where it may reply.</summary>
public sealed class InboundAuthenticationOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// The hosts of the Teams service URLs in the public cloud, GCC, GCC High and DoD; the region is a path
    /// (https://smba.trafficmanager.net/emea/, /amer/, /teams/), not a host.
    /// </summary>
    public static readonly IReadOnlyList<string> TeamsServiceHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>
    /// Accepts tokens issued for the Bot Framework Emulator (by Entra ID, not the channel), in any environment.
    /// The SDK checks neither their audience nor their service URL: leave this off wherever Teams reaches the bot.
    /// </summary>
    public bool DangerouslyAllowEmulatorTokens { get; set; }

    /// <summary>The old name of <see cref="DangerouslyAllowEmulatorTokens"/>; setting it stops the bot with a message naming the new one.</summary>
    public bool AllowEmulatorTokens { get; set; }

    /// <summary>
    /// Hosts an authenticated activity's serviceUrl may name (the bot sends its replies, and its credentials,
    /// there); always over https. Empty means <see cref="TeamsServiceHosts"/>. "*.example.com" allows the
    /// subdomains of example.com. Not checked when authentication is off (loopback callers only).
    /// </summary>
    public IList<string> AllowedServiceUrlHosts { get; } = [];

    public IReadOnlyList<string> ServiceUrlHosts => AllowedServiceUrlHosts.Count > 0 ? [.. AllowedServiceUrlHosts] : TeamsServiceHosts;

    /// <summary>An https URL, on the default port, whose host is listed.</summary>
    public bool AllowsServiceUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)
        && url.Scheme == Uri.UriSchemeHttps
        && url.IsDefaultPort
        && string.IsNullOrEmpty(url.UserInfo)
        && ServiceUrlHosts.Any(host => HostMatches(url.IdnHost, host.Trim()));

    private static bool HostMatches(string host, string allowed) =>
        allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase) && host.Length > allowed.Length - 1
            : host.Equals(allowed, StringComparison.OrdinalIgnoreCase);
}

internal sealed class InboundAuthenticationOptionsValidator : IValidateOptions<InboundAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, InboundAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.AllowEmulatorTokens)
        {
            failures.Add("Auth:AllowEmulatorTokens is now Auth:DangerouslyAllowEmulatorTokens: emulator tokens are accepted only when that is set, in every environment.");
        }

        foreach (var host in options.AllowedServiceUrlHosts)
        {
            var bare = host?.Trim() ?? string.Empty;
            if (bare.StartsWith("*.", StringComparison.Ordinal))
            {
                bare = bare[2..];
            }

            if (Uri.CheckHostName(bare) != UriHostNameType.Dns || !bare.Contains('.', StringComparison.Ordinal))
            {
                failures.Add($"Auth:AllowedServiceUrlHosts: '{host}' is not a host name (e.g. smba.trafficmanager.net or *.example.com; no scheme, no path).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
