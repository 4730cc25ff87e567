namespace Samskapelse.Review;

using Samskapelse.Planning;

/// <summary>A person whose data is exported or deleted: the Teams user id and, when known, the Entra object id.</summary>
public sealed record DataSubject(string UserId, string? AadObjectId)
{
    public bool Is(Actor? actor) =>
        actor is not null && (actor.UserId == UserId || (!string.IsNullOrEmpty(AadObjectId) && string.Equals(actor.AadObjectId, AadObjectId, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether someone else's plan holds anything this person did on its shared cards.</summary>
    public bool ContributedTo(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var review = plan.Review;
        return review.CoOwnerIds.Contains(UserId)
            || review.ActiveUserIds.Contains(UserId)
            || review.Signatures.Any(s => Is(s.By))
            || review.Comments.Any(c => Is(c.By))
            || review.Proposals.Any(p => Is(p.By) || Is(p.DecidedBy))
            || review.Votes.Any(v => Is(v.By))
            || review.SharedTo.Any(s => Is(s.SharedBy))
            || plan.FollowUps.Any(f => Is(f.By));
    }
}

/// <summary>
/// Takes a person out of someone else's plan. Signatures, votes and decided proposals stay, so the
/// counts and the plan's history hold, under a neutral marker; their comments go entirely (the text is
/// theirs); their open proposals go (nobody is left to be told the decision), and their decided proposals keep
/// only the decision, not their words (an approved one lives on as the owner's partner, alliance or principle);
/// they stop being a co-owner. Their follow-up entries stay in the plan's history (what happened with a partner is
/// the plan's record), dated, under the neutral marker instead of their name.
/// </summary>
public static class ParticipantErasure
{
    public static Plan Without(this Plan plan, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(subject);
        if (!subject.ContributedTo(plan))
        {
            return plan;
        }

        var marker = FormerParticipant.NewMarker();
        Actor Replace(Actor actor) => subject.Is(actor) ? marker : actor;
        var review = plan.Review;
        return plan with
        {
            Review = review with
            {
                CoOwnerIds = review.CoOwnerIds.Remove(subject.UserId),
                ActiveUserIds = review.ActiveUserIds.RemoveAll(id => id == subject.UserId),
                Signatures = [.. review.Signatures.Select(s => s with { By = Replace(s.By) })],
                Comments = review.Comments.RemoveAll(c => subject.Is(c.By)),
                Proposals = [.. review.Proposals
                    .Where(p => !(subject.Is(p.By) && p.Status == ProposalStatus.Open))
                    .Select(p => p with { Text = subject.Is(p.By) ? string.Empty : p.Text, By = Replace(p.By), DecidedBy = p.DecidedBy is null ? null : Replace(p.DecidedBy) })],
                Votes = [.. review.Votes.Select(v => v with { By = Replace(v.By) })],
                SharedTo = [.. review.SharedTo.Select(s => s with { SharedBy = Replace(s.SharedBy) })],
            },
            FollowUps = plan.FollowUps.Any(f => subject.Is(f.By)) ? [.. plan.FollowUps.Select(f => f with { By = Replace(f.By) })] : plan.FollowUps,
        };
    }
}
