using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Hosting;
using Samskapelse.Planning;

namespace Samskapelse.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IStorage>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var logger = provider.GetRequiredService<ILogger<SqliteStorage>>();
            if (options.Provider == "Memory")
            {
                Log.VolatileStorage(logger);
                return new ListingMemoryStorage(provider.GetRequiredService<TimeProvider>());
            }

            var environment = provider.GetRequiredService<IHostEnvironment>();
            var path = Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.Combine(environment.ContentRootPath, options.SqlitePath);
            Log.SqliteStorage(logger, path);
            return new SqliteStorage(path, provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<IPlanStore, PlanStore>();
        return services;
    }
}
