using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Samskapelse.Bot.Review;

namespace Samskapelse.Bot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>A user's export and deletion of their data, and the retention sweep of untouched plans.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PersonIndexBackfill>();
        services.AddHostedService<PersonIndexBackfillHostedService>();
        services.AddSingleton<PersonalDataFinder>();
        services.AddSingleton<PersonalDataExport>();
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<PersonalDataLinks>();
        services.AddSingleton<PrivacyDesk>();
        services.AddSingleton(provider => new SweptPlanCards(provider.GetRequiredService<SharedCards>(), () => (BotAdapter)provider.GetRequiredService<IBotFrameworkHttpAdapter>()));
        services.AddSingleton<PlanRetention>();
        services.AddHostedService<PlanRetentionHostedService>();
        return services;
    }
}
