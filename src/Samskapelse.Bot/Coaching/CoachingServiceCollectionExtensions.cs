using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;
using Samskapelse.Coaching;

namespace Samskapelse.Bot.Coaching;

public static class CoachingServiceCollectionExtensions
{
    /// <summary>Leadership coaching (issue 5): the coaching desk, its stores, the proactive sender and the reminder service.</summary>
    public static IServiceCollection AddCoaching(this IServiceCollection services)
    {
        services.AddOptions<CoachingOptions>().BindConfiguration(CoachingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CoachingOptions>, CoachingOptionsValidator>();
        services.AddSingleton(_ => new CoachingConversation(CoachingHandlers.All()));
        services.AddSingleton<CoachingStore>();
        services.AddSingleton<ICoachingStore>(provider => provider.GetRequiredService<CoachingStore>());
        services.AddSingleton<ITeamRoster, TeamsRoster>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ProactiveSender>(provider, new Func<BotAdapter>(() => (BotAdapter)provider.GetRequiredService<IBotFrameworkHttpAdapter>())));
        services.AddSingleton<CoachingDesk>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService<ReminderHostedService>();
        return services;
    }
}
