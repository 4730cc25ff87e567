using Samskapelse.Documents;
using Samskapelse.Planning;
using Samskapelse.Review;

namespace Samskapelse.Bot.Documents;

/// <summary>
/// Who may take a whole plan away (the Word and Markdown files, and the map). It is asked when links are
/// made and again every time one is used, so a link stops working for someone who loses access.
/// </summary>
public interface IDocumentAccess
{
    ValueTask<bool> MayReadAsync(Plan plan, string readerId, CancellationToken cancellationToken);
}

/// <summary>
/// The plan's owner and its co-owners, and nobody else: having signed, voted or commented on a shared
/// card gives no right to the whole plan. Members of a chat get only what was shared there
/// (<see cref="SharedDocumentScope"/>).
/// </summary>
public sealed class OwnerDocumentAccess : IDocumentAccess
{
    public ValueTask<bool> MayReadAsync(Plan plan, string readerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ValueTask.FromResult(string.Equals(plan.OwnerId, readerId, StringComparison.Ordinal) || plan.Review.CoOwnerIds.Contains(readerId));
    }
}

/// <summary>
/// A link made for a member of a chat a plan was shared to: it names the chat, and grants only what the
/// card shared there shows, while it is shared there (the map of the partners card). Carried in the
/// link's plan field, as the privacy export carries its scope.
/// </summary>
public sealed record SharedDocumentScope(string PlanId, string ConversationId)
{
    private const char Separator = '\t';

    public string Encode() => PlanId + Separator + ConversationId;

    public static SharedDocumentScope? Decode(string? text) =>
        text?.Split(Separator) is [var plan, var conversation] && plan.Length > 0 && conversation.Length > 0 ? new SharedDocumentScope(plan, conversation) : null;

    /// <summary>Which form a member may take away from a card of <paramref name="kind"/>: the partners card shows the map.</summary>
    public static bool Grants(SharedCardKind kind, PlanExport export) => kind == SharedCardKind.Partners && export == PlanExport.Map;

    /// <summary>Whether the plan is still shared in the chat with a card that shows <paramref name="export"/>.</summary>
    public bool Allows(Plan plan, PlanExport export)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Id == PlanId && plan.Review.SharedTo.Any(s => s.ConversationId == ConversationId && Grants(s.Kind, export));
    }
}
