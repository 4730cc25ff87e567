using System.Collections.Immutable;

namespace Samskapelse.Planning.Conversation.Handlers;

/// <summary>Applies answers to the plan, one step at a time; the same rules for typed and card answers.</summary>
internal static class AnswerRules
{
    public static Plan SetText(Plan plan, PlanStep step, string text) => step switch
    {
        PlanStep.Goal => plan with { Goal = text, SkippedQuestions = plan.SkippedQuestions.Remove(1) },
        PlanStep.Collaboration => plan with { Collaboration = text, SkippedQuestions = plan.SkippedQuestions.Remove(4) },
        _ => plan,
    };

    /// <summary>The contributions ticked on question 1's card; null when the card had no such input (a typed answer).</summary>
    public static ImmutableList<Contribution>? ReadContributions(Intent intent) =>
        intent.Field(CardData.Contributions) is { } ticked ? EnumList<Contribution>(ticked) : null;

    /// <summary>A multi-select's value ("Knowledge,Money") as the values it names, in the enum's order, each once.</summary>
    public static ImmutableList<TEnum> EnumList<TEnum>(string? value)
        where TEnum : struct, Enum
    {
        var named = ListForms.SplitIds(value).Select(Answers.ParseEnum<TEnum>).OfType<TEnum>().ToHashSet();
        return [.. Enum.GetValues<TEnum>().Where(named.Contains)];
    }

    public static TextReply? AddPartner(ref Plan plan, Partner partner)
    {
        if (plan.Partners.Count >= PlanLimits.Partners)
        {
            return new TextReply("Error_ListFull", PlanLimits.Partners);
        }

        if (partner.Name.Length > PlanLimits.NameLength)
        {
            return new TextReply("Error_TooLong", partner.Name.Length, PlanLimits.NameLength);
        }

        var existing = plan.Partners.FindIndex(p => string.Equals(p.Name, partner.Name, StringComparison.OrdinalIgnoreCase));
        if (existing >= 0)
        {
            // The same partner again with what it brings ("Røde Kors (lokaler, folk)") sets its resources; nothing else changes.
            if (partner.Resources.IsEmpty)
            {
                return new TextReply("Error_Duplicate", partner.Name);
            }

            plan = plan with { Partners = plan.Partners.SetItem(existing, plan.Partners[existing] with { Resources = partner.Resources }) };
            return new TextReply("Partners_ResourcesUpdated", plan.Partners[existing].Name);
        }

        plan = plan with { Partners = plan.Partners.Add(partner), SkippedQuestions = plan.SkippedQuestions.Remove(2) };
        return null;
    }

    public static TextReply? AddActivity(ref Plan plan, string description)
    {
        if (plan.RelatedActivities.Count >= PlanLimits.RelatedActivities)
        {
            return new TextReply("Error_ListFull", PlanLimits.RelatedActivities);
        }

        var problem = Answers.Check(description, PlanLimits.ItemLength);
        if (problem is not null)
        {
            return problem;
        }

        var id = Answers.NewId("a", plan.RelatedActivities.Select(a => a.Id));
        plan = plan with { RelatedActivities = plan.RelatedActivities.Add(new RelatedActivity(id, Answers.Clean(description))), SkippedQuestions = plan.SkippedQuestions.Remove(5) };
        return null;
    }

    public static TextReply? AddAlliance(ref Plan plan, string name, IEnumerable<string> partnerIds, string? purpose)
    {
        if (plan.Alliances.Count >= PlanLimits.Alliances)
        {
            return new TextReply("Error_ListFull", PlanLimits.Alliances);
        }

        var problem = Answers.Check(name, PlanLimits.NameLength) ?? (string.IsNullOrWhiteSpace(purpose) ? null : Answers.Check(purpose, PlanLimits.ItemLength));
        if (problem is not null)
        {
            return problem;
        }

        var known = plan.Partners.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var members = partnerIds.Where(known.Contains).Distinct(StringComparer.Ordinal).ToImmutableList();
        if (members.Count > PlanLimits.PartnersPerAlliance)
        {
            return new TextReply("Error_TooManyAlliancePartners", PlanLimits.PartnersPerAlliance);
        }

        var id = Answers.NewId("l", plan.Alliances.Select(a => a.Id));
        var purposeText = string.IsNullOrWhiteSpace(purpose) ? null : Answers.Clean(purpose);
        plan = plan with { Alliances = plan.Alliances.Add(new Alliance(id, Answers.Clean(name), members, purposeText)), SkippedQuestions = plan.SkippedQuestions.Remove(6) };
        return null;
    }

    /// <summary>Sets how each named partner is mobilised; returns the first problem, applying the rest.</summary>
    public static TextReply? SetMobilisation(ref Plan plan, IReadOnlyDictionary<string, string> byPartnerId)
    {
        TextReply? firstProblem = null;
        var partners = plan.Partners;
        foreach (var (partnerId, text) in byPartnerId)
        {
            var index = partners.FindIndex(p => p.Id == partnerId);
            if (index < 0 || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var problem = Answers.Check(text, PlanLimits.ItemLength);
            if (problem is not null)
            {
                firstProblem ??= problem;
                continue;
            }

            partners = partners.SetItem(index, partners[index] with { Mobilisation = Answers.Clean(text) });
        }

        plan = plan with { Partners = partners, SkippedQuestions = plan.SkippedQuestions.Remove(3) };
        return firstProblem;
    }
}

/// <summary>The "Next" button of a question card: takes what the card holds, then moves on.</summary>
internal sealed class SubmitAnswerHandler : ActivePlanHandler
{
    public override string Verb => Verbs.SubmitAnswer;

