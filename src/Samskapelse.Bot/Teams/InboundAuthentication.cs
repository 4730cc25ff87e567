using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Samskapelse.Bot.Hosting;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// Authenticates POST /api/messages more strictly than CloudAdapter: the header is checked before the
/// body is read, only the channel's own issuer is accepted (emulator tokens only with Auth:DangerouslyAllowEmulatorTokens), and every failure of
/// the SDK's validation (which answers many with 500) becomes a refusal logged as a warning. The SDK
/// still does the real work: signature, lifetime, audience, endorsement and service URL. An authenticated
/// activity's service URL must be https on an allowed host, as the bot sends its credentials there. With
/// authentication off (no app id), only callers on this machine are answered.
/// </summary>
public sealed class InboundAuthentication
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BotFrameworkAuthentication sdk;
    private readonly TimeProvider time;
    private readonly ILogger<InboundAuthentication> logger;
    private readonly bool required;
    private readonly bool emulatorTokensAllowed;
    private readonly string channelIssuer;
    private readonly InboundAuthenticationOptions inbound;

    public InboundAuthentication(
        BotFrameworkAuthentication sdk,
        IOptions<BotAuthenticationOptions> botOptions,
        IOptions<InboundAuthenticationOptions> options,
        TimeProvider time,
        ILogger<InboundAuthentication> logger)
    {
        ArgumentNullException.ThrowIfNull(botOptions);
        ArgumentNullException.ThrowIfNull(options);
        this.sdk = sdk;
        this.time = time;
        this.logger = logger;
        var bot = botOptions.Value;
        required = !string.IsNullOrWhiteSpace(bot.MicrosoftAppId);
        inbound = options.Value;
        emulatorTokensAllowed = inbound.DangerouslyAllowEmulatorTokens;
        channelIssuer = ChannelEndpoints.TokenIssuer(bot);
    }

    /// <summary>Checks what can be checked before the body is read; false means answer 401 now.</summary>
    public bool AcceptsHeader(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!required)
        {
            // Without authentication anyone could act as anyone: answer only this machine (the emulator, the
            // tests). The connection's own address decides; forwarded headers are not read.
            return IsLoopback(request.HttpContext.Connection.RemoteIpAddress) || Refused(AuthRefusal.NotLoopback);
        }

        var headers = request.Headers.Authorization;
        if (headers.Count > 1)
        {
            return Refused(AuthRefusal.SeveralHeaders);
        }

        var header = headers.Count == 1 ? headers[0] : null;
        if (string.IsNullOrEmpty(header))
        {
            return Refused(AuthRefusal.MissingHeader);
        }

        if (!BearerToken.TryRead(header, out var token, out var refusal))
        {
            return Refused(refusal);
        }

        // Emulator tokens skip the SDK's audience and service URL checks; anything else not from the channel fails there anyway.
        if (!string.Equals(token.Issuer, channelIssuer, StringComparison.Ordinal) && !emulatorTokensAllowed)
        {
            return Refused(ChannelEndpoints.IsEntraIssuer(token.Issuer) ? AuthRefusal.EmulatorToken : AuthRefusal.UnknownIssuer);
        }

        // The SDK checks nbf and exp but not iat: a token claiming to be issued later was not issued by the channel.
        if (token.IssuedAt > time.GetUtcNow() + ClockSkew)
        {
            return Refused(AuthRefusal.IssuedInTheFuture);
        }

        return true;
    }

    /// <summary>
    /// The SDK's validation against the activity (channel endorsement, service URL): a result, or
    /// the status to answer: 401 for a bad token, 503 when the channel's keys cannot be read.
    /// </summary>
    public async Task<(AuthenticateRequestResult? Result, int StatusCode)> AuthenticateAsync(Activity activity, string? header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (required && !inbound.AllowsServiceUrl(activity.ServiceUrl))
        {
            InboundLog.AuthenticationRefused(logger, AuthRefusal.ServiceUrlNotAllowed, "the activity's serviceUrl is not https on an allowed host");
            return (null, StatusCodes.Status401Unauthorized);
        }

        try
        {
            return (await sdk.AuthenticateRequestAsync(activity, header, cancellationToken).ConfigureAwait(false), StatusCodes.Status200OK);
        }
        catch (Exception exception) when (IsTokenFault(exception))
        {
            InboundLog.AuthenticationRefused(logger, AuthRefusal.RejectedBySdk, exception.GetType().Name);
            return (null, StatusCodes.Status401Unauthorized);
        }
        catch (InvalidOperationException exception)
        {
            // IDX20803: the metadata document or key set is unreachable. The bot's fault, not the caller's.
            InboundLog.AuthenticationUnavailable(logger, exception);
            return (null, StatusCodes.Status503ServiceUnavailable);
        }
    }

    // What the SDK and IdentityModel throw for a bad token.
    private static bool IsTokenFault(Exception exception) => exception
        is UnauthorizedAccessException
        or SecurityTokenException
        or ArgumentException
        or FormatException
        or Newtonsoft.Json.JsonException
        or System.Text.Json.JsonException
        or OverflowException;

    /// <summary>A loopback address, or none at all (an in-process test server, a Unix socket): no remote caller.</summary>
    private static bool IsLoopback(System.Net.IPAddress? address) =>
        address is null || System.Net.IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private bool Refused(AuthRefusal refusal)
    {
        InboundLog.AuthenticationRefused(logger, refusal, "header, before the body was read");
        return false;
    }
}
