using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Samskapelse.Bot.Resilience;

/// <summary>
/// The Bot Connector's HttpClient. ConfigurationBotFrameworkAuthentication takes the IHttpClientFactory
/// from the container and its connector factory asks it for the default (unnamed) client for every
/// ConnectorClient it builds, so the resilience pipeline goes on that client: a total timeout, retries
/// by <see cref="ConnectorRetryRules"/> with exponential back-off and jitter honouring Retry-After, and
/// a timeout per attempt, all timed by the container's <see cref="TimeProvider"/>. The ConnectorClient
/// (a Microsoft.Rest ServiceClient) adds its own RetryDelegatingHandler only when it builds its own
/// HttpClient; given one, it sends through it as is, so each call is retried by this pipeline alone.
/// </summary>
public static class ConnectorResilience
{
    public const string PipelineName = "bot-connector";

    public static IServiceCollection AddConnectorResilience(this IServiceCollection services)
    {
        // The pipeline's timeouts decide, not HttpClient's fixed 100 s.
        services.AddHttpClient(Options.DefaultName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(PipelineName, (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ResilienceOptions>>().Value.Connector;
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConnectorResilience));
                builder.TimeProvider = time;
                builder.AddTimeout(options.TotalTimeout);
                if (options.MaxRetries > 0)
                {
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        Delay = options.BaseDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = args => ValueTask.FromResult(ConnectorRetryRules.ShouldRetry(args.Context.GetRequestMessage()?.Method, args.Outcome, options.MaxRetryAfter, time)),
                        OnRetry = args =>
                        {
                            Log.ConnectorRetry(logger, args.Context.GetRequestMessage()?.Method.Method, (int?)args.Outcome.Result?.StatusCode ?? 0, args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                            return ValueTask.CompletedTask;
                        },
                    });
                }

                builder.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }
}
