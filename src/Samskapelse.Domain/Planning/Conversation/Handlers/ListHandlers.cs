using System.Collections.Immutable;

namespace Samskapelse.Planning.Conversation.Handlers;

/// <summary>Adds to the list questions (partners, related activities, alliances) from a card form or typed lines.</summary>
internal static class ListForms
{
    /// <summary>Adds what the add-form of the current list card holds. Shows the card again when it added or refused something.</summary>
    public static async Task<Plan?> AddFromFormAsync(PlanningTurn turn, PlanStep step, Intent intent, CancellationToken cancellationToken)
    {
        var name = intent.Field(CardData.Name);
        var description = intent.Field(CardData.Description);
        var hasForm = step switch
        {
            PlanStep.Partners or PlanStep.Alliances => !string.IsNullOrWhiteSpace(name),
            PlanStep.RelatedActivities => !string.IsNullOrWhiteSpace(description),
            _ => false,
        };
        if (!hasForm)
        {
            return null;
        }

        TextReply? problem = null;
        var updated = await turn.ChangeActivePlanAsync(
            plan =>
            {
                problem = step switch
                {
                    PlanStep.Partners => AnswerRules.AddPartner(ref plan, FormPartner(plan, intent)),
                    PlanStep.RelatedActivities => AnswerRules.AddActivity(ref plan, description!),
                    _ => AnswerRules.AddAlliance(ref plan, name!, SplitIds(intent.Field(CardData.Partners)), intent.Field(CardData.Purpose)),
                };
                return plan;
            },
            cancellationToken).ConfigureAwait(false);

        if (updated is not null && problem is not null)
        {
            turn.AskQuestion(updated, problem);
        }

        return updated;
    }

    public static async Task AddTypedAsync(PlanningTurn turn, Plan plan, PlanStep step, string text, CancellationToken cancellationToken)
    {
        var added = 0;
        TextReply? problem = null;
        var updated = await turn.ChangeActivePlanAsync(
            current =>
            {
                added = 0;
                problem = null;
                foreach (var line in Answers.Lines(text))
                {
                    var refused = step switch
                    {
                        PlanStep.Partners => AnswerRules.AddPartner(ref current, PartnerReader.Read(line, Answers.NewId("p", current.Partners.Select(p => p.Id)))),
                        PlanStep.RelatedActivities => AnswerRules.AddActivity(ref current, line),
                        _ => AddTypedAlliance(ref current, line),
                    };
                    if (refused is null)
                    {
                        added++;
                    }
                    else
                    {
                        problem ??= refused;
                    }
                }

                return current;
            },
            cancellationToken).ConfigureAwait(false) ?? plan;

        turn.AskQuestion(updated, problem ?? new TextReply("List_Added_" + step, added));
    }

    public static ImmutableList<string> SplitIds(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static Partner FormPartner(Plan plan, Intent intent)
    {
        var id = Answers.NewId("p", plan.Partners.Select(p => p.Id));
        var kind = Answers.ParseEnum<PartnerKind>(intent.Field(CardData.Kind));
        var side = Answers.ParseEnum<PartnerSide>(intent.Field(CardData.Side));
        var guessed = PartnerReader.Read(Answers.Clean(intent.Field(CardData.Name)!), id);
        var resolvedKind = kind ?? guessed.Kind;
        var resources = AnswerRules.EnumList<PartnerResource>(intent.Field(CardData.Resources));
        return guessed with
        {
            Kind = resolvedKind,
            Side = side ?? (resolvedKind == PartnerKind.OwnUnit ? PartnerSide.AtHome : guessed.Side),
            Resources = resources.IsEmpty ? guessed.Resources : [.. Enum.GetValues<PartnerResource>().Where(r => resources.Contains(r) || guessed.Resources.Contains(r))],
        };
    }

    // "Name: purpose (partner, partner)" — partners named in parentheses at the end join the alliance.
    private static TextReply? AddTypedAlliance(ref Plan plan, string line)
    {
        var (name, rest) = Answers.SplitNamed(line);
        var partnerIds = new List<string>();
        var open = rest.LastIndexOf('(');
        if (open >= 0 && rest.EndsWith(')'))
        {
            var current = plan;
            partnerIds.AddRange(rest[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => current.Partners.FirstOrDefault(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase))?.Id)
                .OfType<string>());
            rest = rest[..open].Trim();
        }

        return name is null
            ? AnswerRules.AddAlliance(ref plan, rest, partnerIds, null)
            : AnswerRules.AddAlliance(ref plan, name, partnerIds, rest);
    }
}

internal abstract class ListItemHandler : ActivePlanHandler
{
    public abstract override string Verb { get; }

    public override bool NeedsCurrentCard => true;

    protected abstract PlanStep Step { get; }

    protected override async Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        turn.Session = turn.Session with { Step = Step };
        var updated = await ApplyAsync(turn, plan, intent, cancellationToken).ConfigureAwait(false);
        if (!turn.Replies.OfType<QuestionReply>().Any())
        {
            turn.AskQuestion(updated ?? plan);
        }
    }

    protected abstract Task<Plan?> ApplyAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken);

    protected static ImmutableHashSet<string> Selected(Intent intent) => [.. ListForms.SplitIds(intent.Field(CardData.Item))];
}

internal abstract class AddItemHandler : ListItemHandler
{
    protected override async Task<Plan?> ApplyAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        var updated = await ListForms.AddFromFormAsync(turn, Step, intent, cancellationToken).ConfigureAwait(false);
        if (updated is null)
        {
            turn.AskQuestion(plan, new TextReply("Error_EmptyAnswer"));
        }

        return updated;
    }
}

internal sealed class AddPartnerHandler : AddItemHandler
{
    public override string Verb => Verbs.AddPartner;

    protected override PlanStep Step => PlanStep.Partners;
}

internal sealed class AddActivityHandler : AddItemHandler
{
    public override string Verb => Verbs.AddActivity;

    protected override PlanStep Step => PlanStep.RelatedActivities;
}

internal sealed class AddAllianceHandler : AddItemHandler
{
    public override string Verb => Verbs.AddAlliance;

    protected override PlanStep Step => PlanStep.Alliances;
}

internal sealed class RemovePartnerHandler : ListItemHandler
{
    public override string Verb => Verbs.RemovePartner;

    protected override PlanStep Step => PlanStep.Partners;

    // Removing a partner also takes it out of every alliance it was part of.
    protected override Task<Plan?> ApplyAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken) =>
        turn.ChangeActivePlanAsync(
            p => p with
            {
                Partners = p.Partners.RemoveAll(x => Selected(intent).Contains(x.Id)),
                Alliances = [.. p.Alliances.Select(a => a with { PartnerIds = a.PartnerIds.RemoveAll(Selected(intent).Contains) })],
            },
            cancellationToken);
}

internal sealed class RemoveActivityHandler : ListItemHandler
{
    public override string Verb => Verbs.RemoveActivity;

    protected override PlanStep Step => PlanStep.RelatedActivities;

    protected override Task<Plan?> ApplyAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken) =>
        turn.ChangeActivePlanAsync(p => p with { RelatedActivities = p.RelatedActivities.RemoveAll(x => Selected(intent).Contains(x.Id)) }, cancellationToken);
}

internal sealed class RemoveAllianceHandler : ListItemHandler
{
    public override string Verb => Verbs.RemoveAlliance;

    protected override PlanStep Step => PlanStep.Alliances;

    protected override Task<Plan?> ApplyAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken) =>
        turn.ChangeActivePlanAsync(p => p with { Alliances = p.Alliances.RemoveAll(x => Selected(intent).Contains(x.Id)) }, cancellationToken);
}
