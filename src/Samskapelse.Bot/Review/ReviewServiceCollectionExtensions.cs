using Samskapelse.Review;

namespace Samskapelse.Bot.Review;

public static class ReviewServiceCollectionExtensions
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddSingleton(_ => new ReviewActions(ReviewHandlers.All()));
        services.AddSingleton<SharedCards>();
        return services;
    }
}
