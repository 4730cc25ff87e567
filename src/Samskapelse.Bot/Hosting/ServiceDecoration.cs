namespace Samskapelse.Bot.Hosting;

/// <summary>Wraps the service another feature registered, keeping its lifetime, so that feature stays unaware of the wrapper.</summary>
public static class ServiceDecoration
{
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(decorate);
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(TService) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            throw new InvalidOperationException($"Nothing to decorate: {typeof(TService).Name} is not registered.");
        }

        var original = services[index];
        // Built once: a transient service (the bot, per turn) must not pay for reflection on every resolve.
        var construct = original.ImplementationType is { } type ? ActivatorUtilities.CreateFactory(type, Type.EmptyTypes) : null;
        services[index] = ServiceDescriptor.Describe(
            typeof(TService),
            provider => decorate((TService)(original.ImplementationInstance ?? original.ImplementationFactory?.Invoke(provider) ?? construct!(provider, null)), provider),
            original.Lifetime);
        return services;
    }
}
