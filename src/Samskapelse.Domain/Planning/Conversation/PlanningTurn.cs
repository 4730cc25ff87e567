using Samskapelse.Localization;

namespace Samskapelse.Planning.Conversation;

/// <summary>One turn of the planning conversation: who speaks, the state going in, and the replies coming out.</summary>
public sealed class PlanningTurn
{
    private readonly List<Reply> replies = [];
    private readonly Dictionary<string, Plan> written = new(StringComparer.Ordinal);

    public PlanningTurn(string userId, string userName, Language language, PlanningSession session, PlannerProfile profile, IPlanStore plans, TimeProvider time)
    {
        UserId = userId;
        UserName = userName;
        Language = language;
        Session = session;
        Profile = profile;
        Plans = plans;
        Time = time;
    }

    public string UserId { get; }

    public string UserName { get; }

    public Language Language { get; set; }

    public PlanningSession Session { get; set; }

    public PlannerProfile Profile { get; set; }

    public IPlanStore Plans { get; }

    public TimeProvider Time { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public IReadOnlyList<Reply> Replies => replies;

    /// <summary>An intent a handler hands on, carried out in the same turn after it (the choice on the answer-or-command card).</summary>
    public Intent? FollowUp { get; set; }

    /// <summary>Plans this turn changed: their shared cards are brought up to date after the turn.</summary>
    public ISet<string> ChangedPlanIds { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The version of a plan this turn wrote last, if it wrote one: no need to read it back to see whether it is shared.</summary>
    public Plan? WrittenPlan(string planId) => written.GetValueOrDefault(planId);

    public void Say(string key, params object[] args) => replies.Add(new TextReply(key, args));

    public void Show(Reply reply) => replies.Add(reply);

    /// <summary>Numbers a new input card; only the newest card's submits are taken.</summary>
    public int NextCard()
    {
        Session = Session with { CardSequence = Session.CardSequence + 1 };
        return Session.CardSequence;
    }

    /// <summary>The plan the conversation works on, if it still exists and belongs to this user.</summary>
    public async Task<Plan?> ActivePlanAsync(CancellationToken cancellationToken)
    {
        if (Session.ActivePlanId is null)
        {
            return null;
        }

        var plan = await Plans.FindAsync(Session.ActivePlanId, cancellationToken).ConfigureAwait(false);
        if (plan is null || plan.OwnerId != UserId)
        {
            Session = Session with { ActivePlanId = null, Step = PlanStep.Setup };
            return null;
        }

        return plan;
    }

    /// <summary>The plans of this user, in the order they were made; plans deleted elsewhere drop out.</summary>
    public async Task<IReadOnlyList<Plan>> MyPlansAsync(CancellationToken cancellationToken)
    {
        var found = await Plans.FindManyAsync(Profile.PlanIds, cancellationToken).ConfigureAwait(false);
        var mine = found.Where(p => p.OwnerId == UserId).ToList();
        if (mine.Count != Profile.PlanIds.Count)
        {
            Profile = Profile with { PlanIds = [.. mine.Select(p => p.Id)] };
        }

        return mine;
    }

    public async Task<Plan?> ChangeActivePlanAsync(Func<Plan, Plan> change, CancellationToken cancellationToken)
    {
        if (Session.ActivePlanId is null)
        {
            return null;
        }

        var planId = Session.ActivePlanId;
        ChangedPlanIds.Add(planId);
        var changed = await Plans.UpdateAsync(planId, plan => change(plan).Touched(Now), cancellationToken).ConfigureAwait(false);
        if (changed is not null)
        {
            written[planId] = changed;
        }

        return changed;
    }

    public void AskQuestion(Plan plan, TextReply? notice = null) =>
        replies.Add(new QuestionReply(plan, Session.Step, NextCard(), notice));
}
