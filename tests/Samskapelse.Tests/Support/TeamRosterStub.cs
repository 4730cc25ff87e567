using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Tests.Support;

/// <summary>
/// The Bot Connector's member lookup on loopback (GET /v3/conversations/{teamId}/members/{userId}), answering from a
/// roster the test sets: a member as Teams describes them (tenant, user role), or 404 for someone not in the team.
/// <see cref="Middleware"/> gives a TestAdapter's turns a connector client that reaches it, so TeamsInfo runs for real.
/// </summary>
public sealed class TeamRosterStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<(string Team, string User), JObject> members = new();
    private int lookups;

    private TeamRosterStub()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapGet("/v3/conversations/{teamId}/members/{userId}", (string teamId, string userId) =>
        {
            Interlocked.Increment(ref lookups);
            return members.TryGetValue((teamId, userId), out var member)
                ? Results.Text(member.ToString(), "application/json")
                : Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "The member is not in the conversation." } }, statusCode: 404);
        });
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>How many member lookups arrived.</summary>
    public int Lookups => Volatile.Read(ref lookups);

    public static async Task<TeamRosterStub> StartAsync()
    {
        var stub = new TeamRosterStub();
        await stub.app.StartAsync();
        stub.Endpoint = new Uri(stub.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return stub;
    }

    /// <summary>Puts someone in the team, as the roster describes them.</summary>
    public void Add(string teamId, string userId, string? aadObjectId, string tenantId, string userRole = "user") =>
        members[(teamId, userId)] = new JObject
        {
            ["id"] = userId,
            ["name"] = userId,
            ["aadObjectId"] = aadObjectId,
            ["tenantId"] = tenantId,
            ["userRole"] = userRole,
        };

    public void Remove(string teamId, string userId) => members.TryRemove((teamId, userId), out _);

    /// <summary>Middleware that gives each turn a connector client to this stub (no credentials: nothing is signed).</summary>
    public Microsoft.Bot.Builder.IMiddleware Middleware() => new ConnectorMiddleware(Endpoint);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class ConnectorMiddleware(Uri endpoint) : Microsoft.Bot.Builder.IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            using var client = new ConnectorClient(endpoint, MicrosoftAppCredentials.Empty);
            turnContext.TurnState.Add<IConnectorClient>(client);
            await next(cancellationToken).ConfigureAwait(false);
        }
    }
}
