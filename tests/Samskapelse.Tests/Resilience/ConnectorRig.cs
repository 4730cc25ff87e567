using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Samskapelse.Bot.Hosting;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Resilience;
using Samskapelse.Tests.Assistant;

namespace Samskapelse.Tests.Resilience;

/// <summary>
/// The bot's adapter wired as the host wires it (ConfigurationBotFrameworkAuthentication with the
/// container's IHttpClientFactory, the connector's resilience pipeline, the send pacer), authentication
/// off so no token is fetched, sending to a scripted Bot Connector on loopback. Time is a fake clock.
/// </summary>
public sealed class ConnectorRig : IAsyncDisposable
{
    public const string ConversationId = "a:resilience-chat";

    private readonly ServiceProvider provider;

    private ConnectorRig(FakeOpenAIServer connector, SignalingTimeProvider time, ResilienceOptions options)
    {
        Connector = connector;
        Time = time;
        Options = options;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = string.Empty }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddConnectorResilience();
        services.AddSingleton<SendPacer>();
        provider = services.BuildServiceProvider();

        var authentication = new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: provider.GetRequiredService<IHttpClientFactory>());
        var storage = new MemoryStorage();
        var state = new PlanningStateAccessors(new ConversationState(storage), new UserState(storage));
        Adapter = new AdapterWithErrorHandler(authentication, NullLogger<AdapterWithErrorHandler>.Instance, state, provider.GetRequiredService<SendPacer>());
        Reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = connector.Endpoint.ToString(),
            Bot = new ChannelAccount("28:bot", "Samskapelse"),
            User = new ChannelAccount("29:user", "Kari Nordmann"),
            Conversation = new ConversationAccount(conversationType: "personal", id: ConversationId),
            Locale = "en-US",
        };
    }

    public FakeOpenAIServer Connector { get; }

    public SignalingTimeProvider Time { get; }

    public ResilienceOptions Options { get; }

    public AdapterWithErrorHandler Adapter { get; }

    public ConversationReference Reference { get; }

    public static async Task<ConnectorRig> StartAsync(Action<ResilienceOptions>? tweak = null)
    {
        var time = new SignalingTimeProvider();
        var options = new ResilienceOptions
        {
            Connector = { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(200), MaxRetryAfter = TimeSpan.FromSeconds(10), AttemptTimeout = TimeSpan.FromSeconds(5), TotalTimeout = TimeSpan.FromSeconds(60) },
        };
        tweak?.Invoke(options);
        return new ConnectorRig(await FakeOpenAIServer.StartAsync(time), time, options);
    }

    /// <summary>A message sent outside any turn, as reminders and the assistant's results are.</summary>
    public Task SendProactiveAsync(string text, string? conversationId = null) =>
        Adapter.ContinueConversationAsync(string.Empty, ReferenceTo(conversationId), (context, token) => context.SendActivityAsync(text, cancellationToken: token), CancellationToken.None);

    /// <summary>A card updated in place outside any turn (a PUT to the connector).</summary>
    public Task UpdateProactiveAsync(string activityId, string text) =>
        Adapter.ContinueConversationAsync(string.Empty, Reference, (context, token) => context.UpdateActivityAsync(new Activity(ActivityTypes.Message, id: activityId, text: text), token), CancellationToken.None);

    /// <summary>
    /// A user's message POSTed to the adapter without expectReplies, as Teams sends it: the bot's replies go
    /// to the connector while the turn runs. Returns the status the adapter answers the POST with.
    /// </summary>
    public async Task<int> TurnAsync(string text, BotCallbackHandler bot)
    {
        var activity = new Activity(ActivityTypes.Message, id: "incoming-1", text: text, locale: "en-US")
        {
            ChannelId = Reference.ChannelId,
            ServiceUrl = Reference.ServiceUrl,
            From = Reference.User,
            Recipient = Reference.Bot,
            Conversation = Reference.Conversation,
        };
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Newtonsoft.Json.JsonConvert.SerializeObject(activity)));
        context.Response.Body = new MemoryStream();
        await Adapter.ProcessAsync(context.Request, context.Response, new CallbackBot(bot), CancellationToken.None);
        return context.Response.StatusCode;
    }

    /// <summary>Waits for a retry's back-off to be armed (not one of the timeouts) and lets it pass.</summary>
    public async Task<TimeSpan> PassNextBackoffAsync()
    {
        var delay = await Time.NextTimerAsync(d => d != Options.Connector.AttemptTimeout && d != Options.Connector.TotalTimeout && d > TimeSpan.Zero);
        Time.Advance(delay);
        return delay;
    }

    public ConversationReference ReferenceTo(string? conversationId)
    {
        if (conversationId is null)
        {
            return Reference;
        }

        var copy = Newtonsoft.Json.JsonConvert.DeserializeObject<ConversationReference>(Newtonsoft.Json.JsonConvert.SerializeObject(Reference))!;
        copy.Conversation.Id = conversationId;
        return copy;
    }

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await provider.DisposeAsync();
    }
}

internal sealed class CallbackBot(BotCallbackHandler callback) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) => callback(turnContext, cancellationToken);
}
