using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Planning;

public static class PlanningServiceCollectionExtensions
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddSingleton<PlanningStateAccessors>();
        services.AddSingleton(_ => new PlanningConversation(PlanningHandlers.All()));
        return services;
    }
}
