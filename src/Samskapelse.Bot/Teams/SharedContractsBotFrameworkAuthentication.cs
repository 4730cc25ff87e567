using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// The SDK's authentication with one change: the connector clients it hands out share one Newtonsoft
/// contract resolver. CloudAdapter builds a new ConnectorClient for every turn, and each builds its
/// own resolvers, so every reply re-reflected the Activity contracts (about 15 ms of CPU a turn).
/// The shared resolvers are the same type with the same settings, so replies serialize byte for byte
/// as before; the resolver caches its contracts and is safe across threads.
/// </summary>
public sealed class SharedContractsBotFrameworkAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        WithSharedContracts(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        WithSharedContracts(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new SharedContractsConnectorFactory(inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private static AuthenticateRequestResult WithSharedContracts(AuthenticateRequestResult result)
    {
        if (result?.ConnectorFactory is { } factory and not SharedContractsConnectorFactory)
        {
            result.ConnectorFactory = new SharedContractsConnectorFactory(factory);
        }

        return result!;
    }
}

/// <summary>Hands out the inner factory's connector clients with the process-wide contract resolvers.</summary>
public sealed class SharedContractsConnectorFactory(ConnectorFactory inner) : ConnectorFactory
{
    // Two, as ConnectorClient has one for each direction: nothing about them differs from a fresh client's but their cache.
    private static readonly DefaultContractResolver SerializationResolver = new();
    private static readonly DefaultContractResolver DeserializationResolver = new();

    public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
        Share(client?.SerializationSettings, SerializationResolver);
        Share(client?.DeserializationSettings, DeserializationResolver);
        return client!;
    }

    // Only the resolver ConnectorClient builds for itself (4.23.1: a DefaultContractResolver with its defaults) is
    // swapped: a client configured otherwise is left as it is.
    private static void Share(JsonSerializerSettings? settings, DefaultContractResolver shared)
    {
        if (settings?.ContractResolver is DefaultContractResolver { NamingStrategy: null } own && own.GetType() == typeof(DefaultContractResolver))
        {
            settings.ContractResolver = shared;
        }
    }
}
