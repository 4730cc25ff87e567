using System.Diagnostics;
using Samskapelse.Assistant;

namespace Samskapelse.Bot.Operations;

/// <summary>
/// Times each request to the cloud assistant (its retries included) and counts the tokens it cost,
/// tagged with the kind of suggestion and the outcome (ok, or the fault: timeout, throttled, …).
/// </summary>
public sealed class InstrumentedAssistant(IPlanningAssistant inner, Telemetry telemetry) : IPlanningAssistant
{
    public AssistantSource Source => inner.Source;

    public async Task<AssistantAnswer> SuggestAsync(AssistantInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kind = input.Kind.ToString().ToLowerInvariant();
        var source = inner.Source.ToString().ToLowerInvariant();
        using var span = Telemetry.Source.StartActivity("assistant " + kind, ActivityKind.Client);
        span?.SetTag(TelemetryTags.AssistantKind, kind);
        span?.SetTag(TelemetryTags.AssistantSource, source);
        var started = telemetry.Timestamp();
        var outcome = TelemetryTags.Error;
        var tokens = 0;
        try
        {
            var answer = await inner.SuggestAsync(input, cancellationToken).ConfigureAwait(false);
            tokens = answer.TokensUsed;
            outcome = TelemetryTags.Ok;
            return answer;
        }
        catch (AssistantFailedException exception)
        {
            tokens = exception.TokensUsed;
            outcome = exception.Fault.ToString().ToLowerInvariant();
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = TelemetryTags.Cancelled;
            throw;
        }
        finally
        {
            span?.SetTag(TelemetryTags.Outcome, outcome);
            span?.SetTag(TelemetryTags.AssistantTokens, tokens);
            if (outcome is not (TelemetryTags.Ok or TelemetryTags.Cancelled))
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            telemetry.Ai(telemetry.SecondsSince(started), tokens, new TagList { { TelemetryTags.AssistantKind, kind }, { TelemetryTags.AssistantSource, source }, { TelemetryTags.Outcome, outcome } });
        }
    }
}
