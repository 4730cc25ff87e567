using Microsoft.Bot.Connector.Authentication;
using Samskapelse.Bot.Hosting;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// Where the channel's tokens come from, resolved the way ConfigurationBotFrameworkAuthentication
/// resolves them: the parameterised keys when set, else the government or the public cloud.
/// </summary>
internal static class ChannelEndpoints
{
    public static string TokenIssuer(BotAuthenticationOptions options) =>
        NonEmpty(options.ToBotFromChannelTokenIssuer)
        ?? (IsGovernment(options) ? GovernmentAuthenticationConstants.ToBotFromChannelTokenIssuer : AuthenticationConstants.ToBotFromChannelTokenIssuer);

    /// <summary>Emulator and skill tokens are issued by Entra ID, not by the channel.</summary>
    public static bool IsEntraIssuer(string? issuer) =>
        Uri.TryCreate(issuer, UriKind.Absolute, out var url)
        && (url.Host.Equals("sts.windows.net", StringComparison.OrdinalIgnoreCase) || url.Host.StartsWith("login.microsoftonline.", StringComparison.OrdinalIgnoreCase));

    private static bool IsGovernment(BotAuthenticationOptions options) =>
        string.Equals(options.ChannelService, GovernmentAuthenticationConstants.ChannelService, StringComparison.OrdinalIgnoreCase);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
