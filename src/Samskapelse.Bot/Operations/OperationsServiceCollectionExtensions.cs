using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Samskapelse.Bot.Hosting;

namespace Samskapelse.Bot.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// Health checks, and the telemetry decorators around the bot, the store and the cloud assistant.
    /// Call it after the features whose services it wraps. The OpenTelemetry SDK is added only when an
    /// OTLP endpoint is configured; otherwise the decorators' spans and measurements go nowhere.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);

        services.AddOptions<TelemetryOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddMetrics();
        services.AddRedactedLogging();
        services.AddSingleton<Telemetry>();
        services.AddSingleton(CardVerbs.From);
        services.Decorate<IStorage>((store, provider) => InstrumentedStorage.Wrap(store, provider.GetRequiredService<Telemetry>()));
        services.Decorate<IBot>((bot, provider) => new InstrumentedBot(bot, provider.GetRequiredService<Telemetry>(), provider.GetRequiredService<CardVerbs>()));

        if (TelemetryOptions.IsExportConfigured(configuration))
        {
            AddOpenTelemetryExport(services, configuration);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapHealthEndpoints();

    /// <summary>
    /// The exporter reads the standard keys itself (endpoint, protocol, headers, timeout), from the
    /// environment or any configuration source. Health probes are left out of the traces: App Service
    /// asks every minute on every instance. Paths and queries leave no span (<see cref="TelemetryRedaction"/>):
    /// they carry download tokens and the ids of people and chats.
    /// </summary>
    private static void AddOpenTelemetryExport(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration[TelemetryOptions.ServiceNameKey] is { Length: > 0 } name ? name : Telemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(Telemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation()
                .AddProcessor(new TelemetryRedaction())
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(Telemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
    }
}
