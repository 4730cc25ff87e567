using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Review;
using Samskapelse.Bot.Storage;
using Samskapelse.Cards.Privacy;
using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Bot.Privacy;

/// <summary>
/// Removes plans whose last write is older than <see cref="PrivacyOptions.RetentionDays"/>, with the
/// assistant's record of each. The owners' plan lists are cleaned lazily: the planning conversation
/// already drops ids of plans that are gone when it reads the list, and forgets an open plan that is gone.
/// A removed plan leaves the index of everyone it named, and its posted cards are replaced by one that says it was
/// removed and names nothing (<see cref="SweptPlanCards"/>), as a deletion by its owner does.
/// </summary>
public sealed class PlanRetention(IStorage storage, IPlanStore plans, TimeProvider time, IOptions<PrivacyOptions> options, ILogger<PlanRetention> logger, SweptPlanCards? cards = null)
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromDays(1);

    private const string PlanPrefix = "plans/";

    /// <summary>Sweeps now and then every <see cref="SweepInterval"/> on the TimeProvider's timer, until stopped.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionDays == 0)
        {
            Log.RetentionOff(logger);
            return;
        }

        await SweepSafelyAsync(stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await SweepSafelyAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One pass: lists every plan (IStorage cannot query by age) and removes the stale ones. Returns how many.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        if (days == 0)
        {
            return 0;
        }

        var listing = StorageKeyListing.Of(storage);
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(days);
        var listed = 0;
        var stale = new List<string>();
        await foreach (var key in listing.ListAsync(PlanPrefix, cancellationToken).ConfigureAwait(false))
        {
            listed++;
            if (key.LastWritten < cutoff)
            {
                stale.Add(key.Key);
            }
        }

        var removed = 0;
        foreach (var key in stale)
        {
            // Looked at again just before: a plan written since the listing is not stale any more.
            var current = await listing.ListAsync(key, cancellationToken).FirstOrDefaultAsync(k => k.Key == key, cancellationToken).ConfigureAwait(false);
            if (current is null || current.LastWritten >= cutoff)
            {
                continue;
            }

            var planId = key[PlanPrefix.Length..];
            var plan = await plans.FindAsync(planId, cancellationToken).ConfigureAwait(false);
            await plans.DeleteAsync(planId, cancellationToken).ConfigureAwait(false);
            await storage.DeleteAsync([AssistantStore.Key(planId)], cancellationToken).ConfigureAwait(false);
            if (plan is not null && cards is not null)
            {
                var replaced = await cards.ReplaceAsync(plan, days, cancellationToken).ConfigureAwait(false);
                Log.SweptCardsReplaced(logger, replaced);
            }

            removed++;
        }

        Log.RetentionSwept(logger, removed, listed, days);
        return removed;
    }

    private async Task SweepSafelyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SweepOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.RetentionSweepFailed(logger, exception);
        }
    }
}

/// <summary>Replaces the posted cards of a plan the sweep removed, outside any turn, through the bot's adapter (resolved on first use).</summary>
public sealed class SweptPlanCards(SharedCards sharedCards, Func<BotAdapter> adapter)
{
    public Task<int> ReplaceAsync(Plan plan, int days, CancellationToken cancellationToken) =>
        sharedCards.ReplacePostedCardsAsync(adapter(), plan, (language, _) => PrivacyCards.PlanExpired(language, days), cancellationToken);
}

/// <summary>Hosts the retention loop; resolves it once the host has started, after the configuration checks.</summary>
internal sealed class PlanRetentionHostedService(IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await services.GetRequiredService<PlanRetention>().RunAsync(stoppingToken).ConfigureAwait(false);
    }
}
