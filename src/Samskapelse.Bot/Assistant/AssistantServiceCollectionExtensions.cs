using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;
using Samskapelse.Assistant;
using Samskapelse.Bot.Operations;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Assistant;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>The assistant: offline by default, Azure OpenAI when configured, or none when disabled.</summary>
    public static IServiceCollection AddAssistant(this IServiceCollection services)
    {
        services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // No HttpClient timeout: the assistant's own TimeProvider-based timeouts decide.
        services.AddHttpClient(AzureOpenAIAssistant.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<IAssistantStore, AssistantStore>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AssistantOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            var logger = provider.GetRequiredService<ILogger<AzureOpenAIAssistant>>();
            Log.Mode(logger, options.Provider);
            var cloud = options.Mode == AssistantMode.AzureOpenAI
                ? new InstrumentedAssistant(new AzureOpenAIAssistant(provider.GetRequiredService<IHttpClientFactory>().CreateClient(AzureOpenAIAssistant.HttpClientName), options, time, logger), provider.GetRequiredService<Telemetry>())
                : null;
            return new AssistantService(
                options.ToSettings(),
                cloud,
                provider.GetRequiredService<IAssistantStore>(),
                new AssistantRateLimiter(time, options.RequestsPerUser, options.RateLimitWindow),
                time);
        });
        services.AddSingleton<IPlanningHandlerSource>(provider => new AssistantHandlerSource(provider.GetRequiredService<AssistantService>()));
        services.AddSingleton(provider => new AssistantDelivery(
            (BotAdapter)provider.GetRequiredService<IBotFrameworkHttpAdapter>(),
            provider.GetRequiredService<IConfiguration>()["MicrosoftAppId"] ?? string.Empty,
            provider.GetRequiredService<AssistantService>(),
            provider.GetRequiredService<ILogger<AssistantDelivery>>()));
        services.AddHostedService(provider => provider.GetRequiredService<AssistantDelivery>());
        return services;
    }
}
