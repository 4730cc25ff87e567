using System.Collections.Immutable;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Review;

public enum ReviewRole
{
    None,
    Member,
    Owner,
}

/// <summary>One action on a shared card: who, where, the card's fields, and when.</summary>
public sealed record ReviewCommand(string Verb, Actor Actor, string ConversationId, ImmutableDictionary<string, string> Fields, DateTimeOffset Now)
{
    /// <summary>The kind of card the action came from, as its data says; it must have been shared in <see cref="ConversationId"/>.</summary>
    public SharedCardKind Kind { get; init; } = SharedCardKind.Plan;

    public string? Field(string key) => Fields.TryGetValue(key, out var value) ? value : null;
}

/// <summary>The outcome of a review action: the plan after it, whether it changed, and a note for the actor.</summary>
public sealed record ReviewResult(Plan Plan, bool Changed, TextReply? Notice, bool Refused)
{
    public static ReviewResult Applied(Plan plan, TextReply? notice = null) => new(plan, true, notice, false);

    public static ReviewResult Unchanged(Plan plan, TextReply? notice = null) => new(plan, false, notice, false);

    public static ReviewResult Refuse(Plan plan, TextReply reason) => new(plan, false, reason, true);
}

/// <summary>One verb of the shared cards; pure, so a change can be re-applied to a fresh plan after a conflict.</summary>
public interface IReviewHandler
{
    string Verb { get; }

    ReviewRole Requires { get; }

    ReviewResult Apply(Plan plan, ReviewCommand command);
}

/// <summary>
/// Routes shared-card actions to their handler, after the authorization every action shares:
/// the card must have been shared to the conversation the action comes from, and content changes
/// are the owner's (and co-owners').
/// </summary>
public sealed class ReviewActions
{
    private readonly VerbRegistry<IReviewHandler> handlers;

    public ReviewActions(IEnumerable<IReviewHandler> handlers) =>
        this.handlers = new VerbRegistry<IReviewHandler>(handlers, h => h.Verb);

    public IEnumerable<string> Verbs => handlers.Verbs;

    public bool Knows(string verb) => handlers.TryGet(verb, out _);

    /// <summary>
    /// The actor's role on the card of <paramref name="kind"/> in the conversation: none unless that card
    /// was shared there. The owner's role, too, holds only in the conversations the plan was shared to.
    /// </summary>
    public static ReviewRole RoleOf(Plan plan, Actor actor, string conversationId, SharedCardKind kind)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsShared(plan, conversationId, kind))
        {
            return ReviewRole.None;
        }

        return plan.OwnerId == actor.UserId || plan.Review.CoOwnerIds.Contains(actor.UserId) ? ReviewRole.Owner : ReviewRole.Member;
    }

    /// <summary>Whether the card of <paramref name="kind"/> was shared in the conversation (and not since withdrawn).</summary>
    public static bool IsShared(Plan plan, string conversationId, SharedCardKind kind)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var shared in plan.Review.SharedTo)
        {
            if (shared.ConversationId == conversationId && shared.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the verb belongs on the card it came from: a card offers only what it shows, so an action
    /// forged onto another card (signing from the partners card, voting from the overview) is refused.
    /// </summary>
    public static bool BelongsOn(ReviewCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Verb switch
        {
            ReviewVerbs.Sign => command.Kind is SharedCardKind.Plan or SharedCardKind.CodeOfConduct,
            ReviewVerbs.Vote or ReviewVerbs.SetAllianceStatus => command.Kind == SharedCardKind.Alliances,
            ReviewVerbs.Comment => Answers.ParseEnum<ReviewTarget>((command.Field(ReviewFields.Target) ?? "Plan:").Split(':', 2)[0]) switch
            {
                ReviewTarget.Partner => command.Kind == SharedCardKind.Partners,
                ReviewTarget.Alliance => command.Kind == SharedCardKind.Alliances,
                ReviewTarget.Principle => command.Kind == SharedCardKind.CodeOfConduct,
                _ => true,
            },
            _ => true,
        };
    }

    public ReviewResult Execute(Plan plan, ReviewCommand command)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(command);
        if (!handlers.TryGet(command.Verb, out var handler))
        {
            return ReviewResult.Refuse(plan, new TextReply("Error_UnknownAction"));
        }

        var role = RoleOf(plan, command.Actor, command.ConversationId, command.Kind);
        if (role == ReviewRole.None || !BelongsOn(command))
        {
            return ReviewResult.Refuse(plan, new TextReply("Review_NotSharedHere"));
        }

        if (role < handler.Requires)
        {
            return ReviewResult.Refuse(plan, new TextReply("Review_OwnerOnly", plan.OwnerName));
        }

        var result = handler.Apply(plan, command);
        if (!result.Changed)
        {
            return result;
        }

        var active = result.Plan.Review.ActiveUserIds.Remove(command.Actor.UserId).Add(command.Actor.UserId);
        var reviewed = result.Plan with { Review = result.Plan.Review with { ActiveUserIds = active.Count > 200 ? active.RemoveRange(0, active.Count - 200) : active } };
        return result with { Plan = reviewed.Touched(command.Now) };
    }
}
