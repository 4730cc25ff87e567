using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Hosting;

namespace Samskapelse.Bot.Teams;

public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddTeamsBot(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<BotAuthenticationOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.AddSingleton<BotFrameworkAuthentication>(provider =>
        {
            // Checked first, so a bad setting stops the bot with our message naming the key,
            // whoever resolves the adapter first, rather than with the SDK's constructor exception.
            _ = provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
            return ActivatorUtilities.CreateInstance<ConfigurationBotFrameworkAuthentication>(provider);
        });
        services.ShareConnectorContracts();
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(provider => provider.GetRequiredService<AdapterWithErrorHandler>());
        services.AddOptions<InboundAuthenticationOptions>().BindConfiguration(InboundAuthenticationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboundAuthenticationOptions>, InboundAuthenticationOptionsValidator>();
        services.AddSingleton<InboundAuthentication>();
        services.AddOptions<TenantOptions>().BindConfiguration(TenantOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TenantOptions>, TenantOptionsValidator>();
        services.AddSingleton<TenantBoundary>();
        services.AddSingleton<ConversationTurnLocks>();
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, PlainTextMessages>();
        services.AddSingleton<WelcomeClaims>();
        services.AddTransient<IBot, SamskapelseBot>();
        return services;
    }

    /// <summary>
    /// Wraps the registered BotFrameworkAuthentication so its connector clients share one contract resolver, and a
    /// turn's connector and user-token clients are built only when the turn uses them.
    /// </summary>
    public static IServiceCollection ShareConnectorContracts(this IServiceCollection services) =>
        services.Decorate<BotFrameworkAuthentication>((authentication, _) => new LazyClientsBotFrameworkAuthentication(new SharedContractsBotFrameworkAuthentication(authentication)));

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        endpoints.MapGet("/", () => Results.Text("Samskapelse.Bot is running. Teams talks to POST /api/messages."));
        return endpoints;
    }
}
