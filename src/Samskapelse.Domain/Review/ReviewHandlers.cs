using System.Globalization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Planning.Conversation.Handlers;

namespace Samskapelse.Review;

public static class ReviewVerbs
{
    public const string Refresh = "review.refresh";
    public const string Sign = "review.sign";
    public const string Comment = "review.comment";
    public const string Propose = "review.propose";
    public const string Approve = "review.approve";
    public const string Decline = "review.decline";
    public const string Vote = "review.vote";
    public const string SetAllianceStatus = "review.status";
}

/// <summary>Field names in the data and inputs of shared cards.</summary>
public static class ReviewFields
{
    public const string Plan = "plan";
    public const string Kind = "kind";
    public const string Version = "version";
    public const string Target = "target";
    public const string TargetId = "targetId";
    public const string CommentText = "comment";
    public const string ProposalKind = "proposalKind";
    public const string ProposalText = "proposal";
    public const string Proposal = "proposalId";
    public const string Alliance = "allianceId";
    public const string InFavour = "inFavour";
    public const string Status = "status";
}

public static class ReviewLimits
{
    public const int Comments = 60;
    public const int OpenProposals = 20;
}

/// <summary>
/// What one person may add to one plan, so that nobody can fill a plan's comments or proposals alone
/// (configured under <c>Review</c>; the plan-wide limits in <see cref="ReviewLimits"/> still hold).
/// </summary>
public sealed record ReviewQuotas
{
    public const int DefaultCommentsPerPerson = 20;
    public const int DefaultOpenProposalsPerPerson = 5;

    public int CommentsPerPerson { get; init; } = DefaultCommentsPerPerson;

    public int OpenProposalsPerPerson { get; init; } = DefaultOpenProposalsPerPerson;
}

internal sealed class RefreshHandler : IReviewHandler
{
    public string Verb => ReviewVerbs.Refresh;

    public ReviewRole Requires => ReviewRole.Member;

    public ReviewResult Apply(Plan plan, ReviewCommand command) => ReviewResult.Unchanged(plan);
}

internal sealed class SignHandler : IReviewHandler
{
    public string Verb => ReviewVerbs.Sign;

    public ReviewRole Requires => ReviewRole.Member;

    // Signing still makes sense on a card from an older version: it is applied, once per person.
    public ReviewResult Apply(Plan plan, ReviewCommand command)
    {
        if (plan.Review.Signatures.Any(s => s.By.UserId == command.Actor.UserId))
        {
            return ReviewResult.Unchanged(plan, new TextReply("Review_AlreadySigned"));
        }

        var signed = plan with { Review = plan.Review with { Signatures = plan.Review.Signatures.Add(new Signature(command.Actor, command.Now)) } };
        return ReviewResult.Applied(signed, new TextReply("Review_Signed"));
    }
}

internal sealed class CommentHandler(ReviewQuotas quotas) : IReviewHandler
{
    public string Verb => ReviewVerbs.Comment;

    public ReviewRole Requires => ReviewRole.Member;

    public ReviewResult Apply(Plan plan, ReviewCommand command)
    {
        var text = command.Field(ReviewFields.CommentText);
        var problem = Answers.Check(text, PlanLimits.ItemLength);
        if (problem is not null)
        {
            return ReviewResult.Refuse(plan, problem);
        }

        if (plan.Review.Comments.Count >= ReviewLimits.Comments)
        {
            return ReviewResult.Refuse(plan, new TextReply("Error_ListFull", ReviewLimits.Comments));
        }

        if (plan.Review.Comments.Count(c => c.By.UserId == command.Actor.UserId) >= quotas.CommentsPerPerson)
        {
            return ReviewResult.Refuse(plan, new TextReply("Review_CommentQuota", quotas.CommentsPerPerson));
        }

        // The card's target choice reads "Kind:id", e.g. "Partner:p2"; "Plan:" is the plan as a whole.
        var choice = (command.Field(ReviewFields.Target) ?? "Plan:").Split(':', 2);
        var target = Answers.ParseEnum<ReviewTarget>(choice[0]) ?? ReviewTarget.Plan;
        var targetId = choice.Length > 1 && choice[1].Length > 0 ? choice[1] : command.Field(ReviewFields.TargetId);
        var exists = target switch
        {
            ReviewTarget.Partner => plan.Partners.Any(p => p.Id == targetId),
            ReviewTarget.Alliance => plan.Alliances.Any(a => a.Id == targetId),
            ReviewTarget.Principle => plan.CodeOfConduct.Any(c => c.Id == targetId),
            _ => true,
        };
        if (!exists)
        {
            return ReviewResult.Refuse(plan, new TextReply("Review_TargetGone"));
        }

        var id = Answers.NewId("m", plan.Review.Comments.Select(c => c.Id));
        var comment = new Comment(id, target, target == ReviewTarget.Plan ? null : targetId, text!.Trim(), command.Actor, command.Now);
        return ReviewResult.Applied(plan with { Review = plan.Review with { Comments = plan.Review.Comments.Add(comment) } }, new TextReply("Review_Commented"));
    }
}

