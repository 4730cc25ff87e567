using Microsoft.Extensions.Options;
using Samskapelse.Coaching;

namespace Samskapelse.Bot.Coaching;

/// <summary>
/// Sends the coaching reminders at each journey's rhythm, only in the manager's working hours.
/// Everything it knows is in storage (each journey's next due time), so a restart neither loses
/// nor repeats a reminder: a reminder is claimed by an ETag'd write of the journey before it is
/// sent, and whoever loses the race re-reads a journey that is no longer due. A failed delivery gives
/// the claim back, so a throttled or failed send is tried again on the next run (a few times).
/// </summary>
public sealed class ReminderService(
    CoachingStore journeys,
    PeopleDirectory people,
    ProactiveSender sender,
    TimeProvider time,
    IOptions<CoachingOptions> options,
    ILogger<ReminderService> logger)
{
    /// <summary>Runs <see cref="RunOnceAsync"/> now and then every <see cref="CoachingOptions.ReminderCheckInterval"/> on the TimeProvider's timer.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (options.Value.HrUserAadObjectIds.Count == 0 && string.IsNullOrWhiteSpace(options.Value.HrGroupId))
        {
            Log.NoHrConfigured(logger);
        }

        using var timer = new PeriodicTimer(options.Value.ReminderCheckInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.ReminderRunFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One pass over all journeys: sends every reminder that is due now. Returns how many were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var id in await journeys.AllIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            var document = await journeys.FindDocumentAsync(id, cancellationToken).ConfigureAwait(false);
            if (document?.Journey is not { Status: CoachingStatus.Accepted, NextReminderAt: { } due } journey || due > now)
            {
                continue;
            }

            var tenantId = document.TenantId;
            var manager = await people.FindAsync(tenantId, journey.Manager.UserId, cancellationToken).ConfigureAwait(false);
            if (!CoachingSchedule.IsWorkingTime(now, CoachingSchedule.TimeZone(manager?.TimeZone)))
            {
                continue;
            }

            var claimed = false;
            var updated = await journeys.UpdateAsync(id, j =>
            {
                claimed = j.Status == CoachingStatus.Accepted && j.NextReminderAt == due;
                return claimed ? j with { NextReminderAt = NextDue(j.Rhythm, due, now), RemindersSent = j.RemindersSent + 1, LastReminderAt = now } : j;
            }, cancellationToken).ConfigureAwait(false);
            if (!claimed || updated is null)
            {
                continue;
            }

            if (await sender.SendAsync(tenantId, updated.Manager.UserId, language => CoachingRenderer.Render([new CoachingNextSittingReply(updated, IsReminder: true)], language, null), cancellationToken).ConfigureAwait(false))
            {
                sent++;
                Log.ReminderSent(logger, updated.RemindersSent, id);
                if (updated.ReminderFailures > 0)
                {
                    await journeys.UpdateAsync(id, j => j.ReminderFailures == 0 ? j : j with { ReminderFailures = 0 }, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            // Not delivered (throttled, a connector error, the bot removed): give the claim back so the next
            // run tries again, a bounded number of times; then this one is given up for the next in the rhythm.
            Log.ReminderUndelivered(logger, id);
            await journeys.UpdateAsync(id, j =>
            {
                if (j.RemindersSent != updated.RemindersSent || j.NextReminderAt != updated.NextReminderAt)
                {
                    return j;
                }

                return j.ReminderFailures + 1 < CoachingLimits.ReminderAttempts
                    ? j with { NextReminderAt = due, RemindersSent = j.RemindersSent - 1, LastReminderAt = journey.LastReminderAt, ReminderFailures = j.ReminderFailures + 1 }
                    : j with { ReminderFailures = 0 };
            }, cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    /// <summary>The next due time after this one; reminders missed while the bot was down are not sent in a burst.</summary>
    private static DateTimeOffset NextDue(Rhythm rhythm, DateTimeOffset due, DateTimeOffset now)
    {
        var next = rhythm.After(due);
        while (next <= now)
        {
            next = rhythm.After(next);
        }

        return next;
    }
}

/// <summary>
/// Hosts the reminder loop. It resolves the reminder service only once the host has started, after
/// the configuration checks: constructing it (storage, adapter) must not be what a bad configuration trips on.
/// </summary>
internal sealed class ReminderHostedService(IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await services.GetRequiredService<ReminderService>().RunAsync(stoppingToken).ConfigureAwait(false);
    }
}
