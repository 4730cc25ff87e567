using Microsoft.Bot.Builder;

namespace Samskapelse.Bot.Resilience;

public static class ResilienceServiceCollectionExtensions
{
    /// <summary>
    /// Retries to the Bot Connector, the flood guard, the send pacer, and the storage guard. Call after
    /// the storage is added: the registered <see cref="IStorage"/> is wrapped in a <see cref="GuardedStorage"/>.
    /// </summary>
    public static IServiceCollection AddResilience(this IServiceCollection services)
    {
        services.AddOptions<ResilienceOptions>().BindConfiguration(ResilienceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddConnectorResilience();
        services.AddSingleton<SendPacer>();
        services.AddSingleton<ConversationRateLimiter>();
        services.AddSingleton<PendingAnswers>();

        // The adapter runs these in this order: a flood is refused before it touches the storage.
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, FloodGuardMiddleware>();
        services.AddSingleton<Microsoft.Bot.Builder.IMiddleware, StorageFaultMiddleware>();
        GuardStorage(services);
        return services;
    }

    private static void GuardStorage(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IStorage) && !d.IsKeyedService);
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IStorage>(provider => registered switch
        {
            // The container did not own an instance it was given, so the guard does not either.
            { ImplementationInstance: IStorage instance } => GuardedStorage.Wrap(instance),
            { ImplementationFactory: { } factory } => GuardedStorage.Wrap((IStorage)factory(provider), ownsInner: true),
            _ => GuardedStorage.Wrap((IStorage)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!), ownsInner: true),
        });
    }
}