internal sealed class ProposeHandler(ReviewQuotas quotas) : IReviewHandler
{
    public string Verb => ReviewVerbs.Propose;

    public ReviewRole Requires => ReviewRole.Member;

    public ReviewResult Apply(Plan plan, ReviewCommand command)
    {
        var kind = Answers.ParseEnum<ProposalKind>(command.Field(ReviewFields.ProposalKind));
        var text = command.Field(ReviewFields.ProposalText);
        var problem = kind is null ? new TextReply("Review_ChooseProposalKind") : Answers.Check(text, kind == ProposalKind.Principle ? PlanLimits.ItemLength : PlanLimits.NameLength);
        if (problem is not null)
        {
            return ReviewResult.Refuse(plan, problem);
        }

        if (plan.Review.Proposals.Count(p => p.Status == ProposalStatus.Open) >= ReviewLimits.OpenProposals)
        {
            return ReviewResult.Refuse(plan, new TextReply("Error_ListFull", ReviewLimits.OpenProposals));
        }

        if (plan.Review.Proposals.Count(p => p.Status == ProposalStatus.Open && p.By.UserId == command.Actor.UserId) >= quotas.OpenProposalsPerPerson)
        {
            return ReviewResult.Refuse(plan, new TextReply("Review_ProposalQuota", quotas.OpenProposalsPerPerson));
        }

        var id = Answers.NewId("r", plan.Review.Proposals.Select(p => p.Id));
        // Proposals are read by the whole chat and may become part of the plan: no links go in.
        var proposal = new Proposal(id, kind!.Value, Assistant.TextSafety.WithoutLinks(text!.Trim()), command.Actor, command.Now);
        return ReviewResult.Applied(plan with { Review = plan.Review with { Proposals = plan.Review.Proposals.Add(proposal) } }, new TextReply("Review_Proposed"));
    }
}

/// <summary>The owner approves or declines a proposal; an approved one goes into the plan through the plan's own rules.</summary>
internal abstract class DecideHandler : IReviewHandler
{
    public abstract string Verb { get; }

    public ReviewRole Requires => ReviewRole.Owner;

    protected abstract bool Approve { get; }

    public ReviewResult Apply(Plan plan, ReviewCommand command)
    {
        var proposal = plan.Review.Proposals.Find(p => p.Id == command.Field(ReviewFields.Proposal));
        if (proposal is null)
        {
            return ReviewResult.Refuse(plan, new TextReply("Review_TargetGone"));
        }

        // From an older card: a proposal already decided is never decided again.
        if (proposal.Status != ProposalStatus.Open)
        {
            return ReviewResult.Refuse(plan, new TextReply(proposal.Status == ProposalStatus.Approved ? "Review_AlreadyApproved" : "Review_AlreadyDeclined", proposal.Text));
        }

        var content = plan;
        if (Approve)
        {
            var refused = proposal.Kind switch
            {
                ProposalKind.Partner => AnswerRules.AddPartner(ref content, PartnerReader.Read(proposal.Text, Answers.NewId("p", content.Partners.Select(p => p.Id)))),
                ProposalKind.Alliance => AnswerRules.AddAlliance(ref content, proposal.Text, [], null),
                _ => AddPrinciple(ref content, proposal.Text),
            };
            if (refused is not null)
            {
                return ReviewResult.Refuse(plan, refused);
            }
        }

        var decided = proposal with { Status = Approve ? ProposalStatus.Approved : ProposalStatus.Declined, DecidedBy = command.Actor, DecidedAt = command.Now };
        var updated = content with { Review = content.Review with { Proposals = content.Review.Proposals.Replace(proposal, decided) } };
        return ReviewResult.Applied(updated, new TextReply(Approve ? "Review_ProposalApproved" : "Review_ProposalDeclined", proposal.By.Name, proposal.Text));
    }

