using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Samskapelse.Bot.Hosting;
using Samskapelse.Planning;

namespace Samskapelse.Bot.Storage;

/// <summary>A plan as a stored item: the plan and the ETag of the version it was read at.</summary>
public sealed class PlanDocument : IStoreItem
{
    public required Plan Plan { get; init; }

    public string? ETag { get; set; }
}

/// <summary>
/// Plans in the bot's <see cref="IStorage"/>, each its own item with ETag optimistic concurrency.
/// <see cref="BotState"/> never checks ETags, so plans do not live there: a change is re-applied to
/// the fresh plan when another writer got there first, a bounded number of times.
/// Updates of one plan from this process take turns, so they never conflict with each other (many people
/// acting on one shared plan at once would otherwise exhaust the retries); the ETag retries remain for
/// writers in other instances.
/// Every write keeps the <see cref="PersonIndex"/> of the people the plan names: a person is added to it before the
/// plan that names them is written, and removed after it no longer does, so the index never misses a plan.
/// </summary>
public sealed partial class PlanStore(IStorage storage, TimeProvider time, ILogger<PlanStore> logger) : IPlanStore, IDisposable
{
    public const int MaxAttempts = 8;

    private readonly StripedLocks updates = new();
    private readonly PersonIndex people = new(storage);

    public static string Key(string planId) => "plans/" + planId;

    public async Task<Plan?> FindAsync(string planId, CancellationToken cancellationToken) =>
        (await ReadAsync(planId, cancellationToken).ConfigureAwait(false))?.Plan;

    public async Task<IReadOnlyList<Plan>> FindManyAsync(IEnumerable<string> planIds, CancellationToken cancellationToken)
    {
        var ids = planIds.ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var items = await storage.ReadAsync([.. ids.Select(Key)], cancellationToken).ConfigureAwait(false);
        return ids
            .Select(id => items.TryGetValue(Key(id), out var value) ? StorageJson.As<PlanDocument>(value)?.Plan : null)
            .OfType<Plan>()
            .ToList();
    }

    public async Task CreateAsync(Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await people.AddPlanAsync(PersonIndex.PeopleIn(plan), plan.Id, cancellationToken).ConfigureAwait(false);

        // No ETag on a new document: the write fails if a plan with this id already exists.
        await storage.WriteAsync(new Dictionary<string, object> { [Key(plan.Id)] = new PlanDocument { Plan = plan } }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Plan?> UpdateAsync(string planId, Func<Plan, Plan> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var turn = await updates.EnterAsync(planId, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var document = await ReadAsync(planId, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                return null;
            }

            var changed = change(document.Plan);
            if (ReferenceEquals(changed, document.Plan))
            {
                return changed;
            }

            var (added, removed) = PersonIndex.Difference(document.Plan, changed);
            await people.AddPlanAsync(added, planId, cancellationToken).ConfigureAwait(false);
            try
            {
                await storage.WriteAsync(
                    new Dictionary<string, object> { [Key(planId)] = new PlanDocument { Plan = changed, ETag = document.ETag } },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (ETagConflictException.IsConflict(exception) && attempt < MaxAttempts)
            {
                LogConflict(logger, planId, attempt);

                // Writers in other instances: a random pause, growing with each attempt, spreads them out so that
                // they do not all read the same version and collide again (2, 4, ... 256 ms at most), on the bot's clock.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 2 << attempt)), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await people.RemovePlanAsync(removed, planId, cancellationToken).ConfigureAwait(false);
            return changed;
        }
    }

    public void Dispose() => updates.Dispose();

    /// <summary>Deletes the plan, then takes it out of the index of everyone it named.</summary>
    public async Task DeleteAsync(string planId, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(planId, cancellationToken).ConfigureAwait(false);
        await storage.DeleteAsync([Key(planId)], cancellationToken).ConfigureAwait(false);
        if (document is not null)
        {
            await people.RemovePlanAsync(PersonIndex.PeopleIn(document.Plan), planId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PlanDocument?> ReadAsync(string planId, CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([Key(planId)], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(Key(planId), out var value) ? StorageJson.As<PlanDocument>(value) : null;
    }

    [LoggerMessage(EventId = 2001, EventName = "PlanWriteConflict", Level = LogLevel.Information, Message = "Plan {PlanId} changed while being updated; re-applying the change (attempt {Attempt}).")]
    private static partial void LogConflict(ILogger logger, string planId, int attempt);
}