    public override bool NeedsCurrentCard => true;

    protected override async Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        var step = turn.Session.Step;
        TextReply? problem = null;
        Plan? updated = plan;
        switch (step)
        {
            case PlanStep.Goal or PlanStep.Collaboration:
                var text = intent.Field(CardData.Answer);
                problem = Answers.Check(text, PlanLimits.AnswerLength);

                // The contributions are optional and kept even when the text is refused, so the card shows them again.
                var contributions = step == PlanStep.Goal ? AnswerRules.ReadContributions(intent) : null;
                if (problem is null || contributions is not null)
                {
                    updated = await turn.ChangeActivePlanAsync(
                        p =>
                        {
                            var answered = problem is null ? AnswerRules.SetText(p, step, Answers.Clean(text!)) : p;
                            return contributions is null ? answered : answered with { Contributions = contributions };
                        },
                        cancellationToken).ConfigureAwait(false);
                }

                break;

            case PlanStep.Mobilisation:
                var answers = plan.Partners.ToDictionary(p => p.Id, p => intent.Field(CardData.Mobilisation(p.Id)) ?? string.Empty);
                updated = await turn.ChangeActivePlanAsync(p => { problem = AnswerRules.SetMobilisation(ref p, answers); return p; }, cancellationToken).ConfigureAwait(false);
                break;

            default:
                // List questions: a filled-in add form is added rather than lost when the user presses Next.
                updated = await ListForms.AddFromFormAsync(turn, step, intent, cancellationToken).ConfigureAwait(false) ?? plan;
                if (turn.Replies.OfType<QuestionReply>().Any())
                {
                    return;
                }

                break;
        }

        if (problem is not null || updated is null)
        {
            turn.AskQuestion(updated ?? plan, problem);
            return;
        }

        await Progress.AdvanceAsync(turn, updated, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A typed message while a question is open answers that question.</summary>
internal sealed class TypedAnswerHandler : IPlanningHandler
{
    public string Verb => Verbs.TypedAnswer;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var text = intent.Field(CardData.Text) ?? string.Empty;
        if (turn.Session.AwaitingNewPlan && turn.Session.ActivePlanId is null)
        {
            await NewPlan.CreateAsync(turn, Intent.Of(Verbs.SubmitSetup, (CardData.Title, text)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var plan = await Guard.ActivePlanOrHintAsync(turn, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        if (plan.IsComplete && !turn.Session.EditingSingleAnswer)
        {
            turn.Say("Plan_CompleteHint", plan.Title);
            return;
        }

        var step = turn.Session.Step;
        var problem = step is PlanStep.Goal or PlanStep.Collaboration
            ? Answers.Check(text, PlanLimits.AnswerLength)
            : Answers.Check(text, PlanLimits.AnswerLength * 2);
        if (problem is not null)
        {
            turn.AskQuestion(plan, problem);
            return;
        }

        switch (step)
        {
            case PlanStep.Setup:
                var titleProblem = Answers.Check(text, PlanLimits.TitleLength);
                if (titleProblem is not null)
                {
                    turn.AskQuestion(plan, titleProblem);
                    return;
                }

                var renamed = await turn.ChangeActivePlanAsync(p => p with { Title = Answers.Clean(text) }, cancellationToken).ConfigureAwait(false);

                await Progress.AdvanceAsync(turn, renamed ?? plan, cancellationToken).ConfigureAwait(false);
                return;

            case PlanStep.Goal or PlanStep.Collaboration:
                var answered = await turn.ChangeActivePlanAsync(p => AnswerRules.SetText(p, step, Answers.Clean(text)), cancellationToken).ConfigureAwait(false);
                await Progress.AdvanceAsync(turn, answered ?? plan, cancellationToken).ConfigureAwait(false);
                return;

            case PlanStep.Mobilisation:
                await TypedMobilisationAsync(turn, plan, text, cancellationToken).ConfigureAwait(false);
                return;

            default:
                await ListForms.AddTypedAsync(turn, plan, step, text, cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private static async Task TypedMobilisationAsync(PlanningTurn turn, Plan plan, string text, CancellationToken cancellationToken)
    {
        // "Name: how" lines; a line without a name goes to the first partner who has no answer yet.
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var line in Answers.Lines(text))
        {
            // "Name: how" names a partner only when the name is one; "Forslag: en felles dugnad" is an answer with a colon in it.
            var (name, rest) = Answers.SplitNamed(line);
            var named = name is null ? null : plan.Partners.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            var partner = named ?? plan.Partners.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Mobilisation) && !answers.ContainsKey(p.Id));
            if (partner is null)
            {
                unknown.Add(name ?? line);
                continue;
            }

            answers[partner.Id] = named is null ? line : rest;
        }

        TextReply? problem = null;
        var updated = await turn.ChangeActivePlanAsync(p => { problem = AnswerRules.SetMobilisation(ref p, answers); return p; }, cancellationToken).ConfigureAwait(false) ?? plan;
        problem ??= unknown.Count > 0 ? new TextReply("Error_UnknownPartner", string.Join(", ", unknown)) : null;

        if (problem is null && PlanProgress.IsAnswered(updated, PlanStep.Mobilisation))
        {
            await Progress.AdvanceAsync(turn, updated, cancellationToken).ConfigureAwait(false);
            return;
        }

        turn.AskQuestion(updated, problem ?? new TextReply("Mobilisation_Saved", answers.Count));
    }
}