    private static TextReply? AddPrinciple(ref Plan plan, string text)
    {
        if (plan.CodeOfConduct.Count >= PlanLimits.Principles)
        {
            return new TextReply("Error_ListFull", PlanLimits.Principles);
        }

        var principles = plan.CodeOfConduct.IsEmpty ? CodeOfConductDrafter.Draft(plan) : plan.CodeOfConduct;
        plan = plan with { CodeOfConduct = principles.Add(new Principle(Answers.NewId("c", principles.Select(c => c.Id)), null, text)) };
        return null;
    }
}

internal sealed class ApproveHandler : DecideHandler
{
    public override string Verb => ReviewVerbs.Approve;

    protected override bool Approve => true;
}

internal sealed class DeclineHandler : DecideHandler
{
    public override string Verb => ReviewVerbs.Decline;

    protected override bool Approve => false;
}

internal sealed class VoteHandler : IReviewHandler
{
    public string Verb => ReviewVerbs.Vote;

    public ReviewRole Requires => ReviewRole.Member;

    public ReviewResult Apply(Plan plan, ReviewCommand command)
    {
        var allianceId = command.Field(ReviewFields.Alliance);
        var alliance = plan.Alliances.Find(a => a.Id == allianceId);
        if (alliance is null)
        {
            return ReviewResult.Refuse(plan, new TextReply("Review_TargetGone"));
        }

        if (plan.Review.AllianceStatuses.GetValueOrDefault(alliance.Id) == AllianceStatus.Dropped)
        {
            return ReviewResult.Refuse(plan, new TextReply("Review_AllianceDropped", alliance.Name));
        }

        var inFavour = string.Equals(command.Field(ReviewFields.InFavour), "true", StringComparison.OrdinalIgnoreCase);
        var votes = plan.Review.Votes.RemoveAll(v => v.AllianceId == alliance.Id && v.By.UserId == command.Actor.UserId)
            .Add(new Vote(alliance.Id, command.Actor, inFavour, command.Now));
        return ReviewResult.Applied(plan with { Review = plan.Review with { Votes = votes } }, new TextReply(inFavour ? "Review_VotedFor" : "Review_VotedAgainst", alliance.Name));
    }
}

internal sealed class SetAllianceStatusHandler : IReviewHandler
{
    public string Verb => ReviewVerbs.SetAllianceStatus;

    public ReviewRole Requires => ReviewRole.Owner;

    public ReviewResult Apply(Plan plan, ReviewCommand command)
    {
        var allianceId = command.Field(ReviewFields.Alliance);
        var alliance = plan.Alliances.Find(a => a.Id == allianceId);
        var status = Answers.ParseEnum<AllianceStatus>(command.Field(ReviewFields.Status));
        if (alliance is null || status is null)
        {
            return ReviewResult.Refuse(plan, new TextReply("Review_TargetGone"));
        }

        var statuses = plan.Review.AllianceStatuses.SetItem(alliance.Id, status.Value);
        return ReviewResult.Applied(plan with { Review = plan.Review with { AllianceStatuses = statuses } }, new TextReply("Review_StatusSet_" + status.Value, alliance.Name));
    }
}

public static class ReviewHandlers
{
    public static IReadOnlyList<IReviewHandler> All(ReviewQuotas? quotas = null) =>
    [
        new RefreshHandler(), new SignHandler(), new CommentHandler(quotas ?? new ReviewQuotas()), new ProposeHandler(quotas ?? new ReviewQuotas()),
        new ApproveHandler(), new DeclineHandler(), new VoteHandler(), new SetAllianceStatusHandler(),
    ];

    public static string VersionText(Plan plan) => plan.Version.ToString(CultureInfo.InvariantCulture);
}
