using Azure.Identity;
using Azure.Storage.Blobs;
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

            if (options.Provider == "Blob")
            {
                return new BlobStorage(BlobContainer(options.Blob), provider.GetRequiredService<ILogger<BlobStorage>>());
            }

            var environment = provider.GetRequiredService<IHostEnvironment>();
            var path = Path.IsPathRooted(options.SqlitePath) ? options.SqlitePath : Path.Combine(environment.ContentRootPath, options.SqlitePath);
            Log.SqliteStorage(logger, path);
            return new SqliteStorage(path, provider.GetRequiredService<TimeProvider>());
        });
        // The tenant is part of every state key (issue 14); state under the old keys is taken over on first use.
        services.AddSingleton<ConversationState>(provider => new Planning.TenantConversationState(provider.GetRequiredService<IStorage>()));
        services.AddSingleton<UserState>(provider => new Planning.TenantUserState(provider.GetRequiredService<IStorage>()));
        services.AddSingleton<IPlanStore, PlanStore>();
        return services;
    }

    /// <summary>A connection string when given (Azurite, account keys); otherwise the service URI with a managed identity.</summary>
    private static BlobContainerClient BlobContainer(BlobStorageSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return new BlobContainerClient(settings.ConnectionString, settings.Container);
        }

        var credential = string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId)
            ? (Azure.Core.TokenCredential)new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.ManagedIdentityClientId));
        return new BlobServiceClient(new Uri(settings.ServiceUri!), credential).GetBlobContainerClient(settings.Container);
    }
}
