using System.Security.Claims;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Samskapelse.Bot.Teams;

namespace Samskapelse.Tests.Teams;

/// <summary>A turn's connector and user-token clients are built on their first use, once, and work as the real ones.</summary>
public sealed class LazyTurnClientsTests
{
    [Fact]
    public async Task TheConnectorClient_IsBuiltOnFirstUse_Once_AndSendsAsTheRealOne()
    {
        using var stub = new SharedConnectorContractsTests.CapturingConnector();
        var counting = new CountingFactory(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build(), httpClientFactory: stub).CreateConnectorFactory(new ClaimsIdentity()));
        var factory = new LazyConnectorFactory(counting);

        using (var unused = await factory.CreateAsync(SharedConnectorContractsTests.CapturingConnector.ServiceUrl, null!, default))
        {
            Assert.Equal(0, counting.Created);
        }

        Assert.Equal(0, counting.Created);
        using var client = await factory.CreateAsync(SharedConnectorContractsTests.CapturingConnector.ServiceUrl, null!, default);
        var sent = await client.Conversations.SendToConversationAsync(new Activity { Type = ActivityTypes.Message, Text = "hei", Conversation = new ConversationAccount { Id = "a:1" } });
        await client.Conversations.SendToConversationAsync(new Activity { Type = ActivityTypes.Message, Text = "igjen", Conversation = new ConversationAccount { Id = "a:1" } });

        Assert.Equal("reply-1", sent.Id);
        Assert.Equal(1, counting.Created);
        Assert.Equal(new Uri(SharedConnectorContractsTests.CapturingConnector.ServiceUrl), client.BaseUri);
    }

    [Fact]
    public async Task TheUserTokenClient_IsBuiltOnItsFirstCall_AndAnUnusedOneNever()
    {
        var created = 0;
        using (new LazyUserTokenClient(() => Task.FromResult<UserTokenClient>(new FailingTokenClient(() => created++))))
        {
        }

        Assert.Equal(0, created);
        using var client = new LazyUserTokenClient(() => { created++; return Task.FromResult<UserTokenClient>(new FailingTokenClient(() => { })); });
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetUserTokenAsync("u", "c", "msteams", null!, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SignOutUserAsync("u", "c", "msteams", default));
        Assert.Equal(1, created);
    }

    private sealed class CountingFactory(ConnectorFactory inner) : ConnectorFactory
    {
        public int Created { get; private set; }

        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            Created++;
            return inner.CreateAsync(serviceUrl, audience, cancellationToken);
        }
    }

    /// <summary>Proves the call reached the inner client: every call throws.</summary>
    private sealed class FailingTokenClient : UserTokenClient
    {
        public FailingTokenClient(Action built) => built();

        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) => throw new InvalidOperationException();

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) => throw new InvalidOperationException();
    }
}
