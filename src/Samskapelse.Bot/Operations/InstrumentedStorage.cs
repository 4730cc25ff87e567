using System.Diagnostics;
using Microsoft.Bot.Builder;
using Samskapelse.Bot.Storage;

namespace Samskapelse.Bot.Operations;

/// <summary>
/// Times every read, write and delete of the configured store and counts ETag conflicts; it changes
/// nothing else. The keys never become tags (they hold user and conversation ids), only their count on the span.
/// </summary>
public class InstrumentedStorage : IStorage, IStorageDecorator
{
    private readonly IStorage inner;
    private readonly Telemetry telemetry;
    private readonly string system;

    protected InstrumentedStorage(IStorage inner, Telemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(inner);
        this.inner = inner;
        this.telemetry = telemetry;
        system = SystemOf(IStorageDecorator.Innermost(inner));
    }

    /// <summary>Wraps <paramref name="inner"/>, keeping <see cref="IStorageKeyListing"/> when the store lists keys.</summary>
    public IStorage Inner => inner;

    public static IStorage Wrap(IStorage inner, Telemetry telemetry) =>
        inner is IStorageKeyListing listing ? new Listing(inner, listing, telemetry) : new InstrumentedStorage(inner, telemetry);

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        MeasureAsync("read", keys?.Length ?? 0, () => inner.ReadAsync(keys!, cancellationToken));

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
        MeasureAsync("write", changes?.Count ?? 0, async () =>
        {
            await inner.WriteAsync(changes!, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        MeasureAsync("delete", keys?.Length ?? 0, async () =>
        {
            await inner.DeleteAsync(keys!, cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>memory, sqlite, blob…: the store's type, a handful of values per process.</summary>
    private static string SystemOf(IStorage store)
    {
        var name = store.GetType().Name;
        return (name.EndsWith("Storage", StringComparison.Ordinal) ? name[..^"Storage".Length] : name).ToLowerInvariant();
    }

    private async Task<T> MeasureAsync<T>(string operation, int keyCount, Func<Task<T>> call)
    {
        using var span = Telemetry.Source.StartActivity("storage " + operation, ActivityKind.Client);
        span?.SetTag(TelemetryTags.StorageOperation, operation);
        span?.SetTag(TelemetryTags.StorageSystem, system);
        span?.SetTag(TelemetryTags.StorageKeys, keyCount);
        var started = telemetry.Timestamp();
        var outcome = TelemetryTags.Error;
        try
        {
            var result = await call().ConfigureAwait(false);
            outcome = TelemetryTags.Ok;
            return result;
        }
        catch (Exception exception) when (ETagConflictException.IsConflict(exception))
        {
            outcome = TelemetryTags.Conflict;
            telemetry.StorageConflict(new TagList { { TelemetryTags.StorageOperation, operation }, { TelemetryTags.StorageSystem, system } });
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = TelemetryTags.Cancelled;
            throw;
        }
        finally
        {
            span?.SetTag(TelemetryTags.Outcome, outcome);
            if (outcome is not (TelemetryTags.Ok or TelemetryTags.Cancelled))
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            telemetry.Storage(telemetry.SecondsSince(started), new TagList { { TelemetryTags.StorageOperation, operation }, { TelemetryTags.StorageSystem, system }, { TelemetryTags.Outcome, outcome } });
        }
    }

    private sealed class Listing(IStorage inner, IStorageKeyListing listing, Telemetry telemetry) : InstrumentedStorage(inner, telemetry), IStorageKeyListing
    {
        public IAsyncEnumerable<StoredKey> ListAsync(string prefix, CancellationToken cancellationToken = default) => listing.ListAsync(prefix, cancellationToken);
    }
}
