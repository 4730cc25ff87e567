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

/// <summary>Today only the plan's owner.</summary>
public sealed class OwnerDocumentAccess : IDocumentAccess
{
    public ValueTask<bool> MayReadAsync(Plan plan, string readerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ValueTask.FromResult(string.Equals(plan.OwnerId, readerId, StringComparison.Ordinal));
    }
}
