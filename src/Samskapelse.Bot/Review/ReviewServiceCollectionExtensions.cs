using Microsoft.Extensions.Options;
using Samskapelse.Review;

namespace Samskapelse.Bot.Review;

public static class ReviewServiceCollectionExtensions
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new ReviewActions(ReviewHandlers.All(provider.GetRequiredService<IOptions<ReviewOptions>>().Value.Quotas())));
        services.AddSingleton<SharedCards>();
        return services;
    }
}
