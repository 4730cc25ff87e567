using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Samskapelse.Assistant;
using Samskapelse.Bot.Planning;
using Samskapelse.Cards.Assistant;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Assistant;

/// <summary>
/// Delivers cloud suggestions without holding the turn: the turn answers at once with a working card and
/// a typing indicator, and a background job asks the assistant (bounded by its overall timeout), then
/// replaces the working card with the suggestions (UpdateActivityAsync inside ContinueConversationAsync
/// with the conversation reference kept from the turn), or posts them as a new message when the update
/// is refused. Stopping the host cancels the jobs.
/// </summary>
public sealed class AssistantDelivery(
    BotAdapter adapter,
    string? botAppId,
    AssistantService service,
    ILogger<AssistantDelivery> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<int, Task> jobs = new();
    private readonly CancellationTokenSource stopping = new();
    private int nextJob;

    private int disposed;

    public AssistantService Service => service;

    /// <summary>Whether the cards offer the assistant's buttons.</summary>
    public bool ShowsButtons => service.Enabled;

    /// <summary>Sends the working card for each cloud request of the turn and starts its job.</summary>
    public async Task StartRequestedAsync(ITurnContext turnContext, PlanningTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(turn);
        foreach (var request in turn.Replies.OfType<AssistantRequestReply>())
        {
            var working = ReplyRenderer.CardActivity(AssistantCards.Working(turn.Language, request.Plan, request.Kind));
            var sent = await turnContext.SendActivityAsync(working, cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
            var job = new AssistantJob(request.Plan, request.Kind, turn.Language, turn.UserId, turnContext.Activity.GetConversationReference(), sent?.Id);
            Start(job);
        }
    }

    /// <summary>Completes when every job started so far has delivered (for tests and for shutdown).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(jobs.Values);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host that failed to start is disposed before it is stopped: then there is nothing left to stop.
        if (Volatile.Read(ref disposed) == 1)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        await WhenIdleAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            stopping.Dispose();
        }
    }

    private void Start(AssistantJob job)
    {
        var id = Interlocked.Increment(ref nextJob);
        jobs[id] = Task.Run(async () =>
        {
            try
            {
                await RunAsync(job, stopping.Token).ConfigureAwait(false);
            }
            finally
            {
                jobs.TryRemove(id, out _);
            }
        });
    }

    private async Task RunAsync(AssistantJob job, CancellationToken cancellationToken)
    {
        IActivity result;
        try
        {
            var batch = await service.SuggestAsync(job.Plan, job.Kind, job.Language, job.UserId, cancellationToken).ConfigureAwait(false);
            if (batch.Fault is AssistantFault.BudgetExhausted or AssistantFault.UserRateLimited)
            {
                Log.LimitReached(logger, job.Kind, batch.Fault.Value);
            }

            result = ReplyRenderer.CardActivity(AssistantCards.Suggestions(job.Language, job.Plan, batch));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // A background job must end in a message to the user, whatever failed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.DeliveryFailed(logger, exception, job.Kind);
            result = MessageFactory.Text(Texts.Get(job.Language, "Error_Generic"));
        }

        try
        {
            await adapter.ContinueConversationAsync(botAppId, job.Reference, (context, token) => DeliverAsync(context, (Activity)result, job, token), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Nothing is lost: the suggestions are stored; the log says the delivery failed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.DeliveryFailed(logger, exception, job.Kind);
        }
    }

    /// <summary>
    /// Runs inside the proactive turn. It never throws: a failure there would reach the adapter's turn error
    /// handler, which resets the conversation's position, and the user would lose their place for a lost card.
    /// </summary>
    private async Task DeliverAsync(ITurnContext context, Activity result, AssistantJob job, CancellationToken cancellationToken)
    {
        if (job.WorkingActivityId is not null)
        {
            result.Id = job.WorkingActivityId;
            try
            {
                await context.UpdateActivityAsync(result, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.UpdateFailed(logger, exception);
                result.Id = null;
            }
        }

        try
        {
            await context.SendActivityAsync(result, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The suggestions stay stored for the plan; only this card is lost.
            Log.DeliveryFailed(logger, exception, job.Kind);
        }
    }

    private sealed record AssistantJob(Plan Plan, SuggestionKind Kind, Language Language, string UserId, ConversationReference Reference, string? WorkingActivityId);
}
