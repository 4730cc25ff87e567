using System.Globalization;
using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Assistant;

/// <summary>
/// Asks the configured assistant and never fails the user: when the cloud assistant times out, is
/// throttled, refuses, answers badly or cannot be reached, or when the user's rate limit or the plan's
/// token budget is used up, the offline assistant answers and the batch says why. Every suggestion is
/// made plain text, checked against the plan, and kept as an open suggestion until the user decides.
/// </summary>
public sealed class AssistantService(
    AssistantSettings settings,
    IPlanningAssistant? cloud,
    IAssistantStore store,
    AssistantRateLimiter limiter,
    TimeProvider time)
{
    /// <summary>The most suggestions one card shows, whoever wrote them: it keeps the card well within Teams' message size.</summary>
    public const int MaxSuggestions = 8;

    /// <summary>Alliances carry two texts and a member list each, so fewer fit a card.</summary>
    public static int MaxFor(SuggestionKind kind) => kind == SuggestionKind.Alliances ? 4 : MaxSuggestions;

    public AssistantSettings Settings { get; } = settings;

    public bool Enabled => Settings.Mode != AssistantMode.Disabled;

    /// <summary>True when answers come from the cloud: the turn then answers with a working card and the result follows.</summary>
    public bool UsesCloud => Settings.Mode == AssistantMode.AzureOpenAI && cloud is not null;

    public IAssistantStore Store => store;

    public async Task<SuggestionBatch> SuggestAsync(Plan plan, SuggestionKind kind, Language language, string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var input = new AssistantInput(kind, language, PlanFacts.From(plan, language));
        AssistantFault? fault = null;
        AssistantAnswer? answer = null;
        var tokens = 0;

        if (UsesCloud)
        {
            var record = await store.GetAsync(plan.Id, cancellationToken).ConfigureAwait(false);
            if (record.TokensUsed >= Settings.TokenBudgetPerPlan)
            {
                fault = AssistantFault.BudgetExhausted;
            }
            else if (!limiter.TryAcquire(userKey, out _))
            {
                fault = AssistantFault.UserRateLimited;
            }
            else
            {
                (answer, fault, tokens) = await AskCloudAsync(input, cancellationToken).ConfigureAwait(false);
            }
        }

        var source = answer is null ? AssistantSource.Offline : AssistantSource.AzureOpenAI;
        var suggestions = answer?.Suggestions ?? OfflineAssistant.Suggest(input);
        var saved = await store.UpdateAsync(
            plan.Id,
            record =>
            {
                var number = record.BatchCount + 1;
                var batchId = "b" + number.ToString(CultureInfo.InvariantCulture);
                var batch = new SuggestionBatch
                {
                    Id = batchId,
                    Kind = kind,
                    Source = source,
                    Fault = fault,
                    CreatedAt = time.GetUtcNow(),
                    Suggestions = [.. Clean(plan, kind, suggestions).Take(MaxFor(kind)).Select((s, i) => s with { Id = batchId + "s" + (i + 1).ToString(CultureInfo.InvariantCulture) })],
                };
                var batches = record.Batches.Add(batch);
                return record with
                {
                    TokensUsed = record.TokensUsed + tokens,
                    BatchCount = number,
                    Batches = batches.Count > Settings.BatchesKept ? batches.RemoveRange(0, batches.Count - Settings.BatchesKept) : batches,
                };
            },
            cancellationToken).ConfigureAwait(false);
        return saved.Batches[^1];
    }

    private async Task<(AssistantAnswer? Answer, AssistantFault? Fault, int Tokens)> AskCloudAsync(AssistantInput input, CancellationToken cancellationToken)
    {
        using var overall = new CancellationTokenSource(Settings.OverallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overall.Token);
        try
        {
            var answer = await cloud!.SuggestAsync(input, linked.Token).ConfigureAwait(false);
            return (answer, null, answer.TokensUsed);
        }
        catch (AssistantFailedException failed)
        {
            return (null, failed.Fault, failed.TokensUsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, AssistantFault.Timeout, 0);
        }
    }

    /// <summary>Plain text within the plan's limits, only partners the plan has, nothing the plan already holds.</summary>
    private static IEnumerable<Suggestion> Clean(Plan plan, SuggestionKind kind, IEnumerable<Suggestion> suggestions)
    {
        var known = plan.Partners.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var limit = kind switch
        {
            SuggestionKind.Partners or SuggestionKind.Alliances => PlanLimits.NameLength,
            SuggestionKind.Summary => PlanLimits.AnswerLength,
            _ => PlanLimits.ItemLength,
        };
        foreach (var suggestion in suggestions)
        {
            var text = TextSafety.Plain(suggestion.Text, limit);
            if (text.Length == 0 || !seen.Add(text) || AlreadyInPlan(plan, kind, text))
            {
                continue;
            }

            if (kind == SuggestionKind.Mobilisation && (suggestion.TargetId is null || !known.Contains(suggestion.TargetId)))
            {
                continue;
            }

            var detail = TextSafety.Plain(suggestion.Detail, PlanLimits.ItemLength);
            yield return suggestion with
            {
                Kind = kind,
                Text = text,
                Detail = detail.Length == 0 ? null : detail,
                PartnerIds = [.. suggestion.PartnerIds.Where(known.Contains).Distinct(StringComparer.Ordinal)],
            };
        }
    }

    private static bool AlreadyInPlan(Plan plan, SuggestionKind kind, string text) => kind switch
    {
        SuggestionKind.Partners => plan.Partners.Any(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase)),
        SuggestionKind.Activities => plan.RelatedActivities.Any(a => string.Equals(a.Description, text, StringComparison.OrdinalIgnoreCase)),
        SuggestionKind.Alliances => plan.Alliances.Any(a => string.Equals(a.Name, text, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };
}
