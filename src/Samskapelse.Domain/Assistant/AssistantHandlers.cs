using System.Collections.Immutable;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Planning.Conversation.Handlers;

namespace Samskapelse.Assistant;

/// <summary>Every handler of the assistant's buttons, registered beside <see cref="PlanningHandlers.All"/>.</summary>
public static class AssistantHandlers
{
    public static IReadOnlyList<IPlanningHandler> All(AssistantService service) =>
    [
        .. Enum.GetValues<SuggestionKind>().Select(kind => new SuggestHandler(service, kind)),
        new AcceptSuggestionHandler(service), new DiscardSuggestionHandler(service), new DiscardAllHandler(service),
    ];
}

/// <summary>
/// A "Suggest with the assistant" button. Offline suggestions are answered in the turn; cloud ones are
/// handed to the bot, which replies at once and delivers the result when it comes.
/// </summary>
internal sealed class SuggestHandler(AssistantService service, SuggestionKind kind) : IPlanningHandler
{
    public string Verb => AssistantVerbs.For(kind);

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        if (!service.Enabled)
        {
            turn.Say("Assist_Disabled");
            return;
        }

        var plan = await Guard.ActivePlanOrHintAsync(turn, cancellationToken, intent).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        if (kind == SuggestionKind.Mobilisation && plan.Partners.IsEmpty)
        {
            turn.Say("Assist_NoPartnersYet");
            return;
        }

        if (service.UsesCloud)
        {
            turn.Show(new AssistantRequestReply(plan, kind));
            return;
        }

        var batch = await service.SuggestAsync(plan, kind, turn.Language, turn.UserId, cancellationToken).ConfigureAwait(false);
        turn.Show(new SuggestionsReply(plan, batch));
    }
}

/// <summary>Shared steps of accepting and discarding: find the open suggestion, and say what is left.</summary>
internal static class SuggestionSteps
{
    public static async Task<(Plan Plan, SuggestionBatch Batch, Suggestion Suggestion)?> FindAsync(AssistantService service, PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        if (!service.Enabled)
        {
            turn.Say("Assist_Disabled");
            return null;
        }

        var plan = await Guard.ActivePlanOrHintAsync(turn, cancellationToken, intent).ConfigureAwait(false);
        if (plan is null)
        {
            return null;
        }

        var id = intent.Field(CardData.Item);
        var record = await service.Store.GetAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        if (id is null || record.Find(id) is not { } found)
        {
            turn.Say("Assist_AlreadyHandled");
            return null;
        }

        return (plan, found.Batch, found.Suggestion);
    }

    /// <summary>Removes the handled suggestion; with none left in its batch, the conversation goes on where it stood.</summary>
    public static async Task FinishAsync(AssistantService service, PlanningTurn turn, Plan plan, SuggestionBatch batch, string suggestionId, CancellationToken cancellationToken)
    {
        var record = await service.Store.UpdateAsync(plan.Id, r => r.Without(suggestionId), cancellationToken).ConfigureAwait(false);
        var remaining = record.Batches.Find(b => b.Id == batch.Id);
        if (remaining is not null)
        {
            turn.Show(new SuggestionsReply(plan, remaining));
            return;
        }

        turn.Say("Assist_AllHandled");
        var step = AssistantVerbs.StepOf(batch.Kind);
        if (step is not null && !plan.IsComplete && turn.Session.ActivePlanId == plan.Id && turn.Session.Step == step && !turn.Session.Paused)
        {
            turn.AskQuestion(plan);
        }
    }
}

/// <summary>Accepts one suggestion, as the user left it in its text box, through the plan's own rules.</summary>
internal sealed class AcceptSuggestionHandler(AssistantService service) : IPlanningHandler
{
    public string Verb => AssistantVerbs.Accept;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var found = await SuggestionSteps.FindAsync(service, turn, intent, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return;
        }

        var (plan, batch, suggestion) = found.Value;

        var text = intent.Field(AssistantCardData.Text(suggestion.Id)) ?? suggestion.Text;
        var detail = intent.Field(AssistantCardData.Detail(suggestion.Id)) ?? suggestion.Detail;
        var limit = suggestion.Kind switch
        {
            SuggestionKind.Partners or SuggestionKind.Alliances => PlanLimits.NameLength,
            SuggestionKind.Summary => PlanLimits.AnswerLength,
            _ => PlanLimits.ItemLength,
        };
        var problem = Answers.Check(text, limit);
        if (problem is not null)
        {
            turn.Show(problem);
            return;
        }

