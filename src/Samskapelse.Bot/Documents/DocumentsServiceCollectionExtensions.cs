using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Documents;

public static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>()
            .BindConfiguration(DocumentOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IHostEnvironment>(
                (options, environment) => environment.IsDevelopment() || !string.IsNullOrEmpty(options.SigningKey),
                "Documents:SigningKey must be set (at least 32 characters) outside Development: it signs the download links.")
            .ValidateOnStart();
        services.AddOptions<BotUrlOptions>().BindConfiguration(BotUrlOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DocumentOptions>>().Value;
            if (!string.IsNullOrEmpty(options.SigningKey))
            {
                return new DocumentSigningKey(Encoding.UTF8.GetBytes(options.SigningKey));
            }

            Log.EphemeralSigningKey(provider.GetRequiredService<ILogger<DocumentSigningKey>>());
            return new DocumentSigningKey(RandomNumberGenerator.GetBytes(32));
        });
        services.AddSingleton<DocumentLinkSigner>();
        services.AddSingleton<IDocumentAccess, OwnerDocumentAccess>();
        services.AddSingleton<PlanLinkIssuer>();
        services.AddSingleton<RenderedDocuments>();
        services.AddDocumentRateLimits();
        return services;
    }
}
