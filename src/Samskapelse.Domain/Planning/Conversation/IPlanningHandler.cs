namespace Samskapelse.Planning.Conversation;

/// <summary>Handles one verb of the planning conversation.</summary>
public interface IPlanningHandler
{
    string Verb { get; }

    /// <summary>
    /// True when a card submit for this verb must come from the newest input card of the active plan:
    /// anything else is stale and is answered with the current question instead of being applied.
    /// </summary>
    bool NeedsCurrentCard { get; }

    Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken);
}