        text = Answers.Clean(text);
        if (suggestion.Kind == SuggestionKind.Summary)
        {
            turn.Show(new TeamSummaryReply(plan, text));
            await SuggestionSteps.FinishAsync(service, turn, plan, batch, suggestion.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (suggestion.Kind == SuggestionKind.Pitfalls)
        {
            await SuggestionSteps.FinishAsync(service, turn, plan, batch, suggestion.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        var updated = await turn.ChangeActivePlanAsync(p => Apply(p, suggestion, text, detail, out problem), cancellationToken).ConfigureAwait(false);
        if (problem is not null || updated is null)
        {
            // Refused by the plan's rules (a full list, a duplicate, a partner since removed): the suggestion stays open.
            turn.Show(problem ?? new TextReply("NoPlan_Hint"));
            return;
        }

        turn.Say("Assist_Accepted", text);
        await SuggestionSteps.FinishAsync(service, turn, updated, batch, suggestion.Id, cancellationToken).ConfigureAwait(false);
    }

    private static Plan Apply(Plan plan, Suggestion suggestion, string text, string? detail, out TextReply? problem)
    {
        switch (suggestion.Kind)
        {
            case SuggestionKind.Partners:
                var kind = suggestion.PartnerKind ?? PartnerKind.Association;
                var partner = new Partner(Answers.NewId("p", plan.Partners.Select(p => p.Id)), text, suggestion.Side ?? (kind == PartnerKind.OwnUnit ? PartnerSide.AtHome : PartnerSide.Outside), kind);
                problem = AnswerRules.AddPartner(ref plan, partner);
                return plan;

            case SuggestionKind.Mobilisation:
                if (suggestion.TargetId is null || plan.FindPartner(suggestion.TargetId) is null)
                {
                    problem = new TextReply("Assist_PartnerGone");
                    return plan;
                }

                problem = AnswerRules.SetMobilisation(ref plan, new Dictionary<string, string> { [suggestion.TargetId] = text });
                return plan;

            case SuggestionKind.Activities:
                problem = AnswerRules.AddActivity(ref plan, text);
                return plan;

            case SuggestionKind.Alliances:
                problem = AnswerRules.AddAlliance(ref plan, text, suggestion.PartnerIds, detail);
                return plan;

            default:
                return AddPrinciple(plan, suggestion, text, out problem);
        }
    }

    private static Plan AddPrinciple(Plan plan, Suggestion suggestion, string text, out TextReply? problem)
    {
        problem = null;
        var principles = plan.CodeOfConduct.IsEmpty ? CodeOfConductDrafter.Draft(plan) : plan.CodeOfConduct;
        var target = suggestion.TargetId is null ? -1 : principles.FindIndex(p => p.Id == suggestion.TargetId);
        if (target >= 0)
        {
            return CodeOfConductDrafter.Settle(plan with { CodeOfConduct = principles }, plan with { CodeOfConduct = principles.SetItem(target, principles[target] with { TemplateKey = null, Text = text }) });
        }

        if (principles.Count >= PlanLimits.Principles)
        {
            problem = new TextReply("Error_ListFull", PlanLimits.Principles);
            return plan;
        }

        var id = Answers.NewId("c", principles.Select(p => p.Id));
        return plan with { CodeOfConduct = principles.Add(new Principle(id, null, text)) };
    }
}

internal sealed class DiscardSuggestionHandler(AssistantService service) : IPlanningHandler
{
    public string Verb => AssistantVerbs.Discard;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var found = await SuggestionSteps.FindAsync(service, turn, intent, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return;
        }

        var (plan, batch, suggestion) = found.Value;

        turn.Say("Assist_Discarded");
        await SuggestionSteps.FinishAsync(service, turn, plan, batch, suggestion.Id, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Discards what is left of one batch.</summary>
internal sealed class DiscardAllHandler(AssistantService service) : IPlanningHandler
{
    public string Verb => AssistantVerbs.DiscardAll;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plan = await Guard.ActivePlanOrHintAsync(turn, cancellationToken, intent).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        var batchId = intent.Field(AssistantCardData.Batch);
        var removed = 0;
        await service.Store.UpdateAsync(
            plan.Id,
            record =>
            {
                removed = record.Batches.Find(b => b.Id == batchId)?.Suggestions.Count ?? 0;
                return record with { Batches = record.Batches.RemoveAll(b => b.Id == batchId) };
            },
            cancellationToken).ConfigureAwait(false);
        turn.Say(removed == 0 ? "Assist_AlreadyHandled" : "Assist_DiscardedAll", removed);
    }
}

/// <summary>The assistant's handlers for the composition root.</summary>
public sealed class AssistantHandlerSource(AssistantService service) : IPlanningHandlerSource
{
    public IEnumerable<IPlanningHandler> Handlers() => AssistantHandlers.All(service);
}
