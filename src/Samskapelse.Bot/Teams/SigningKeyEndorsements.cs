using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Samskapelse.Bot.Hosting;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// Requires the key that signed a channel token to be endorsed for the activity's channel. The SDK
/// checks endorsements only for keys that list some, so a key listed without endorsements passes it
/// for any channel; here a key must name the channel. Reads the same key set the SDK reads, cached.
/// </summary>
public sealed class SigningKeyEndorsements : IDisposable
{
    private readonly HttpClient http = new();
    private readonly ConfigurationManager<IDictionary<string, HashSet<string>>> keys;
    private readonly string channelIssuer;

    public SigningKeyEndorsements(IOptions<BotAuthenticationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retriever = new EndorsementsRetriever(http);
        keys = new ConfigurationManager<IDictionary<string, HashSet<string>>>(ChannelEndpoints.OpenIdMetadataUrl(options.Value), retriever, retriever);
        channelIssuer = ChannelEndpoints.TokenIssuer(options.Value);
    }

    /// <summary>True for a token the SDK has accepted whose key is endorsed for <paramref name="channelId"/>; emulator tokens are not the channel's and pass.</summary>
    public async Task<bool> IsEndorsedAsync(string? header, string? channelId, CancellationToken cancellationToken)
    {
        if (header is null || !BearerToken.TryRead(header, out var token, out _))
        {
            return false;
        }

        if (!string.Equals(token.Issuer, channelIssuer, StringComparison.Ordinal))
        {
            return true;
        }

        var endorsed = await keys.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        return !string.IsNullOrEmpty(channelId)
            && endorsed.TryGetValue(token.KeyId, out var channels)
            && EndorsementsValidator.Validate(channelId, channels);
    }

    public void Dispose() => http.Dispose();
}
