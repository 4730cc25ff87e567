using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Samskapelse.Assistant;
using Samskapelse.Bot.Assistant;

namespace Samskapelse.Tests.Support;

/// <summary>Wires the assistant the way AddAssistant does, over a test's storage, adapter and time.</summary>
public static class AssistantWiring
{
    // One client for every test: HttpClient is meant to be shared, and each test's server has its own port.
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static AssistantDelivery Create(BotAdapter adapter, IStorage storage, TimeProvider time, AssistantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cloud = options.Mode == AssistantMode.AzureOpenAI
            ? new AzureOpenAIAssistant(Http, options, time, NullLogger<AzureOpenAIAssistant>.Instance)
            : null;
        var service = new AssistantService(options.ToSettings(), cloud, new AssistantStore(storage), new AssistantRateLimiter(time, options.RequestsPerUser, options.RateLimitWindow), time);
        return new AssistantDelivery(adapter, null, service, NullLogger<AssistantDelivery>.Instance);
    }
}
