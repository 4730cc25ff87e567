using System.Collections.Immutable;
using Samskapelse.Localization;

namespace Samskapelse.Planning.Conversation.Handlers;

internal sealed class EditCodeOfConductHandler : ActivePlanHandler
{
    public override string Verb => Verbs.EditCodeOfConduct;

    public override bool NeedsCurrentCard => false;

    protected override bool FollowsCardPlan => true;

    protected override async Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        if (plan.CodeOfConduct.IsEmpty)
        {
            plan = await turn.ChangeActivePlanAsync(p => p with { CodeOfConduct = CodeOfConductDrafter.Draft(p) }, cancellationToken).ConfigureAwait(false) ?? plan;
        }

        turn.Show(new CodeOfConductEditorReply(plan, turn.NextCard()));
    }
}

/// <summary>
/// Saves the code of conduct editor: each principle's text (a drafted principle that is reworded
/// becomes the owner's own text), the ticked removals, and one new principle.
/// </summary>
internal sealed class SaveCodeOfConductHandler : ActivePlanHandler
{
    public override string Verb => Verbs.SaveCodeOfConduct;

    public override bool NeedsCurrentCard => true;

    protected override async Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        TextReply? problem = null;
        var language = turn.Language;
        var updated = await turn.ChangeActivePlanAsync(p => Apply(p, intent, language, out problem), cancellationToken).ConfigureAwait(false) ?? plan;
        if (problem is not null)
        {
            turn.Show(new CodeOfConductEditorReply(updated, turn.NextCard(), problem));
            return;
        }

        turn.Say("Code_Saved", updated.CodeOfConduct.Count);
        turn.Show(new SummaryReply(updated));
    }

    private static Plan Apply(Plan plan, Intent intent, Language language, out TextReply? problem)
    {
        problem = null;
        var kept = ImmutableList.CreateBuilder<Principle>();
        foreach (var principle in plan.CodeOfConduct)
        {
            if (IsTicked(intent.Field(CardData.PrincipleRemove(principle.Id))))
            {
                continue;
            }

            var submitted = intent.Field(CardData.PrincipleText(principle.Id));
            if (submitted is null || string.IsNullOrWhiteSpace(submitted))
            {
                // An emptied text box keeps the principle: removal is the explicit tick, so nothing is lost by accident.
                kept.Add(principle);
                continue;
            }

            var check = Answers.Check(submitted, PlanLimits.ItemLength);
            if (check is not null)
            {
                problem ??= check;
                kept.Add(principle);
                continue;
            }

            var shown = principle.Text ?? (principle.TemplateKey is null ? string.Empty : Texts.Get(language, principle.TemplateKey));
            kept.Add(string.Equals(shown, submitted.Trim(), StringComparison.Ordinal) ? principle : principle with { TemplateKey = null, Text = submitted.Trim() });
        }

        var added = intent.Field(CardData.NewPrinciple);
        if (!string.IsNullOrWhiteSpace(added))
        {
            var check = Answers.Check(added, PlanLimits.ItemLength);
            if (kept.Count >= PlanLimits.Principles)
            {
                problem ??= new TextReply("Error_ListFull", PlanLimits.Principles);
            }
            else if (check is not null)
            {
                problem ??= check;
            }
            else
            {
                kept.Add(new Principle(Answers.NewId("c", plan.CodeOfConduct.Select(c => c.Id)), null, added.Trim()));
            }
        }

        return CodeOfConductDrafter.Settle(plan, plan with { CodeOfConduct = kept.ToImmutable() });
    }

    private static bool IsTicked(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Accepts or ignores a change to the code of conduct that the plan now calls for (a principle that has come
/// to apply, or one drafted for something no longer in the plan); see <see cref="CodeOfConductDrafter.Suggestions"/>.
/// </summary>
internal sealed class PrincipleSuggestionHandler(bool accept) : ActivePlanHandler
{
    public override string Verb => accept ? Verbs.AcceptPrincipleSuggestion : Verbs.IgnorePrincipleSuggestion;

    public override bool NeedsCurrentCard => false;

    protected override bool FollowsCardPlan => true;

    protected override async Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        var id = intent.Field(CardData.Item) ?? string.Empty;
        var known = CodeOfConductDrafter.Suggestions(plan).Any(s => s.Id == id);
        var updated = known
            ? await turn.ChangeActivePlanAsync(p => accept ? CodeOfConductDrafter.Accept(p, id) : CodeOfConductDrafter.Ignore(p, id), cancellationToken).ConfigureAwait(false) ?? plan
            : plan;
        turn.Say(!known ? "Code_SuggestionGone" : accept ? "Code_SuggestionAccepted" : "Code_SuggestionIgnored");
        turn.Show(new SummaryReply(updated));
    }
}
