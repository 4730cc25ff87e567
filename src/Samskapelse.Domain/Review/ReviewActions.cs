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

    public static ReviewRole RoleOf(Plan plan, Actor actor, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actor);
        var shared = plan.Review.SharedTo.Any(s => s.ConversationId == conversationId);
        if (!shared)
        {
            return ReviewRole.None;
        }

        return plan.OwnerId == actor.UserId || plan.Review.CoOwnerIds.Contains(actor.UserId) ? ReviewRole.Owner : ReviewRole.Member;
    }

    public ReviewResult Execute(Plan plan, ReviewCommand command)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(command);
        if (!handlers.TryGet(command.Verb, out var handler))
        {
            return ReviewResult.Refuse(plan, new TextReply("Error_UnknownAction"));
        }

        var role = RoleOf(plan, command.Actor, command.ConversationId);
        if (role == ReviewRole.None)
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
