using Microsoft.Bot.Builder;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Samskapelse.Bot.Operations;

/// <summary>
/// Readiness: reads one fixed key through the registered <see cref="IStorage"/>, whatever store it is.
/// A missing key is a healthy answer; a fault or no answer within the timeout is not. The store's
/// own error text is left out of the report: it may name an account, a path or a connection string.
/// </summary>
public sealed class StorageHealthCheck(IStorage storage, IOptions<HealthOptions> options, TimeProvider time, ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    public const string Name = "storage";
    public const string ProbeKey = "health/probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.ReadyTimeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            // WaitAsync as well as the token: a hung store that ignores cancellation must not hang the probe.
            await storage.ReadAsync([ProbeKey], linked.Token).WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The store answered.");
        }
        catch (Exception exception) when (exception is TimeoutException || (exception is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            Log.ReadinessTimedOut(logger, (long)timeout.TotalMilliseconds);
            return HealthCheckResult.Unhealthy("The store did not answer in time.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ReadinessFailed(logger, exception.GetType().Name);
            return HealthCheckResult.Unhealthy("The store failed: " + exception.GetType().Name + ".");
        }
    }
}
