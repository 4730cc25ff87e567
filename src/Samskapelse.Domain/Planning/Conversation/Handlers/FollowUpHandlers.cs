using Samskapelse.Review;

namespace Samskapelse.Planning.Conversation.Handlers;

/// <summary>"oppfølging" or the overview's button: asks what happened with each partner and alliance, and the status.</summary>
internal sealed class FollowUpHandler : ActivePlanHandler
{
    public override string Verb => Verbs.FollowUp;

    public override bool NeedsCurrentCard => false;

    protected override bool FollowsCardPlan => true;

    protected override Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        turn.Session = turn.Session with { Paused = false };
        turn.Show(new FollowUpReply(plan, turn.NextCard()));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Saves the follow-up card: one dated entry, with its author, for each partner, alliance and the plan as a whole
/// that got a text, and one for a changed status. Nothing is overwritten: the history only grows.
/// </summary>
internal sealed class SaveFollowUpHandler : ActivePlanHandler
{
    public override string Verb => Verbs.SaveFollowUp;

    public override bool NeedsCurrentCard => true;

    protected override async Task HandleAsync(PlanningTurn turn, Plan plan, Intent intent, CancellationToken cancellationToken)
    {
        TextReply? problem = null;
        var added = 0;
        var author = new Actor(turn.UserId, null, turn.UserName);
        var now = turn.Now;
        var updated = await turn.ChangeActivePlanAsync(
            p =>
            {
                var entries = FollowUpRules.Entries(p, intent, author, now, out problem);
                added = entries.Count;
                return problem is not null || entries.Count == 0 ? p : FollowUpRules.Record(p, entries);
            },
            cancellationToken).ConfigureAwait(false) ?? plan;

        if (problem is not null || added == 0)
        {
            turn.Show(new FollowUpReply(updated, turn.NextCard(), problem ?? new TextReply("FollowUp_Nothing")));
            return;
        }

        turn.Say("FollowUp_Saved", added);
        if (updated.IsComplete)
        {
            turn.Show(new SummaryReply(updated));
        }
        else
        {
            turn.AskQuestion(updated);
        }
    }
}

/// <summary>Reads the follow-up card into entries, and records them on the plan.</summary>
internal static class FollowUpRules
{
    public static List<FollowUpEntry> Entries(Plan plan, Intent intent, Actor author, DateTimeOffset now, out TextReply? problem)
    {
        problem = null;
        var texts = new List<(FollowUpSubject Subject, string? Id, string Name, string? Text)>();
        texts.AddRange(plan.Partners.Select(p => (FollowUpSubject.Partner, (string?)p.Id, p.Name, intent.Field(CardData.FollowUpPartner(p.Id)))));
        texts.AddRange(plan.Alliances.Select(a => (FollowUpSubject.Alliance, (string?)a.Id, a.Name, intent.Field(CardData.FollowUpAlliance(a.Id)))));
        texts.Add((FollowUpSubject.Plan, null, plan.Title, intent.Field(CardData.FollowUpNote)));

        var taken = plan.FollowUps.Select(f => f.Id).ToList();
        var entries = new List<FollowUpEntry>();
        FollowUpEntry New(FollowUpSubject subject, string? id, string name, string text)
        {
            var entry = new FollowUpEntry(Answers.NewId("f", taken), subject, id, name, text, author, now);
            taken.Add(entry.Id);
            return entry;
        }

        var status = Answers.ParseEnum<PlanStatus>(intent.Field(CardData.Status));
        if (status is { } set && set != plan.Status)
        {
            entries.Add(New(FollowUpSubject.Plan, null, plan.Title, string.Empty) with { StatusSetTo = set });
        }

        foreach (var (subject, id, name, text) in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var check = Answers.Check(text, PlanLimits.ItemLength);
            if (check is not null)
            {
                problem ??= check;
                continue;
            }

            entries.Add(New(subject, id, name, Answers.Clean(text)));
        }

        if (problem is null && plan.FollowUps.Count + entries.Count > PlanLimits.FollowUps)
        {
            problem = new TextReply("Error_ListFull", PlanLimits.FollowUps);
        }

        return entries;
    }

    public static Plan Record(Plan plan, IReadOnlyCollection<FollowUpEntry> entries)
    {
        var status = entries.Select(e => e.StatusSetTo).LastOrDefault(s => s is not null) ?? plan.Status;
        return plan with { FollowUps = plan.FollowUps.AddRange(entries), Status = status };
    }
}
