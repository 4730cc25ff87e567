using Samskapelse.Planning;

namespace Samskapelse.Bot.Documents;

/// <summary>
/// Who may take a plan away. It is asked when links are made and again when one is used, so a link
/// stops working for someone who loses access. Sharing plans to conversations (a later issue) plugs in
/// here: an implementation that also admits members of the conversations the plan was shared to.
/// </summary>
public interface IDocumentAccess
{
    ValueTask<bool> MayReadAsync(Plan plan, string readerId, CancellationToken cancellationToken);
}

/// <summary>
/// The plan's owner and co-owners, and the members of the conversations it was shared to who have
/// acted on its shared card there (an action from a conversation the plan was shared to is the
/// proof of membership the bot has without calling Graph).
/// </summary>
public sealed class OwnerDocumentAccess : IDocumentAccess
{
    public ValueTask<bool> MayReadAsync(Plan plan, string readerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var review = plan.Review;
        var member = !review.SharedTo.IsEmpty && review.ActiveUserIds.Contains(readerId);
        return ValueTask.FromResult(string.Equals(plan.OwnerId, readerId, StringComparison.Ordinal) || review.CoOwnerIds.Contains(readerId) || member);
    }
}
