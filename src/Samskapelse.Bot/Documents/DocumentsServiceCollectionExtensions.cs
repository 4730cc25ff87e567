using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Documents;

public static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentOptions>, DocumentOptionsValidator>();
        services.AddOptions<BotUrlOptions>().BindConfiguration(BotUrlOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            // Validated at start: every configured key reads.
            var options = provider.GetRequiredService<IOptions<DocumentOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.SigningKey))
            {
                return new DocumentSigningKeys([new DocumentSigningKey(Read(options.SigningKey))]);
            }

            if (options.SigningKeys.Count > 0)
            {
                return new DocumentSigningKeys([.. options.SigningKeys.Select(k => new DocumentSigningKey(k.Id!, Read(k.Key)))]);
            }

            Log.EphemeralSigningKey(provider.GetRequiredService<ILogger<DocumentSigningKey>>());
            return new DocumentSigningKeys([new DocumentSigningKey(RandomNumberGenerator.GetBytes(SigningKeyText.MinBytes))]);
        });
        services.AddSingleton(provider => new DocumentLinkSigner(provider.GetRequiredService<DocumentSigningKeys>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDocumentAccess, OwnerDocumentAccess>();
        services.AddSingleton<PlanLinkIssuer>();
        services.AddSingleton<RenderedDocuments>();
        services.AddDocumentRateLimits();
        return services;
    }

    private static byte[] Read(string? text) =>
        SigningKeyText.Problem(text, out var key) is { } problem ? throw new OptionsValidationException(DocumentOptions.SectionName, typeof(DocumentOptions), [problem]) : key;
}
