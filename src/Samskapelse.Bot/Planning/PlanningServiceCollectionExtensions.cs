using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Planning;

public static class PlanningServiceCollectionExtensions
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddSingleton<PlanningStateAccessors>();
        services.AddSingleton(provider => new PlanningConversation(PlanningHandlers.All().Concat(provider.GetServices<IPlanningHandlerSource>().SelectMany(s => s.Handlers()))));
        return services;
    }
}
